#include "core/crypto/Random.h"
#include "core/crypto/SecureMemory.h"

#include <QTest>

#include <algorithm>
#include <string>

using namespace ls;
using namespace ls::crypto;

class TestSecureMemory : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void constantTimeEqual()
    {
        Bytes a{1, 2, 3, 4};
        Bytes b{1, 2, 3, 4};
        Bytes c{1, 2, 3, 5};
        Bytes d{9, 2, 3, 4};
        QVERIFY(crypto::constantTimeEqual(a, b));
        QVERIFY(!crypto::constantTimeEqual(a, c));
        QVERIFY(!crypto::constantTimeEqual(a, d));
        QVERIFY(!crypto::constantTimeEqual(a, ByteView(b).first(3)));
        QVERIFY(crypto::constantTimeEqual({}, {}));
        QVERIFY(!crypto::constantTimeEqual({}, a));
    }

    void secureWipeZeroes()
    {
        Bytes data(100, 0xab);
        secureWipe(data.data(), data.size());
        QVERIFY(std::all_of(data.begin(), data.end(), [](std::uint8_t b) { return b == 0; }));
        secureWipe(nullptr, 0); // harmless
    }

    void secretBytesAssignment()
    {
        SecretBytes first(asBytes("first secret"));
        SecretBytes second(asBytes("second, longer secret"));
        first = second;
        QCOMPARE(std::string(first.asText()), std::string("second, longer secret"));
        QCOMPARE(std::string(second.asText()), std::string("second, longer secret"));

        SecretBytes third(asBytes("third"));
        third = std::move(first);
        QCOMPARE(std::string(third.asText()), std::string("second, longer secret"));
        QVERIFY(first.empty()); // NOLINT(bugprone-use-after-move): moved-from state is specified

        auto& self = third;
        third = self;
        QCOMPARE(std::string(third.asText()), std::string("second, longer secret"));

        SecretBytes moved(std::move(third));
        QCOMPARE(moved.size(), std::string("second, longer secret").size());
    }

    void secretFixedSize()
    {
        Secret<4> zero;
        QVERIFY(std::ranges::all_of(zero.view(), [](std::uint8_t b) { return b == 0; }));
        Secret<4> value(FixedBytes<4>{1, 2, 3, 4});
        Secret<4> copy = value;
        QVERIFY(std::ranges::equal(copy.view(), value.view()));
    }

    void randomness()
    {
        QVERIFY(randomBytes(32) != randomBytes(32));
        QCOMPARE(randomBytes(0).size(), std::size_t{0});
        QCOMPARE(randomSecretBytes(17).size(), std::size_t{17});
        QVERIFY(randomFixed<16>() != randomFixed<16>());
        QVERIFY(!std::ranges::equal(randomSecret<32>().view(), randomSecret<32>().view()));
        for (int i = 0; i < 100; ++i)
            QVERIFY(randomUniform(10) < 10);
        QCOMPARE(randomUniform(0), 0u);
    }
};

QTEST_GUILESS_MAIN(TestSecureMemory)
#include "tst_securememory.moc"
