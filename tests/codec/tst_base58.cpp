#include "core/codec/Base58.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <string>

using namespace ls;

// Known answers: Bitcoin Core's src/test/data/base58_encode_decode.json, shipped unchanged in
// tests/codec/data/. Base58Check is checked against a BIP-32 extended key here and, in
// tst_hdkey, against every BIP-32 xprv/xpub test vector.

namespace {

std::string hex(ByteView bytes)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (auto byte : bytes) {
        out.push_back(digits[byte >> 4]);
        out.push_back(digits[byte & 0xf]);
    }
    return out;
}

Bytes fromHex(const QByteArray& text)
{
    const QByteArray raw = QByteArray::fromHex(text);
    return Bytes(raw.begin(), raw.end());
}

QByteArray b(const std::string& text)
{
    return QByteArray::fromStdString(text);
}

} // namespace

class TestBase58 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bitcoinCoreVectors_data()
    {
        QTest::addColumn<QByteArray>("hexData");
        QTest::addColumn<QByteArray>("encoded");
        QFile file(QStringLiteral(LS_TEST_DATA_DIR "/base58_encode_decode.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonArray cases = QJsonDocument::fromJson(file.readAll()).array();
        QCOMPARE(cases.size(), 21);
        int row = 0;
        for (const auto& entry : cases) {
            const QJsonArray pair = entry.toArray();
            QTest::addRow("case %d", row++)
                << pair.at(0).toString().toLatin1().toLower() << pair.at(1).toString().toLatin1();
        }
    }

    void bitcoinCoreVectors()
    {
        QFETCH(QByteArray, hexData);
        QFETCH(QByteArray, encoded);
        const Bytes data = fromHex(hexData);
        QCOMPARE(b(codec::base58Encode(data)), encoded);
        auto decoded = codec::base58Decode(encoded.toStdString());
        QVERIFY2(decoded.has_value(), decoded ? "" : decoded.error().message.c_str());
        QCOMPARE(b(hex(*decoded)), hexData);
    }

    void rejectsCharactersOutsideTheAlphabet_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("culprit");
        QTest::newRow("zero") << QByteArray("3EFU0m") << QByteArray("Character 5 ('0')");
        QTest::newRow("capital O") << QByteArray("O3EFU7m") << QByteArray("Character 1 ('O')");
        QTest::newRow("capital I") << QByteArray("3EFUI7m") << QByteArray("Character 5 ('I')");
        QTest::newRow("lowercase l") << QByteArray("3EFU7ml") << QByteArray("Character 7 ('l')");
        QTest::newRow("plus") << QByteArray("3EF+U7m") << QByteArray("Character 4 ('+')");
        // Bitcoin Core skips surrounding whitespace; we are strict so that one text has one
        // meaning, and the caller trims user input where that is wanted.
        QTest::newRow("leading space") << QByteArray(" 3EFU7m") << QByteArray("(a space)");
        QTest::newRow("trailing newline")
            << QByteArray("3EFU7m\n") << QByteArray("(a control or non-ASCII character)");
        QTest::newRow("inner space") << QByteArray("3EF U7m") << QByteArray("Character 4");
        QTest::newRow("non-ASCII") << QByteArray("3EF\xc3\xa9U7m") << QByteArray("Character 4");
        QTest::newRow("NUL") << QByteArray("3EF\0U7m", 7) << QByteArray("Character 4");
    }

    void rejectsCharactersOutsideTheAlphabet()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, culprit);
        auto decoded = codec::base58Decode(
            std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
        QVERIFY(!decoded.has_value());
        QCOMPARE(decoded.error().kind, ErrorKind::InvalidInput);
        QVERIFY2(b(decoded.error().message).contains(culprit), decoded.error().message.c_str());
    }

    void refusesOversizedInput()
    {
        const std::string huge(2000, 'z');
        auto decoded = codec::base58Decode(huge);
        QVERIFY(!decoded.has_value());
        QCOMPARE(decoded.error().kind, ErrorKind::InvalidInput);
        // The same text is fine when the caller allows it.
        QVERIFY(codec::base58Decode(huge, 2000).has_value());
        // The limit applies to the decoded size, leading zero bytes included.
        QVERIFY(!codec::base58Decode(std::string(11, '1'), 10).has_value());
        QCOMPARE(codec::base58Decode(std::string(10, '1'), 10)->size(), std::size_t(10));
    }

    void checkDecodesAnExtendedKey()
    {
        // BIP-32 test vector 1, master xprv. Its fields: version 0488ade4, depth 0, parent
        // fingerprint 0, child number 0, then chain code and 00 ‖ private key as listed for the
        // same seed in SLIP-0010 (test vector 1 for secp256k1).
        const char* xprv
            = "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF"
              "5kejMRNNU3TGtRBeJgk33yuGBxrMPHi";
        const QByteArray expected
            = "0488ade4"
              "00"
              "00000000"
              "00000000"
              "873dff81c02f525623fd1fe5167eac3a55a049de3d314bb42ee227ffed37d508"
              "00e8f32e723decf4051aefac8e2c93c9c5b214313817cdb01a1494b917c8436b35";
        auto payload = codec::base58CheckDecode(xprv);
        QVERIFY(payload.has_value());
        QCOMPARE(b(hex(*payload)), expected);
        QCOMPARE(b(codec::base58CheckEncode(*payload)), QByteArray(xprv));
    }

    void checkRejectsATypo()
    {
        // BIP-32 test vector 5 lists this as "invalid checksum": vector 1's master xprv with its
        // last character changed.
        auto typo = codec::base58CheckDecode("xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3"
                                             "jPPqjiChkVvvNKmPGJxWUtg6LnF5kejMRN"
                                             "NU3TGtRBeJgk33yuGBxrMPHL");
        QVERIFY(!typo.has_value());
        QCOMPARE(typo.error().kind, ErrorKind::Verification);
        QVERIFY(b(typo.error().message).contains("checksum"));
        // Dropping a character is caught too.
        QVERIFY(!codec::base58CheckDecode(
            "xprv9s21ZrQH143K3QTDL4LXw2F7HEK3wJUD2nW2nRk4stbPy6cq3jPPqjiChkVvvNKmPGJxWUtg6LnF"
            "5kejMRNNU3TGtRBeJgk33yuGBxrMPH")
                     .has_value());
    }

    void checkRejectsTextShorterThanItsChecksum()
    {
        for (const char* text : { "", "1", "2g", "a3gV" }) {
            auto decoded = codec::base58CheckDecode(text);
            QVERIFY(!decoded.has_value());
            QCOMPARE(decoded.error().kind, ErrorKind::InvalidInput);
        }
    }

    void checkRoundTripsWithLeadingZeros()
    {
        for (std::size_t zeros = 0; zeros < 4; ++zeros) {
            Bytes payload(zeros, 0);
            payload.push_back(0x42);
            payload.push_back(0x00);
            auto decoded = codec::base58CheckDecode(codec::base58CheckEncode(payload));
            QVERIFY(decoded.has_value());
            QCOMPARE(*decoded, payload);
        }
        auto empty = codec::base58CheckDecode(codec::base58CheckEncode({}));
        QVERIFY(empty.has_value());
        QVERIFY(empty->empty());
    }
};

QTEST_GUILESS_MAIN(TestBase58)
#include "tst_base58.moc"
