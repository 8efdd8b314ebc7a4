#include "core/codec/AbiDecoder.h"
#include "core/codec/AbiEncoder.h"
#include "core/codec/AbiRevert.h"
#include "core/codec/AbiSignature.h"
#include "core/codec/AbiType.h"
#include "core/codec/Hex.h"

#include <QTest>

#include "AbiTestSupport.h"
#include <limits>
#include <string>

using namespace ls;
using codec::AbiSignature;
using codec::AbiType;
using codec::AbiValue;
using codec::UInt256;

// Known answers:
//  - the five worked examples of the Solidity ABI spec (docs/abi-spec.rst, "Examples" and "Use of
//    Dynamic Types"), selectors and full calldata exactly as printed there;
//  - revert("Not enough Ether provided.") from the Solidity docs (control-structures, "revert");
//  - transfer(address,uint256) -> a9059cbb, as in tst_keccak;
//  - further encodings cross-checked with ethers v6.17.0 AbiCoder.defaultAbiCoder().encode and
//    the Transfer event topic with ethers id(), marked "ethers" below.

using namespace ls::abitest;

namespace {

const char* kEthersInts =
    // ethers
    "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"
    "ffffffffffffffffffffffffffffffffffffffffffffffff8000000000000000"
    "8000000000000000000000000000000000000000000000000000000000000000"
    "000000000000000000000000000000000000000000000000000000000000012c";
const char* kEthersTuple =
    // ethers
    "0000000000000000000000000000000000000000000000000000000000000060"
    "ab00000000000000000000000000000000000000000000000000000000000000"
    "cdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcdcd"
    "0000000000000000000000000000000000000000000000000000000000000002"
    "0000000000000000000000000000000000000000000000000000000000000040"
    "0000000000000000000000000000000000000000000000000000000000000140"
    "0000000000000000000000001111111111111111111111111111111111111111"
    "0000000000000000000000000000000000000000000000000000000000000060"
    "00000000000000000000000000000000000000000000000000000000000000c0"
    "0000000000000000000000000000000000000000000000000000000000000002"
    "0000000000000000000000000000000000000000000000000000000000000001"
    "0000000000000000000000000000000000000000000000000000000000000002"
    "0000000000000000000000000000000000000000000000000000000000000001"
    "7800000000000000000000000000000000000000000000000000000000000000"
    "00000000000000000000000000000000000000000000000000000000000000ff"
    "0000000000000000000000000000000000000000000000000000000000000060"
    "0000000000000000000000000000000000000000000000000000000000000080"
    "0000000000000000000000000000000000000000000000000000000000000000"
    "0000000000000000000000000000000000000000000000000000000000000000";
const char* kEthersNested =
    // ethers
    "0000000000000000000000000000000000000000000000000000000000000040"
    "00000000000000000000000000000000000000000000000000000000000000e0"
    "0000000000000000000000000000000000000000000000000000000000000002"
    "0000000000000000000000000000000000000000000000000000000000000001"
    "0000000000000000000000000000000000000000000000000000000000000002"
    "0000000000000000000000000000000000000000000000000000000000000003"
    "0000000000000000000000000000000000000000000000000000000000000004"
    "0000000000000000000000000000000000000000000000000000000000000001"
    "0000000000000000000000000000000000000000000000000000000000000040"
    "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffb"
    "0000000000000000000000000000000000000000000000000000000000000040"
    "0000000000000000000000000000000000000000000000000000000000000002"
    "0102000000000000000000000000000000000000000000000000000000000000";
} // namespace

class TestAbi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void typeParsing_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("canonical");
        QTest::addColumn<bool>("dynamic");
        QTest::addColumn<int>("headSize");
        // Dynamic types and head sizes follow the spec's "Formal Specification of the Encoding".
        QTest::newRow("uint alias") << QByteArray("uint") << QByteArray("uint256") << false << 32;
        QTest::newRow("int alias") << QByteArray("int") << QByteArray("int256") << false << 32;
        QTest::newRow("uint8") << QByteArray("uint8") << QByteArray("uint8") << false << 32;
        QTest::newRow("int24") << QByteArray("int24") << QByteArray("int24") << false << 32;
        QTest::newRow("address") << QByteArray("address") << QByteArray("address") << false << 32;
        QTest::newRow("bool") << QByteArray("bool") << QByteArray("bool") << false << 32;
        QTest::newRow("bytes1") << QByteArray("bytes1") << QByteArray("bytes1") << false << 32;
        QTest::newRow("bytes32") << QByteArray("bytes32") << QByteArray("bytes32") << false << 32;
        QTest::newRow("bytes") << QByteArray("bytes") << QByteArray("bytes") << true << 32;
        QTest::newRow("string") << QByteArray("string") << QByteArray("string") << true << 32;
        QTest::newRow("uint[]") << QByteArray("uint[]") << QByteArray("uint256[]") << true << 32;
        QTest::newRow("bytes3[2]")
            << QByteArray("bytes3[2]") << QByteArray("bytes3[2]") << false << 64;
        QTest::newRow("string[2]")
            << QByteArray("string[2]") << QByteArray("string[2]") << true << 32;
        QTest::newRow("uint[][3]")
            << QByteArray("uint[][3]") << QByteArray("uint256[][3]") << true << 32;
        QTest::newRow("uint8[2][3]")
            << QByteArray("uint8[2][3]") << QByteArray("uint8[2][3]") << false << 192;
        QTest::newRow("static tuple")
            << QByteArray("(uint,bool)") << QByteArray("(uint256,bool)") << false << 64;
        QTest::newRow("dynamic tuple")
            << QByteArray("(address,(uint8[],string)[2])[]")
            << QByteArray("(address,(uint8[],string)[2])[]") << true << 32;
        QTest::newRow("empty tuple") << QByteArray("()") << QByteArray("()") << false << 0;
        QTest::newRow("zero-length array")
            << QByteArray("uint[0]") << QByteArray("uint256[0]") << false << 0;
    }

    void typeParsing()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, canonical);
        QFETCH(bool, dynamic);
        QFETCH(int, headSize);
        auto type = AbiType::parse(text.toStdString());
        QVERIFY2(type.has_value(), type ? "" : type.error().message.c_str());
        QCOMPARE(QByteArray::fromStdString(type->canonical()), canonical);
        QCOMPARE(type->isDynamic(), dynamic);
        QCOMPARE(type->headSize(), static_cast<std::size_t>(headSize));
        QCOMPARE(*AbiType::parse(canonical.toStdString()), *type);
    }

    void rejectsBadTypes_data()
    {
        QTest::addColumn<QByteArray>("text");
        for (const char* bad : { "", "uint7", "uint264", "uint0", "uint08", "int1", "bytes0",
                 "bytes33", "bytes01", "uint256[", "uint256[01]", "uint256[-1]", "uint256]",
                 "(uint256", "(uint256,)", "(,)", "uint256 ", " uint256", "Uint256", "tuple",
                 "fixed128x18", "ufixed", "function", "uint256[]x", "string[1000001]",
                 "uint256[99999999]", "(uint256)(bool)" })
            QTest::newRow(bad) << QByteArray(bad);
        QTest::newRow("too deep") << "uint256" + QByteArray("[]").repeated(40);
        QTest::newRow("too deep tuple")
            << QByteArray("(").repeated(40) + "bool" + QByteArray(")").repeated(40);
    }

    void rejectsBadTypes()
    {
        QFETCH(QByteArray, text);
        auto type = AbiType::parse(text.toStdString());
        QVERIFY(!type.has_value());
        QCOMPARE(type.error().kind, ErrorKind::InvalidInput);
        QVERIFY2(
            type.error().message.starts_with("Invalid ABI type"), type.error().message.c_str());
    }

    void selectors_data()
    {
        QTest::addColumn<QByteArray>("signature");
        QTest::addColumn<QByteArray>("canonical");
        QTest::addColumn<QByteArray>("selector");
        QTest::newRow("baz") << QByteArray("baz(uint32,bool)") << QByteArray("baz(uint32,bool)")
                             << QByteArray("cdcd77c0");
        QTest::newRow("bar") << QByteArray("bar(bytes3[2])") << QByteArray("bar(bytes3[2])")
                             << QByteArray("fce353f6");
        QTest::newRow("sam") << QByteArray("sam(bytes,bool,uint[])")
                             << QByteArray("sam(bytes,bool,uint256[])") << QByteArray("a5643bf2");
        QTest::newRow("f") << QByteArray("f(uint,uint32[],bytes10,bytes)")
                           << QByteArray("f(uint256,uint32[],bytes10,bytes)")
                           << QByteArray("8be65246");
        QTest::newRow("g") << QByteArray("g(uint[][],string[])")
                           << QByteArray("g(uint256[][],string[])") << QByteArray("2289b18c");
        QTest::newRow("transfer") << QByteArray("transfer(address,uint256)")
                                  << QByteArray("transfer(address,uint256)")
                                  << QByteArray("a9059cbb");
    }

    void selectors()
    {
        QFETCH(QByteArray, signature);
        QFETCH(QByteArray, canonical);
        QFETCH(QByteArray, selector);
        auto parsed = AbiSignature::parse(signature.toStdString());
        QVERIFY2(parsed.has_value(), parsed ? "" : parsed.error().message.c_str());
        QCOMPARE(QByteArray::fromStdString(parsed->canonical()), canonical);
        QCOMPARE(hexText(parsed->selector()), selector);
    }

    void eventTopic()
    {
        // ethers id("Transfer(address,address,uint256)"), the ERC-20 Transfer topic.
        auto transfer = AbiSignature::parse("Transfer(address,address,uint)");
        QCOMPARE(hexText(transfer->topic()),
            QByteArray("ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef"));
    }

    void rejectsBadSignatures()
    {
        for (const char* bad : { "transfer", "(uint256)", "1abc(uint256)", "foo(uint256",
                 "foo bar(uint256)", "foo(uint256))", "foo(uint256 x)", "foo()x" }) {
            auto parsed = AbiSignature::parse(bad);
            QVERIFY2(!parsed.has_value(), bad);
            QCOMPARE(parsed.error().kind, ErrorKind::InvalidInput);
        }
        QVERIFY(AbiSignature::parse("f()").has_value());
        QVERIFY(AbiSignature::parse("_$x9(bool)").has_value());
    }

    void specExamples_data()
    {
        QTest::addColumn<QByteArray>("signature");
        QTest::addColumn<AbiValue::List>("values");
        QTest::addColumn<QByteArray>("calldata");
        QTest::newRow("baz") << QByteArray("baz(uint32,bool)")
                             << AbiValue::List { n(69), AbiValue::boolean(true) }
                             << QByteArray(kBazCall);
        QTest::newRow("bar")
            << QByteArray("bar(bytes3[2])") << AbiValue::List { list({ raw("abc"), raw("def") }) }
            << QByteArray("fce353f6"
                          "6162630000000000000000000000000000000000000000000000000000000000"
                          "6465660000000000000000000000000000000000000000000000000000000000");
        QTest::newRow("sam") << QByteArray("sam(bytes,bool,uint[])")
                             << AbiValue::List { raw("dave"), AbiValue::boolean(true),
                                    list({ n(1), n(2), n(3) }) }
                             << "a5643bf2" + QByteArray(kSamArguments);
        QTest::newRow("f")
            << QByteArray("f(uint,uint32[],bytes10,bytes)")
            << AbiValue::List { n(0x123), list({ n(0x456), n(0x789) }), raw("1234567890"),
                   raw("Hello, world!") }
            << QByteArray("8be65246"
                          "0000000000000000000000000000000000000000000000000000000000000123"
                          "0000000000000000000000000000000000000000000000000000000000000080"
                          "3132333435363738393000000000000000000000000000000000000000000000"
                          "00000000000000000000000000000000000000000000000000000000000000e0"
                          "0000000000000000000000000000000000000000000000000000000000000002"
                          "0000000000000000000000000000000000000000000000000000000000000456"
                          "0000000000000000000000000000000000000000000000000000000000000789"
                          "000000000000000000000000000000000000000000000000000000000000000d"
                          "48656c6c6f2c20776f726c642100000000000000000000000000000000000000");
        // The spec lists g's lines 0-19 with f = 0x40 and g = 0x140 worked out below them.
        QTest::newRow("g")
            << QByteArray("g(uint[][],string[])")
            << AbiValue::List { list({ list({ n(1), n(2) }), list({ n(3) }) }),
                   list({ text("one"), text("two"), text("three") }) }
            << QByteArray("2289b18c"
                          "0000000000000000000000000000000000000000000000000000000000000040"
                          "0000000000000000000000000000000000000000000000000000000000000140"
                          "0000000000000000000000000000000000000000000000000000000000000002"
                          "0000000000000000000000000000000000000000000000000000000000000040"
                          "00000000000000000000000000000000000000000000000000000000000000a0"
                          "0000000000000000000000000000000000000000000000000000000000000002"
                          "0000000000000000000000000000000000000000000000000000000000000001"
                          "0000000000000000000000000000000000000000000000000000000000000002"
                          "0000000000000000000000000000000000000000000000000000000000000001"
                          "0000000000000000000000000000000000000000000000000000000000000003"
                          "0000000000000000000000000000000000000000000000000000000000000003"
                          "0000000000000000000000000000000000000000000000000000000000000060"
                          "00000000000000000000000000000000000000000000000000000000000000a0"
                          "00000000000000000000000000000000000000000000000000000000000000e0"
                          "0000000000000000000000000000000000000000000000000000000000000003"
                          "6f6e650000000000000000000000000000000000000000000000000000000000"
                          "0000000000000000000000000000000000000000000000000000000000000003"
                          "74776f0000000000000000000000000000000000000000000000000000000000"
                          "0000000000000000000000000000000000000000000000000000000000000005"
                          "7468726565000000000000000000000000000000000000000000000000000000");
    }

    void specExamples()
    {
        QFETCH(QByteArray, signature);
        QFETCH(AbiValue::List, values);
        QFETCH(QByteArray, calldata);
        auto parsed = AbiSignature::parse(signature.toStdString());
        QVERIFY(parsed.has_value());
        auto encoded = parsed->encodeCall(values);
        QVERIFY2(encoded.has_value(), encoded ? "" : encoded.error().message.c_str());
        QCOMPARE(hexText(*encoded), calldata);
        QCOMPARE(hexText(*codec::abiEncodeCall(signature.toStdString(), values)), calldata);

        auto decoded = parsed->decodeCall(*encoded);
        QVERIFY2(decoded.has_value(), decoded ? "" : decoded.error().message.c_str());
        QVERIFY(*decoded == values);
    }

    void ethersCrossChecks_data()
    {
        QTest::addColumn<QByteArray>("typeList");
        QTest::addColumn<AbiValue::List>("values");
        QTest::addColumn<QByteArray>("encoded");
        QTest::newRow("negative ints")
            << QByteArray("(int8,int64,int256,int16)")
            << AbiValue::List { AbiValue::fromInt64(-1),
                   AbiValue::fromInt64(std::numeric_limits<std::int64_t>::min()),
                   AbiValue::number(UInt256(1) << 255), AbiValue::fromInt64(300) }
            << QByteArray(kEthersInts);
        QTest::newRow("array of tuples")
            << QByteArray("((address,uint256[],string)[],bytes1,bytes32)")
            << AbiValue::List { list({ list({ address("1111111111111111111111111111111111111111"),
                                           list({ n(1), n(2) }), text("x") }),
                                    list({ address("00000000000000000000000000000000000000ff"),
                                        list({}), text("") }) }),
                   AbiValue::bytes(Bytes { 0xab }), AbiValue::bytes(Bytes(32, 0xcd)) }
            << QByteArray(kEthersTuple);
        QTest::newRow("nested static in dynamic")
            << QByteArray("(uint8[2][],(bool,(int32,bytes)))")
            << AbiValue::List { list({ list({ n(1), n(2) }), list({ n(3), n(4) }) }),
                   list({ AbiValue::boolean(true),
                       list({ AbiValue::fromInt64(-5), AbiValue::bytes(Bytes { 1, 2 }) }) }) }
            << QByteArray(kEthersNested);
    }

    void ethersCrossChecks()
    {
        QFETCH(QByteArray, typeList);
        QFETCH(AbiValue::List, values);
        QFETCH(QByteArray, encoded);
        const auto argumentTypes = types(typeList.constData());
        auto ours = codec::abiEncode(argumentTypes, values);
        QVERIFY2(ours.has_value(), ours ? "" : ours.error().message.c_str());
        QCOMPARE(hexText(*ours), encoded);
        auto decoded = codec::abiDecode(argumentTypes, *ours);
        QVERIFY2(decoded.has_value(), decoded ? "" : decoded.error().message.c_str());
        QVERIFY(*decoded == values);
    }

    void signedHelpers()
    {
        QCOMPARE(*AbiValue::fromInt64(-1).asNumber(), UInt256::max());
        for (std::int64_t value : { std::int64_t { 0 }, std::int64_t { 1 }, std::int64_t { -1 },
                 std::numeric_limits<std::int64_t>::min(),
                 std::numeric_limits<std::int64_t>::max() })
            QCOMPARE(AbiValue::fromInt64(value).toInt64(), std::optional<std::int64_t>(value));
        QVERIFY(!AbiValue::number(UInt256(1) << 63).toInt64().has_value());
        const UInt256 belowMin = ((UInt256(1) << 63).wrappingAdd(1)).wrappingNeg();
        QVERIFY(!AbiValue::number(belowMin).toInt64().has_value());
        QVERIFY(!AbiValue::boolean(true).toInt64().has_value());
    }

    void revertReason()
    {
        // Solidity docs: revert("Not enough Ether provided.") returns exactly this.
        const QByteArray expected(
            "08c379a0"
            "0000000000000000000000000000000000000000000000000000000000000020"
            "000000000000000000000000000000000000000000000000000000000000001a"
            "4e6f7420656e6f7567682045746865722070726f76696465642e000000000000");
        const Bytes encoded = codec::encodeRevertReason("Not enough Ether provided.");
        QCOMPARE(hexText(encoded), expected);
        auto message = codec::decodeRevertReason(encoded);
        QVERIFY(message.has_value());
        QCOMPARE(QByteArray::fromStdString(*message), QByteArray("Not enough Ether provided."));

        QVERIFY(!codec::decodeRevertReason(hexBytes("deadbeef")).has_value());
        QVERIFY(!codec::decodeRevertReason(ByteView(encoded).first(40)).has_value());
        QVERIFY(!codec::decodeRevertReason({}).has_value());
        QCOMPARE(*codec::decodeRevertReason(codec::encodeRevertReason("")), std::string());
    }
};

QTEST_GUILESS_MAIN(TestAbi)
#include "tst_abi.moc"
