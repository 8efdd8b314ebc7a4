#include "core/codec/AbiDecoder.h"
#include "core/codec/AbiEncoder.h"
#include "core/codec/AbiSignature.h"

#include <QTest>

#include "AbiTestSupport.h"
#include <string>

using namespace ls;
using namespace ls::abitest;
using codec::AbiSignature;

// The ABI codec's refusals: values that do not fit their types, and data that is not exactly
// what the encoder produces. Valid inputs are mutations of the spec's baz and sam examples
// (docs/abi-spec.rst); each mutation breaks one rule the spec states for the encoding.

class TestAbiStrict : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void encodeRejectsMismatches_data()
    {
        QTest::addColumn<QByteArray>("typeList");
        QTest::addColumn<AbiValue::List>("values");
        QTest::addColumn<QByteArray>("culprit");
        QTest::newRow("uint8 overflow")
            << QByteArray("(bool,uint8)") << AbiValue::List { AbiValue::boolean(true), n(256) }
            << QByteArray("argument 2 as uint8: the value is out of range");
        QTest::newRow("int8 too big")
            << QByteArray("(int8)") << AbiValue::List { n(128) } << QByteArray("out of range");
        QTest::newRow("int8 too small")
            << QByteArray("(int8)") << AbiValue::List { AbiValue::fromInt64(-129) }
            << QByteArray("out of range");
        QTest::newRow("bool from number") << QByteArray("(bool)") << AbiValue::List { n(1) }
                                          << QByteArray("expected true or false");
        QTest::newRow("bytes3 length") << QByteArray("(bytes3)") << AbiValue::List { raw("abcd") }
                                       << QByteArray("expected exactly 3 bytes");
        QTest::newRow("address from bytes")
            << QByteArray("(address)") << AbiValue::List { AbiValue::bytes(Bytes(20, 1)) }
            << QByteArray("20-byte address");
        QTest::newRow("string from bytes")
            << QByteArray("(string)") << AbiValue::List { raw("x") } << QByteArray("expected text");
        QTest::newRow("fixed array count")
            << QByteArray("(uint8[2])") << AbiValue::List { list({ n(1) }) }
            << QByteArray("expected 2 elements, got 1");
        QTest::newRow("tuple arity")
            << QByteArray("((uint8,bool))") << AbiValue::List { list({ n(1) }) }
            << QByteArray("expected 2 values, got 1");
        QTest::newRow("deep element")
            << QByteArray("(uint256,uint8[][])")
            << AbiValue::List { n(1), list({ list({}), list({ n(1), n(999) }) }) }
            << QByteArray("argument 2, element 2, element 2 as uint8");
        QTest::newRow("count") << QByteArray("(uint8,uint8)") << AbiValue::List { n(1) }
                               << QByteArray("2 types but 1 values");
    }

    void encodeRejectsMismatches()
    {
        QFETCH(QByteArray, typeList);
        QFETCH(AbiValue::List, values);
        QFETCH(QByteArray, culprit);
        auto encoded = codec::abiEncode(types(typeList.constData()), values);
        QVERIFY(!encoded.has_value());
        QCOMPARE(encoded.error().kind, ErrorKind::InvalidInput);
        QVERIFY2(encoded.error().message.find(culprit.toStdString()) != std::string::npos,
            encoded.error().message.c_str());
    }

    void decodeIsStrict_data()
    {
        QTest::addColumn<QByteArray>("typeList");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("culprit");
        const QByteArray baz = QByteArray(kBazCall).mid(8);
        const QByteArray sam(kSamArguments);
        const QByteArray zero(64, '0');
        auto word = [](const char* tail) -> QByteArray {
            return QByteArray(64 - static_cast<qsizetype>(qstrlen(tail)), '0') + tail;
        };
        QTest::newRow("trailing byte")
            << QByteArray("(uint32,bool)") << baz + "00" << QByteArray("1 bytes follow");
        QTest::newRow("bool 2") << QByteArray("(uint32,bool)") << word("45") + word("2")
                                << QByteArray("a bool must be 0 or 1");
        QTest::newRow("uint32 too wide")
            << QByteArray("(uint32,bool)") << word("100000045") + word("1")
            << QByteArray("does not fit in uint32");
        QTest::newRow("int8 128") << QByteArray("(int8)") << word("80")
                                  << QByteArray("not a sign-extended int8");
        QTest::newRow("int8 bad sign extension") << QByteArray("(int8)") << "ff" + word("7f").mid(2)
                                                 << QByteArray("not a sign-extended int8");
        QTest::newRow("address upper bytes")
            << QByteArray("(address)") << "01" + word("ff").mid(2) << QByteArray("upper 12 bytes");
        QTest::newRow("bytes3 padding")
            << QByteArray("(bytes3)") << "61626300" + QByteArray(54, '0') + "01"
            << QByteArray("padding bytes after a bytes3");
        QTest::newRow("bytes padding")
            << QByteArray("(bytes,bool,uint256[])")
            << sam.left(4 * 64) + "64617665" + QByteArray(54, '0') + "01" + sam.mid(5 * 64)
            << QByteArray("padding bytes must be zero");
        QTest::newRow("offset with a gap")
            << QByteArray("(bytes,bool,uint256[])") << word("80") + sam.mid(64) + zero
            << QByteArray("offset is 128 but should be 96");
        QTest::newRow("offset backwards")
            << QByteArray("(bytes,bool,uint256[])") << sam.left(128) + word("60") + sam.mid(192)
            << QByteArray("offset is 96 but should be 160");
        QTest::newRow("offset 2^256-1")
            << QByteArray("(bytes)") << QByteArray(64, 'f') + zero << QByteArray("should be 32");
        QTest::newRow("length past end") << QByteArray("(bytes)") << word("20") + word("21") + zero
                                         << QByteArray("runs past the end");
        QTest::newRow("length 2^256-1") << QByteArray("(bytes)") << word("20") + QByteArray(64, 'f')
                                        << QByteArray("runs past the end");
        QTest::newRow("huge array count")
            << QByteArray("(uint256[])") << word("20") + "8" + QByteArray(63, '0')
            << QByteArray("the remaining data holds at most 0");
        QTest::newRow("count beyond data")
            << QByteArray("(uint256[])") << word("20") + word("f4240") + word("1")
            << QByteArray("claims 1000000 elements");
        QTest::newRow("zero-size elements")
            << QByteArray("(uint256[0][])") << word("20") + word("2")
            << QByteArray("holds at most 0");
        QTest::newRow("short head") << QByteArray("(uint256,uint256)") << word("1")
                                    << QByteArray("too short for the values' heads");
        QTest::newRow("empty") << QByteArray("(bool)") << QByteArray() << QByteArray("too short");
    }

    void decodeIsStrict()
    {
        QFETCH(QByteArray, typeList);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, culprit);
        const Bytes bytes = hexBytes(data.toStdString());
        auto decoded = codec::abiDecode(types(typeList.constData()), bytes);
        QVERIFY(!decoded.has_value());
        QCOMPARE(decoded.error().kind, ErrorKind::InvalidInput);
        QVERIFY2(decoded.error().message.find(culprit.toStdString()) != std::string::npos,
            decoded.error().message.c_str());
    }

    void everyTruncationIsRefused()
    {
        const Bytes full = hexBytes(kSamArguments);
        const auto samTypes = types("(bytes,bool,uint256[])");
        QVERIFY(codec::abiDecode(samTypes, full).has_value());
        for (std::size_t size = 0; size < full.size(); ++size)
            QVERIFY(!codec::abiDecode(samTypes, ByteView(full).first(size)).has_value());
    }

    void decodeCallChecksSelector()
    {
        auto baz = AbiSignature::parse("baz(uint32,bool)");
        Bytes call = hexBytes(kBazCall);
        QVERIFY(baz->decodeCall(call).has_value());
        call[0] ^= 1;
        auto wrong = baz->decodeCall(call);
        QVERIFY(!wrong.has_value());
        QVERIFY(wrong.error().message.find("0xcdcd77c0") != std::string::npos);
        QVERIFY(!baz->decodeCall(Bytes { 0xcd, 0xcd, 0x77 }).has_value());
    }
};

QTEST_GUILESS_MAIN(TestAbiStrict)
#include "tst_abi_strict.moc"
