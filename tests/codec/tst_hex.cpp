#include "core/codec/Hex.h"

#include <QTest>

#include <string>

using namespace ls;

// Known answers: RFC 4648 §10 (BASE16 test vectors), lowercased as Ethereum tools print hex.

class TestHex : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rfc4648Vectors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("empty") << QByteArray("") << QByteArray("");
        QTest::newRow("f") << QByteArray("f") << QByteArray("66");
        QTest::newRow("fo") << QByteArray("fo") << QByteArray("666f");
        QTest::newRow("foo") << QByteArray("foo") << QByteArray("666f6f");
        QTest::newRow("foob") << QByteArray("foob") << QByteArray("666f6f62");
        QTest::newRow("fooba") << QByteArray("fooba") << QByteArray("666f6f6261");
        QTest::newRow("foobar") << QByteArray("foobar") << QByteArray("666f6f626172");
    }

    void rfc4648Vectors()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        const std::string inputText = input.toStdString();
        const ByteView data = asBytes(inputText);
        QCOMPARE(QByteArray::fromStdString(codec::toHex(data)), expected);
        QCOMPARE(QByteArray::fromStdString(codec::toHex(data, true)), "0x" + expected);

        auto decoded = codec::fromHex(expected.toStdString());
        QVERIFY2(decoded.has_value(), decoded ? "" : decoded.error().message.c_str());
        QCOMPARE(QByteArray(reinterpret_cast<const char*>(decoded->data()),
                     static_cast<qsizetype>(decoded->size())),
            input);
    }

    void acceptsPrefixAndEitherCase()
    {
        const Bytes expected { 0xde, 0xad, 0xbe, 0xef };
        for (const char* text : { "deadbeef", "DEADBEEF", "0xDeAdBeEf", "0XdeadBEEF" }) {
            auto decoded = codec::fromHex(text);
            QVERIFY2(decoded.has_value(), text);
            QCOMPARE(*decoded, expected);
        }
        auto empty = codec::fromHex("0x");
        QVERIFY(empty.has_value());
        QVERIFY(empty->empty());
    }

    void allByteValuesRoundTrip()
    {
        Bytes all(256);
        for (std::size_t i = 0; i < all.size(); ++i)
            all[i] = static_cast<std::uint8_t>(i);
        const std::string text = codec::toHex(all);
        QCOMPARE(text.size(), std::size_t { 512 });
        QCOMPARE(QByteArray::fromStdString(text.substr(0, 8)), QByteArray("00010203"));
        QCOMPARE(QByteArray::fromStdString(text.substr(504)), QByteArray("fcfdfeff"));
        QCOMPARE(*codec::fromHex(text), all);
    }

    void rejectsMalformedText_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("culprit");
        QTest::newRow("odd length") << QByteArray("abc") << QByteArray("odd number of digits (3)");
        QTest::newRow("odd after prefix") << QByteArray("0x1") << QByteArray("odd number");
        QTest::newRow("letter g") << QByteArray("0a0g") << QByteArray("Character 4 ('g')");
        // The position counts the prefix too, so it matches what the user sees.
        QTest::newRow("g after prefix") << QByteArray("0xg0") << QByteArray("Character 3 ('g')");
        QTest::newRow("space") << QByteArray("00 11") << QByteArray("Character 3 (a space)");
        QTest::newRow("double prefix") << QByteArray("0x0x00") << QByteArray("Character 4 ('x')");
        QTest::newRow("bare x") << QByteArray("x0") << QByteArray("Character 1 ('x')");
        QTest::newRow("sign") << QByteArray("-01") << QByteArray("Character 1 ('-')");
        QTest::newRow("non-ASCII") << QByteArray("0\xc3\xa9") << QByteArray("non-ASCII");
    }

    void rejectsMalformedText()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, culprit);
        auto decoded = codec::fromHex(text.toStdString());
        QVERIFY(!decoded.has_value());
        QCOMPARE(decoded.error().kind, ErrorKind::InvalidInput);
        QVERIFY2(decoded.error().message.find(culprit.toStdString()) != std::string::npos,
            decoded.error().message.c_str());
    }

    void fixedLengthIsEnforced()
    {
        auto four = codec::fromHexFixed<4>("0xdeadbeef");
        QVERIFY(four.has_value());
        QCOMPARE(*four, (FixedBytes<4> { 0xde, 0xad, 0xbe, 0xef }));

        auto tooShort = codec::fromHexFixed<20>("0xdeadbeef");
        QVERIFY(!tooShort.has_value());
        QVERIFY2(tooShort.error().message.find("Expected 20 bytes") != std::string::npos,
            tooShort.error().message.c_str());
        QVERIFY(!codec::fromHexFixed<3>("deadbeef").has_value());
        QVERIFY(!codec::fromHexFixed<4>("deadbeeg").has_value());
    }
};

QTEST_GUILESS_MAIN(TestHex)
#include "tst_hex.moc"
