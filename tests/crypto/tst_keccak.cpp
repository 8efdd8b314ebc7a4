#include "core/crypto/Keccak.h"

#include <QTest>

#include <string>

using namespace ls;

namespace {

std::string hex(const Hash256& digest)
{
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (auto byte : digest) {
        out.push_back(digits[byte >> 4]);
        out.push_back(digits[byte & 0xf]);
    }
    return out;
}

} // namespace

class TestKeccak : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void knownAnswers_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected");
        // Keccak-256 (Ethereum), not SHA3-256: the empty string's digest is the famous c5d2….
        QTest::newRow("empty") << QByteArray()
                               << "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470";
        QTest::newRow("abc") << QByteArray("abc")
                             << "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45";
        QTest::newRow("fox") << QByteArray("The quick brown fox jumps over the lazy dog")
                             << "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15";
        // Solidity selector source: keccak("transfer(address,uint256)") starts a9059cbb.
        QTest::newRow("transfer signature")
            << QByteArray("transfer(address,uint256)")
            << "a9059cbb2ab09eb219583f4a59a5d0623ade346d962bcd4e46b11da047c9049b";
        // Exactly one rate block (136 bytes) and one past it exercise the padding boundaries.
        QTest::newRow("136 x 'a'")
            << QByteArray(136, 'a')
            << "a6c4d403279fe3e0af03729caada8374b5ca54d8065329a3ebcaeb4b60aa386e";
        QTest::newRow("135 x 'a'")
            << QByteArray(135, 'a')
            << "34367dc248bbd832f4e3e69dfaac2f92638bd0bbd18f2912ba4ef454919cf446";
    }

    void knownAnswers()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        ByteView view(reinterpret_cast<const std::uint8_t*>(input.constData()),
                      static_cast<std::size_t>(input.size()));
        QCOMPARE(QString::fromStdString(hex(crypto::keccak256(view))), expected);
    }

    void incrementalEqualsOneShot()
    {
        Bytes data(1000);
        for (std::size_t i = 0; i < data.size(); ++i)
            data[i] = static_cast<std::uint8_t>(i * 7 + 3);
        auto expected = crypto::keccak256(data);
        for (std::size_t split : {0u, 1u, 135u, 136u, 137u, 500u, 999u}) {
            crypto::Keccak256 hasher;
            hasher.update(ByteView(data).first(split));
            hasher.update(ByteView(data).subspan(split));
            QCOMPARE(hasher.finish(), expected);
        }
    }

    void emptyUpdatesChangeNothing()
    {
        crypto::Keccak256 hasher;
        hasher.update(asBytes("ab"));
        hasher.update(ByteView{});
        hasher.update(asBytes("c"));
        hasher.update(ByteView{});
        QCOMPARE(hasher.finish(), crypto::keccak256(asBytes("abc")));
    }

    void hasherIsReusableAfterFinish()
    {
        crypto::Keccak256 hasher;
        hasher.update(asBytes("junk"));
        (void)hasher.finish();
        QCOMPARE(hasher.finish(), crypto::keccak256({}));
    }
};

QTEST_GUILESS_MAIN(TestKeccak)
#include "tst_keccak.moc"
