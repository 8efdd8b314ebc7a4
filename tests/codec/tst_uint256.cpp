#include "core/codec/Hex.h"
#include "core/codec/UInt256.h"

#include <QTest>

#include <string>

using namespace ls;
using codec::UInt256;

// Expected values come from two places, named at each use:
//  - "BigInt": computed with JavaScript BigInt in node (arbitrary precision, independent code);
//  - "ethers": ethers v6 (toQuantity, formatUnits, parseUnits) at /tmp/ref.

namespace {

UInt256 hexNumber(const char* text)
{
    auto value = UInt256::fromHexQuantity(text);
    if (!value)
        qFatal("bad test constant %s: %s", text, value.error().message.c_str());
    return *value;
}

QByteArray q(const std::string& text)
{
    return QByteArray::fromStdString(text);
}

const char* kMaxDecimal // 2^256 - 1 (BigInt)
    = "115792089237316195423570985008687907853269984665640564039457584007913129639935";
// An arbitrary value with every limb populated (BigInt gave its decimal form).
const char* kMixedHex = "0xdeadbeefcafebabe0123456789abcdef00112233445566778899aabbccddeeff";
const char* kMixedDecimal
    = "100720434724302814903610305981132438410357946783027813146856713896787785412351";

} // namespace

class TestUInt256 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void textForms()
    {
        QCOMPARE(q(UInt256().toDecimalString()), QByteArray("0"));
        QCOMPARE(q(UInt256().toHexQuantity()), QByteArray("0x0")); // ethers toQuantity(0)
        QCOMPARE(q(UInt256(26).toHexQuantity()), QByteArray("0x1a")); // ethers toQuantity(26)
        QCOMPARE(q(UInt256::max().toDecimalString()), QByteArray(kMaxDecimal));
        QCOMPARE(q(UInt256::max().toHexQuantity()), "0x" + QByteArray(64, 'f'));
        QCOMPARE(q(hexNumber(kMixedHex).toDecimalString()), QByteArray(kMixedDecimal));
        QCOMPARE(q(hexNumber(kMixedHex).toHexQuantity()), QByteArray(kMixedHex));
        QCOMPARE(*UInt256::fromDecimal(kMixedDecimal), hexNumber(kMixedHex));
        QCOMPARE(*UInt256::fromDecimal(kMaxDecimal), UInt256::max());
        // 10^19 straddles the 19-digit chunks used when printing.
        QCOMPARE(q(UInt256(10'000'000'000'000'000'000ULL).toDecimalString()),
            QByteArray("10000000000000000000"));
        QCOMPARE(q(UInt256(~0ULL).toDecimalString()), QByteArray("18446744073709551615"));
        QCOMPARE(*UInt256::fromDecimal("000042"), UInt256(42));
        QCOMPARE(*UInt256::fromHexQuantity("0x00ff"), UInt256(255));
        QCOMPARE(*UInt256::fromHexQuantity("0XFF"), UInt256(255));
    }

    void rejectsBadText_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<bool>("hex");
        QTest::newRow("empty decimal") << QByteArray("") << false;
        QTest::newRow("minus") << QByteArray("-1") << false;
        QTest::newRow("plus") << QByteArray("+1") << false;
        QTest::newRow("space") << QByteArray(" 1") << false;
        QTest::newRow("exponent") << QByteArray("1e18") << false;
        QTest::newRow("hex as decimal") << QByteArray("0x10") << false;
        QTest::newRow("2^256") << QByteArray( // max + 1 (BigInt)
            "115792089237316195423570985008687907853269984665640564039457584007913129639936")
                               << false;
        QTest::newRow("no prefix") << QByteArray("ff") << true;
        QTest::newRow("bare prefix") << QByteArray("0x") << true;
        QTest::newRow("empty hex") << QByteArray("") << true;
        QTest::newRow("junk") << QByteArray("0x1g") << true;
        QTest::newRow("minus hex") << QByteArray("-0x1") << true;
        QTest::newRow("65 digits") << "0x1" + QByteArray(64, '0') << true;
    }

    void rejectsBadText()
    {
        QFETCH(QByteArray, text);
        QFETCH(bool, hex);
        auto value = hex ? UInt256::fromHexQuantity(text.toStdString())
                         : UInt256::fromDecimal(text.toStdString());
        QVERIFY(!value.has_value());
        QCOMPARE(value.error().kind, ErrorKind::InvalidInput);
        QVERIFY(!value.error().message.empty());
        // Leading zeros beyond 64 digits are still a value that fits.
        QVERIFY(UInt256::fromHexQuantity("0x0" + std::string(64, 'f')).has_value());
    }

    void bytes()
    {
        const UInt256 mixed = hexNumber(kMixedHex);
        const auto full = mixed.toBigEndian();
        QCOMPARE(q(codec::toHex(full, true)), QByteArray(kMixedHex));
        QCOMPARE(*UInt256::fromBigEndian(full), mixed);

        QVERIFY(UInt256().toMinimalBigEndian().empty());
        QCOMPARE(UInt256(0x0400).toMinimalBigEndian(), (Bytes { 0x04, 0x00 }));
        QCOMPARE(*UInt256::fromBigEndian(Bytes { 0x00, 0x04, 0x00 }), UInt256(0x0400));
        QCOMPARE(*UInt256::fromBigEndian({}), UInt256());
        QCOMPARE(UInt256::max().toMinimalBigEndian(), Bytes(32, 0xff));
        QVERIFY(!UInt256::fromBigEndian(Bytes(33, 0)).has_value());
    }

    void comparisonsAcrossLimbs()
    {
        const UInt256 high = UInt256(1) << 192;
        const UInt256 low = UInt256(~0ULL);
        QVERIFY(low < high);
        QVERIFY(high > low);
        QVERIFY(UInt256() < UInt256(1));
        QVERIFY(UInt256::max() > high);
        QVERIFY(high == (UInt256(1) << 192));
        QVERIFY(high != low);
        QVERIFY((high <=> high) == 0);
    }

    void bitsAndUint64()
    {
        QCOMPARE(UInt256().bitLength(), 0u);
        QCOMPARE(UInt256(1).bitLength(), 1u);
        QCOMPARE(UInt256(~0ULL).bitLength(), 64u);
        QCOMPARE((UInt256(1) << 64).bitLength(), 65u);
        QCOMPARE(UInt256::max().bitLength(), 256u);
        QVERIFY(UInt256::max().testBit(255));
        QVERIFY(!UInt256(1).testBit(256));
        QCOMPARE(UInt256(~0ULL).toUint64(), std::optional<std::uint64_t>(~0ULL));
        QVERIFY(!(UInt256(1) << 64).toUint64().has_value());
        QVERIFY(!(UInt256(1) << 64).fitsUint64());
    }

    void shifts()
    {
        const UInt256 mixed = hexNumber(kMixedHex);
        // BigInt: (n << k) mod 2^256 and n >> k.
        QCOMPARE(mixed << 100,
            hexNumber("0x9abcdef00112233445566778899aabbccddeeff0000000000000000000000000"));
        QCOMPARE(mixed >> 100, hexNumber("0xdeadbeefcafebabe0123456789abcdef0011223"));
        QCOMPARE(mixed << 64,
            hexNumber("0x123456789abcdef00112233445566778899aabbccddeeff0000000000000000"));
        QCOMPARE(mixed >> 191, hexNumber("0x1bd5b7ddf95fd757c"));
        QCOMPARE(mixed << 0, mixed);
        QCOMPARE(mixed >> 0, mixed);
        QCOMPARE(mixed << 256, UInt256());
        QCOMPARE(mixed >> 256, UInt256());
        QCOMPARE(UInt256::max() >> 255, UInt256(1));
    }

    void addAndSubCarryAcrossLimbs()
    {
        // 2^64 - 1 + 1 carries into the second limb; 2^192 - 1 + 1 ripples through three.
        QCOMPARE(*UInt256(~0ULL).checkedAdd(1), UInt256(1) << 64);
        const UInt256 belowTop = (UInt256(1) << 192).wrappingSub(1);
        QCOMPARE(belowTop.bitLength(), 192u);
        QCOMPARE(*belowTop.checkedAdd(1), UInt256(1) << 192);
        QCOMPARE(*(UInt256(1) << 192).checkedSub(1), belowTop);

        QVERIFY(!UInt256::max().checkedAdd(1).has_value());
        QCOMPARE(*UInt256::max().checkedAdd(0), UInt256::max());
        QVERIFY(!UInt256().checkedSub(1).has_value());
        QCOMPARE(*UInt256(5).checkedSub(5), UInt256());
        QCOMPARE(UInt256::max().wrappingAdd(1), UInt256());
        QCOMPARE(UInt256().wrappingSub(1), UInt256::max());
        QCOMPARE(UInt256(1).wrappingNeg(), UInt256::max());
        QCOMPARE(~UInt256(), UInt256::max());
    }

    void multiplication()
    {
        // BigInt: (2^128 + 1)(2^128 - 1) = 2^256 - 1, the largest product that fits.
        const UInt256 above = (UInt256(1) << 128).wrappingAdd(1);
        const UInt256 below = (UInt256(1) << 128).wrappingSub(1);
        QCOMPARE(*above.checkedMul(below), UInt256::max());
        QVERIFY(!above.checkedMul(above).has_value());
        QVERIFY(!(UInt256(1) << 128).checkedMul(UInt256(1) << 128).has_value());
        QVERIFY(!UInt256::max().checkedMul(2).has_value());
        QCOMPARE(*UInt256::max().checkedMul(1), UInt256::max());
        QCOMPARE(*UInt256::max().checkedMul(0), UInt256());
        // BigInt: two 128-bit factors with carries in every column.
        QCOMPARE(*hexNumber("0x123456789abcdef0fedcba9876543210")
                      .checkedMul(hexNumber("0x0fedcba987654321123456789abcdef0")),
            hexNumber("0x121fa00ad77d742335deb7595e5ff7985f06f6944673932236d88fe5618cf00"));
    }

    void division()
    {
        auto byZero = UInt256(7).divMod(0);
        QVERIFY(!byZero.has_value());
        QCOMPARE(byZero.error().kind, ErrorKind::InvalidInput);

        auto small = UInt256(100).divMod(7);
        QCOMPARE(small->quotient, UInt256(14));
        QCOMPARE(small->remainder, UInt256(2));

        const UInt256 mixed = hexNumber(kMixedHex);
        // BigInt: n / 10^18 and n % 10^18 (single-limb divisor path).
        auto byEther = mixed.divMod(1'000'000'000'000'000'000ULL);
        QCOMPARE(
            byEther->quotient, hexNumber("0x100bb2678429b0777a294281bba016263741bd7ebf14dfe0e8"));
        QCOMPARE(byEther->remainder, hexNumber("0x9e845589a3deeff"));

        // BigInt: (2^256 - 1) / (2^128 + 7) (multi-limb divisor path).
        auto wide = UInt256::max().divMod((UInt256(1) << 128).wrappingAdd(7));
        QCOMPARE(wide->quotient, hexNumber("0xfffffffffffffffffffffffffffffff9"));
        QCOMPARE(wide->remainder, UInt256(0x30));

        // Divisors above 2^255 make the running remainder carry out of 256 bits.
        auto top = UInt256::max().divMod((UInt256(1) << 255).wrappingAdd(1));
        QCOMPARE(top->quotient, UInt256(1));
        QCOMPARE(top->remainder,
            hexNumber("0x7ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffe"));
        auto topMixed = mixed.divMod((UInt256(1) << 255).wrappingAdd(12345));
        QCOMPARE(topMixed->quotient, UInt256(1));
        QCOMPARE(topMixed->remainder,
            hexNumber("0x5eadbeefcafebabe0123456789abcdef00112233445566778899aabbccddbec6"));

        auto smaller = UInt256(3).divMod(UInt256(1) << 100);
        QCOMPARE(smaller->quotient, UInt256());
        QCOMPARE(smaller->remainder, UInt256(3));
        auto self = mixed.divMod(mixed);
        QCOMPARE(self->quotient, UInt256(1));
        QCOMPARE(self->remainder, UInt256());
    }

    void formatUnits_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<uint>("decimals");
        QTest::addColumn<QByteArray>("expected");
        // From ethers formatUnits, except that we drop ethers' ".0" on whole numbers.
        QTest::newRow("1.5") << QByteArray("1500000000000000000") << 18u << QByteArray("1.5");
        QTest::newRow("zero") << QByteArray("0") << 18u << QByteArray("0");
        QTest::newRow("one wei") << QByteArray("1") << 18u << QByteArray("0.000000000000000001");
        QTest::newRow("one ether") << QByteArray("1000000000000000000") << 18u << QByteArray("1");
        QTest::newRow("no decimals") << QByteArray("123") << 0u << QByteArray("123");
        QTest::newRow("max") << QByteArray(kMaxDecimal) << 18u
                             << QByteArray("115792089237316195423570985008687907853269984665640564"
                                           "039457.584007913129639935");
    }

    void formatUnits()
    {
        QFETCH(QByteArray, value);
        QFETCH(uint, decimals);
        QFETCH(QByteArray, expected);
        const UInt256 amount = *UInt256::fromDecimal(value.toStdString());
        QCOMPARE(q(codec::formatUnits(amount, decimals)), expected);
        auto back = codec::parseUnits(expected.toStdString(), decimals);
        QVERIFY2(back.has_value(), back ? "" : back.error().message.c_str());
        QCOMPARE(*back, amount);
    }

    void parseUnits_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("expected"); // empty: must be refused
        // Accepted forms and their values as ethers parseUnits(text, 18) gives them.
        QTest::newRow("1.5") << QByteArray("1.5") << QByteArray("1500000000000000000");
        QTest::newRow("trailing point") << QByteArray("1.") << QByteArray("1000000000000000000");
        QTest::newRow("leading point") << QByteArray(".5") << QByteArray("500000000000000000");
        QTest::newRow("leading zeros") << QByteArray("007") << QByteArray("7000000000000000000");
        QTest::newRow("smallest") << QByteArray("0.000000000000000001") << QByteArray("1");
        QTest::newRow("zero") << QByteArray("0") << QByteArray("0");
        // Refused (ethers refuses them too, except "-1", which it reads as negative).
        QTest::newRow("empty") << QByteArray("") << QByteArray();
        QTest::newRow("point only") << QByteArray(".") << QByteArray();
        QTest::newRow("negative") << QByteArray("-1") << QByteArray();
        QTest::newRow("plus") << QByteArray("+1") << QByteArray();
        QTest::newRow("space") << QByteArray(" 1") << QByteArray();
        QTest::newRow("exponent") << QByteArray("1e18") << QByteArray();
        QTest::newRow("two points") << QByteArray("1.2.3") << QByteArray();
        QTest::newRow("comma") << QByteArray("1,5") << QByteArray();
        QTest::newRow("19 decimals") << QByteArray("0.0000000000000000001") << QByteArray();
        QTest::newRow("overflow") << QByteArray(
            "115792089237316195423570985008687907853269984665640"
            "564039457.584007913129639936")
                                  << QByteArray();
    }

    void parseUnits()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, expected);
        auto amount = codec::parseUnits(text.toStdString(), 18);
        if (expected.isEmpty()) {
            QVERIFY(!amount.has_value());
            QCOMPARE(amount.error().kind, ErrorKind::InvalidInput);
            return;
        }
        QVERIFY2(amount.has_value(), amount ? "" : amount.error().message.c_str());
        QCOMPARE(q(amount->toDecimalString()), expected);
    }

    void parseUnitsLimits()
    {
        QCOMPARE(*codec::parseUnits("12", 0), UInt256(12));
        QVERIFY(!codec::parseUnits("1.2", 0).has_value());
        QVERIFY(!codec::parseUnits("1", 78).has_value());
        QCOMPARE(*codec::parseUnits("1", 77), *UInt256::fromDecimal("1" + std::string(77, '0')));
        auto tooPrecise = codec::parseUnits("1.0000000000000000001", 18);
        QVERIFY(tooPrecise.error().message.find("18 digits") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestUInt256)
#include "tst_uint256.moc"
