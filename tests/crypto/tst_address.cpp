#include "core/crypto/Address.h"

#include <QTest>

#include <cctype>
#include <string>

using namespace ls;
using namespace ls::crypto;

namespace {

std::string lowered(std::string text)
{
    for (auto& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

std::string uppered(std::string text)
{
    for (std::size_t i = 2; i < text.size(); ++i)
        text[i] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[i])));
    return text;
}

} // namespace

class TestAddress : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void eip55Vectors_data()
    {
        QTest::addColumn<QString>("checksummed");
        // https://eips.ethereum.org/EIPS/eip-55, "Test Cases" (all caps, all lower, normal).
        QTest::newRow("all caps 1") << "0x52908400098527886E0F7030069857D2E4169EE7";
        QTest::newRow("all caps 2") << "0x8617E340B3D01FA5F11F306F4090FD50E238070D";
        QTest::newRow("all lower 1") << "0xde709f2102306220921060314715629080e2fb77";
        QTest::newRow("all lower 2") << "0x27b1fdb04752bbc536007a920d24acb045561c26";
        QTest::newRow("normal 1") << "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        QTest::newRow("normal 2") << "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359";
        QTest::newRow("normal 3") << "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB";
        QTest::newRow("normal 4") << "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb";
    }

    void eip55Vectors()
    {
        QFETCH(QString, checksummed);
        std::string text = checksummed.toStdString();

        auto parsed = Address::parse(text);
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().message.c_str());
        QCOMPARE(parsed->toChecksumString(), text);

        // Single-case spellings carry no checksum and are accepted as is.
        auto fromLower = Address::parse(lowered(text));
        QVERIFY(fromLower.has_value());
        QCOMPARE(*fromLower, *parsed);
        QCOMPARE(fromLower->toChecksumString(), text);
        auto fromUpper = Address::parse(uppered(text));
        QVERIFY(fromUpper.has_value());
        QCOMPARE(*fromUpper, *parsed);
    }

    void oneCaseFlipIsCaught_data() { eip55Vectors_data(); }

    void oneCaseFlipIsCaught()
    {
        QFETCH(QString, checksummed);
        std::string text = checksummed.toStdString();
        int flips = 0;
        for (std::size_t i = 2; i < text.size(); ++i) {
            if (!std::isalpha(static_cast<unsigned char>(text[i])))
                continue;
            std::string mistyped = text;
            char c = mistyped[i];
            mistyped[i] = static_cast<char>(std::islower(static_cast<unsigned char>(c))
                                                ? std::toupper(static_cast<unsigned char>(c))
                                                : std::tolower(static_cast<unsigned char>(c)));
            auto parsed = Address::parse(mistyped);
            // Flipping one letter of an all-caps or all-lower vector gives mixed case, which
            // must now match the checksum; it cannot, since the vector's own case is the one.
            QVERIFY2(!parsed, mistyped.c_str());
            QCOMPARE(parsed.error().kind, ErrorKind::Verification);
            QCOMPARE(parsed.error().message,
                     std::string("checksum mismatch — the address may be mistyped"));
            ++flips;
        }
        QVERIFY(flips > 0);
    }

    void malformedText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << "";
        QTest::newRow("no prefix") << "5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        QTest::newRow("capital X") << "0X5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        QTest::newRow("39 digits") << "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe";
        QTest::newRow("41 digits") << "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed0";
        QTest::newRow("not hex") << "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg";
        QTest::newRow("space") << "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe ";
        QTest::newRow("only prefix") << "0x";
    }

    void malformedText()
    {
        QFETCH(QString, text);
        auto parsed = Address::parse(text.toStdString());
        QVERIFY(!parsed);
        QCOMPARE(parsed.error().kind, ErrorKind::InvalidInput);
    }

    void fromBytes()
    {
        Bytes twenty(20);
        for (std::size_t i = 0; i < twenty.size(); ++i)
            twenty[i] = static_cast<std::uint8_t>(i);
        auto address = Address::fromBytes(twenty);
        QVERIFY(address.has_value());
        QCOMPARE(Bytes(address->view().begin(), address->view().end()), twenty);
        QVERIFY(!Address::fromBytes(Bytes(19)));
        QVERIFY(!Address::fromBytes(Bytes(21)));
        QCOMPARE(Address().toChecksumString(), std::string("0x") + std::string(40, '0'));
    }
};

QTEST_GUILESS_MAIN(TestAddress)
#include "tst_address.moc"
