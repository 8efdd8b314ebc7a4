#include "core/crypto/KeyDerivation.h"

#include <QTest>

#include "tests/crypto/CryptoTestHex.h"
#include <algorithm>
#include <set>
#include <string>

using namespace ls;
using namespace ls::crypto;

namespace {

// libsodium test/default/kdf.c: master key 00 01 … 1f, context "KDF test".
kdf::MasterKey vectorMaster()
{
    FixedBytes<32> bytes{};
    for (std::size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<std::uint8_t>(i);
    return kdf::MasterKey(bytes);
}

} // namespace

class TestKeyDerivation : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void knownAnswers_data()
    {
        QTest::addColumn<qulonglong>("subkeyId");
        QTest::addColumn<int>("size");
        QTest::addColumn<QString>("expected");
        // Outputs from libsodium test/default/kdf.exp (first loop: ids 0–9 at 64 bytes; second
        // loop: id i at length i).
        QTest::newRow("id 0, 64 bytes") << 0ull << 64
                                        << "a0c724404728c8bb95e5433eb6a9716171144d61efb23e74b873fcb"
                                           "eda51d8071b5d70aae12066dfc94c"
                                           "e943f145aa176c055040c3dd73b0a15e36254d450614";
        QTest::newRow("id 1, 64 bytes") << 1ull << 64
                                        << "02507f144fa9bf19010bf7c70b235b4c2663cc00e074f929602a5e2"
                                           "c10a780757d2a3993d06debc378a9"
                                           "0efdac196dd841817b977d67b786804f6d3cd585bab5";
        QTest::newRow("id 16, 16 bytes") << 16ull << 16 << "a529216624ef9161e4cf117272aafff2";
        QTest::newRow("id 32, 32 bytes")
            << 32ull << 32 << "154b291f11196737f8b7f491e4ca11764e0227d34f94295408a869f007aa8618";
        QTest::newRow("id 64, 64 bytes") << 64ull << 64
                                         << "06ae14308eeeda62a00cb6d5edf18d1707029515db98f472bbf061"
                                            "7419301b1d4f4f2ab65849446be46f"
                                            "87e1d31c6c74283897b9976f70d8a16253ac927e0d9f";
    }

    void knownAnswers()
    {
        QFETCH(qulonglong, subkeyId);
        QFETCH(int, size);
        QFETCH(QString, expected);
        Bytes out(static_cast<std::size_t>(size));
        QVERIFY(kdf::derive(out, vectorMaster(), subkeyId, "KDF test"));
        QCOMPARE(QString::fromStdString(testhex::encode(out)), expected);
    }

    void convenienceMatchesGeneral()
    {
        auto key = kdf::deriveKey(vectorMaster(), 32, "KDF test");
        QVERIFY(key.has_value());
        QCOMPARE(testhex::encode(key->view()),
                 std::string("154b291f11196737f8b7f491e4ca11764e0227d34f94295408a869f007aa8618"));
    }

    void idsAndContextsSeparateKeys()
    {
        auto master = vectorMaster();
        std::set<std::string> seen;
        for (std::uint64_t id : {0ull, 1ull, 2ull, 1000ull, ~0ull}) {
            auto key = kdf::deriveKey(master, id, "LStest01");
            QVERIFY(key.has_value());
            QVERIFY(seen.insert(testhex::encode(key->view())).second);
            // Same inputs, same key.
            QVERIFY(
                std::ranges::equal(key->view(), kdf::deriveKey(master, id, "LStest01")->view()));
        }
        auto otherContext = kdf::deriveKey(master, 0, "LStest02");
        QVERIFY(!seen.contains(testhex::encode(otherContext->view())));

        auto otherMasterBytes = testhex::decodeFixed<32>(testhex::encode(master.view()));
        otherMasterBytes[0] ^= 1;
        auto otherMaster = kdf::deriveKey(kdf::MasterKey(otherMasterBytes), 0, "LStest01");
        QVERIFY(!seen.contains(testhex::encode(otherMaster->view())));
    }

    void badArgumentsAreRefused()
    {
        Bytes out(32);
        QCOMPARE(kdf::derive(out, vectorMaster(), 0, "short").error().kind,
                 ErrorKind::InvalidInput);
        QVERIFY(!kdf::derive(out, vectorMaster(), 0, "too long!"));
        QVERIFY(!kdf::derive(out, vectorMaster(), 0, ""));
        Bytes tooShort(15);
        QVERIFY(!kdf::derive(tooShort, vectorMaster(), 0, "KDF test"));
        Bytes tooLong(65);
        QVERIFY(!kdf::derive(tooLong, vectorMaster(), 0, "KDF test"));
    }
};

QTEST_GUILESS_MAIN(TestKeyDerivation)
#include "tst_keyderivation.moc"
