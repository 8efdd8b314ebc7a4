#include "core/crypto/Ripemd160.h"

#include <QTest>

#include <string>

using namespace ls;

// The test vectors published with RIPEMD-160 (Dobbertin, Bosselaers, Preneel), plus the
// 63/64-byte padding-boundary strings and the 1,000,000-byte pattern of Bitcoin Core's
// src/test/crypto_tests.cpp.

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

QByteArray longTestString()
{
    QByteArray out;
    out.reserve(1000000);
    for (int i = 0; i < 200000; i++) {
        out.append(static_cast<char>(i));
        out.append(static_cast<char>(i >> 4));
        out.append(static_cast<char>(i >> 8));
        out.append(static_cast<char>(i >> 12));
        out.append(static_cast<char>(i >> 16));
    }
    return out;
}

} // namespace

class TestRipemd160 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void knownAnswers_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected");
        QTest::newRow("empty") << QByteArray() << "9c1185a5c5e9fc54612808977ee8f548b2258d31";
        QTest::newRow("a") << QByteArray("a") << "0bdc9d2d256b3ee9daae347be6f4dc835a467ffe";
        QTest::newRow("abc") << QByteArray("abc") << "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc";
        QTest::newRow("message digest")
            << QByteArray("message digest") << "5d0689ef49d2fae572b881b123a85ffa21595f36";
        QTest::newRow("a..z") << QByteArray("abcdefghijklmnopqrstuvwxyz")
                              << "f71c27109c692c1b56bbdceb5b9d2865b3708dbc";
        QTest::newRow("abcdbcde...nopq")
            << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            << "12a053384a9c0c88e405a06c27dcf49ada62eb2b";
        QTest::newRow("A..Za..z0..9")
            << QByteArray("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
            << "b0e20b6e3116640286ed3a87a5713079b21f5189";
        QTest::newRow("8 x 1234567890")
            << QByteArray("1234567890").repeated(8) << "9b752e45573d4b39f4dbd3323cab82bf63326bfb";
        QTest::newRow("million a")
            << QByteArray(1000000, 'a') << "52783243c1697bdbe16d37f97f68f08325dc1528";
        // Padding boundaries: 55/56 and 63/64 bytes decide whether padding spills a block.
        QTest::newRow("63 bytes") << QByteArray(
            "For this sample, this 63-byte string will be used as input data")
                                  << "de90dbfee14b63fb5abf27c2ad4a82aaa5f27a11";
        QTest::newRow("64 bytes") << QByteArray(
            "This is exactly 64 bytes long, not counting the terminating byte")
                                  << "eda31d51d3a623b81e19eb02e24ff65d27d67b37";
        QTest::newRow("secure hash algorithm")
            << QByteArray("secure hash algorithm") << "20397528223b6a5f4cbc2808aba0464e645544f9";
        QTest::newRow("long test string")
            << longTestString() << "464243587bd146ea835cdf57bdae582f25ec45f1";
    }

    void knownAnswers()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        ByteView view(reinterpret_cast<const std::uint8_t*>(input.constData()),
            static_cast<std::size_t>(input.size()));
        QCOMPARE(QString::fromStdString(hex(crypto::ripemd160(view))), expected);
    }
};

QTEST_GUILESS_MAIN(TestRipemd160)
#include "tst_ripemd160.moc"
