#include "core/codec/Hex.h"
#include "core/codec/RlpDecoder.h"
#include "core/codec/RlpEncoder.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <list>
#include <string>

using namespace ls;
using codec::RlpEncoder;
using codec::RlpItem;
using codec::UInt256;

// Known answers: ethereum/tests RLPTests/rlptest.json (commit 0d2c026f) and
// RLPTests/invalidRLPTest.json (commit 16806bfc), shipped unchanged in tests/codec/data/.
//
// Of the 29 valid cases, 27 run in full (encode(in) == out, decode(out) matches in, re-encoding
// the decoded tree gives out back). Two are skipped, and still checked for what can be checked:
//  - "bigint" is 2^256, one past what UInt256 holds: its out must decode to a 33-byte string
//    that toUInt256() refuses.
//  - "listofbinaries" came from ethereum/tests PR #562, which was closed unmerged: its out starts
//    f8a7 (a 167-byte payload) but carries 320 bytes of items, and aleth failed it the same way.
//    A strict decoder must refuse that out (bytes after the item).
// "in" strings are text, "#digits" strings big integers, numbers integers, arrays lists.

namespace {

Bytes hexBytes(const QString& text)
{
    auto bytes = codec::fromHex(text.toStdString());
    if (!bytes)
        qFatal("bad hex in test data: %s", bytes.error().message.c_str());
    return *bytes;
}

QByteArray hexText(ByteView bytes)
{
    return QByteArray::fromStdString(codec::toHex(bytes));
}

QJsonObject loadCases(const char* name)
{
    QFile file(QStringLiteral(LS_TEST_DATA_DIR "/") + QLatin1String(name));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot open %s", name);
    return QJsonDocument::fromJson(file.readAll()).object();
}

void encodeJson(RlpEncoder& rlp, const QJsonValue& value)
{
    if (value.isArray()) {
        rlp.beginList();
        for (const auto& element : value.toArray())
            encodeJson(rlp, element);
        rlp.endList();
    } else if (value.isDouble()) {
        rlp.addUInt(static_cast<std::uint64_t>(value.toInteger()));
    } else {
        const QString text = value.toString();
        if (text.startsWith(QLatin1Char('#')))
            rlp.addUInt(*UInt256::fromDecimal(text.mid(1).toStdString()));
        else
            rlp.addText(text.toStdString());
    }
}

// Does the decoded item hold what the JSON "in" describes?
bool matchesJson(const RlpItem& item, const QJsonValue& value)
{
    if (value.isArray()) {
        const QJsonArray array = value.toArray();
        if (!item.isList() || item.childCount() != static_cast<std::size_t>(array.size()))
            return false;
        qsizetype index = 0;
        for (const RlpItem child : item) {
            if (!matchesJson(child, array.at(index++)))
                return false;
        }
        return true;
    }
    if (value.isDouble())
        return item.toUInt64() == static_cast<std::uint64_t>(value.toInteger());
    const QString text = value.toString();
    if (text.startsWith(QLatin1Char('#'))) {
        auto decoded = item.toUInt256();
        return decoded && *decoded == *UInt256::fromDecimal(text.mid(1).toStdString());
    }
    const std::string expected = text.toStdString();
    return item.toBytes() == Bytes(expected.begin(), expected.end());
}

// Re-encodes a decoded tree item by item (not by copying encoded()).
void reencode(RlpEncoder& rlp, const RlpItem& item)
{
    if (!item.isList()) {
        rlp.addBytes(item.payload());
        return;
    }
    rlp.beginList();
    for (const RlpItem child : item)
        reencode(rlp, child);
    rlp.endList();
}

Bytes nestedLists(std::size_t depth)
{
    RlpEncoder rlp;
    for (std::size_t i = 0; i < depth; ++i)
        rlp.beginList();
    for (std::size_t i = 0; i < depth; ++i)
        rlp.endList();
    return rlp.finish();
}

} // namespace

class TestRlp : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void ethereumValidVectors_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QJsonValue>("input");
        QTest::addColumn<QString>("output");
        const QJsonObject cases = loadCases("rlptest.json");
        QCOMPARE(cases.size(), 29);
        for (auto it = cases.begin(); it != cases.end(); ++it) {
            const QJsonObject entry = it.value().toObject();
            QTest::newRow(it.key().toUtf8().constData())
                << it.key() << entry.value(QLatin1String("in"))
                << entry.value(QLatin1String("out")).toString();
        }
    }

    void ethereumValidVectors()
    {
        QFETCH(QString, name);
        QFETCH(QJsonValue, input);
        QFETCH(QString, output);
        const Bytes expected = hexBytes(output);

        if (name == QLatin1String("bigint")) {
            auto item = codec::decodeRlp(expected);
            QVERIFY(item.has_value());
            QCOMPARE(item->payload().size(), std::size_t { 33 });
            QVERIFY(!item->toUInt256().has_value());
            return;
        }
        if (name == QLatin1String("listofbinaries")) {
            auto item = codec::decodeRlp(expected);
            QVERIFY(!item.has_value());
            QVERIFY2(item.error().message.find("follow the item") != std::string::npos,
                item.error().message.c_str());
            return;
        }

        RlpEncoder encoder;
        encodeJson(encoder, input);
        QCOMPARE(hexText(encoder.finish()), hexText(expected));

        auto item = codec::decodeRlp(expected);
        QVERIFY2(item.has_value(), item ? "" : item.error().message.c_str());
        QVERIFY(matchesJson(*item, input));
        QCOMPARE(hexText(item->encoded()), hexText(expected));
        RlpEncoder again;
        reencode(again, *item);
        QCOMPARE(hexText(again.finish()), hexText(expected));
    }

    void ethereumInvalidVectors_data()
    {
        QTest::addColumn<QString>("output");
        const QJsonObject cases = loadCases("invalidRLPTest.json");
        QCOMPARE(cases.size(), 17);
        for (auto it = cases.begin(); it != cases.end(); ++it)
            QTest::newRow(it.key().toUtf8().constData())
                << it.value().toObject().value(QLatin1String("out")).toString();

        // Later revisions of invalidRLPTest.json add these (same names); our stored copy predates
        // them. Each breaks a rule of Appendix B or runs past the end of the input.
        QTest::newRow("emptyEncoding") << QString();
        QTest::newRow("lessThanShortLengthArray1") << QStringLiteral("81");
        QTest::newRow("lessThanShortLengthArray2")
            << QStringLiteral("a0000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e");
        QTest::newRow("lessThanShortLengthList1") << QStringLiteral("c5010203");
        QTest::newRow("lessThanShortLengthList2") << QStringLiteral("e201020304050607");
        QTest::newRow("lessThanLongLengthArray1") << QStringLiteral("ba010000aabbccddeeff");
        QTest::newRow("lessThanLongLengthArray2")
            << QStringLiteral("b840ffeeddccbbaa99887766554433221100");
        QTest::newRow("lessThanLongLengthList1") << QStringLiteral("f90180");
        QTest::newRow("lessThanLongLengthList2")
            << QStringLiteral("ffffffffffffffffff0001020304050607");

        // Ours: trailing data, children overrunning their list, lengths near 2^64.
        QTest::newRow("trailing byte") << QStringLiteral("83646f6700");
        QTest::newRow("two items") << QStringLiteral("c0c0");
        QTest::newRow("child overruns list") << QStringLiteral("c283646f67");
        QTest::newRow("long prefix without length") << QStringLiteral("b8");
        QTest::newRow("two length bytes where one fits")
            << QStringLiteral("b90038") + QString(112, QLatin1Char('0'));
        QTest::newRow("length 2^64-1") << QStringLiteral("bfffffffffffffffff00");
        QTest::newRow("list length 2^64-1") << QStringLiteral("ffffffffffffffffff00");
        QTest::newRow("non-canonical byte in list") << QStringLiteral("c28100");
    }

    void ethereumInvalidVectors()
    {
        QFETCH(QString, output);
        const Bytes encoded = hexBytes(output);
        auto item = codec::decodeRlp(encoded);
        QVERIFY(!item.has_value());
        QCOMPARE(item.error().kind, ErrorKind::InvalidInput);
        QVERIFY(item.error().message.starts_with("Invalid RLP at byte "));
    }

    void lengthBoundaries()
    {
        // Appendix B: payloads of 0-55 bytes take one prefix byte (0x80 + n / 0xc0 + n), longer
        // ones 0xb7 / 0xf7 + the number of length bytes, then the length.
        auto prefixOf = [](const Bytes& encoded, std::size_t count) {
            return hexText(ByteView(encoded).first(count));
        };
        QCOMPARE(prefixOf(RlpEncoder::encodeBytes(Bytes(55, 0x61)), 1), QByteArray("b7"));
        QCOMPARE(prefixOf(RlpEncoder::encodeBytes(Bytes(56, 0x61)), 2), QByteArray("b838"));
        QCOMPARE(prefixOf(RlpEncoder::encodeBytes(Bytes(255, 0x61)), 2), QByteArray("b8ff"));
        QCOMPARE(prefixOf(RlpEncoder::encodeBytes(Bytes(256, 0x61)), 3), QByteArray("b90100"));
        QCOMPARE(hexText(RlpEncoder::encodeBytes(Bytes { 0x7f })), QByteArray("7f"));
        QCOMPARE(hexText(RlpEncoder::encodeBytes(Bytes { 0x80 })), QByteArray("8180"));

        for (std::size_t payload : { 54u, 55u, 56u, 255u, 256u, 70000u }) {
            RlpEncoder rlp;
            rlp.beginList();
            rlp.addEncoded(Bytes(payload, 0x01)); // each 0x01 is one single-byte item
            rlp.endList();
            const Bytes encoded = rlp.finish();
            QCOMPARE(encoded.size(), codec::rlpLengthPrefixSize(payload) + payload);
            auto item = codec::decodeRlp(encoded);
            QVERIFY2(item.has_value(), item ? "" : item.error().message.c_str());
            QCOMPARE(item->childCount(), payload);
        }
    }

    void nestedListsAreLinearAndRoundTrip()
    {
        // Lists inside lists whose headers change size (short to long) as they close.
        RlpEncoder rlp;
        rlp.beginList();
        rlp.addBytes(Bytes(60, 0xaa));
        rlp.beginList();
        rlp.beginList();
        rlp.addUInt(1024);
        rlp.endList();
        rlp.addBytes(Bytes(200, 0xbb));
        rlp.endList();
        rlp.addUInt(UInt256::max());
        rlp.endList();
        const Bytes encoded = rlp.finish();
        auto item = codec::decodeRlp(encoded);
        QVERIFY2(item.has_value(), item ? "" : item.error().message.c_str());
        auto children = item->listItems();
        QCOMPARE(children->size(), std::size_t { 3 });
        QCOMPARE(*(*children)[0].toBytes(), Bytes(60, 0xaa));
        QCOMPARE((*children)[1].childCount(), std::size_t { 2 });
        const RlpItem innermost = *(*(*children)[1].begin()).begin();
        QCOMPARE(*innermost.toUInt64(), std::uint64_t { 1024 });
        QCOMPARE(*(*children)[2].toUInt256(), UInt256::max());
        RlpEncoder again;
        reencode(again, *item);
        QCOMPARE(again.finish(), encoded);
        QVERIFY(rlp.finish().empty()); // finish() leaves the encoder empty
    }

    void depthLimit()
    {
        const Bytes deepest = nestedLists(codec::kMaxRlpDepth);
        QVERIFY(codec::decodeRlp(deepest).has_value());
        const Bytes oneTooDeep = nestedLists(codec::kMaxRlpDepth + 1);
        auto tooDeep = codec::decodeRlp(oneTooDeep);
        QVERIFY(!tooDeep.has_value());
        QVERIFY2(tooDeep.error().message.find("nested more than 64") != std::string::npos,
            tooDeep.error().message.c_str());
        // Hostile depth is refused without recursion (no stack exhaustion).
        const Bytes hostile = nestedLists(100000);
        QVERIFY(!codec::decodeRlp(hostile).has_value());
    }

    void integers()
    {
        std::list<Bytes> buffers; // items are views: their bytes must outlive them
        auto decodeOne = [&buffers](const char* hex) {
            return *codec::decodeRlp(buffers.emplace_back(hexBytes(QLatin1String(hex))));
        };
        QCOMPARE(*decodeOne("80").toUInt64(), std::uint64_t { 0 });
        QCOMPARE(*decodeOne("7f").toUInt64(), std::uint64_t { 127 });
        QCOMPARE(*decodeOne("88ffffffffffffffff").toUInt64(), ~std::uint64_t { 0 });
        QVERIFY(!decodeOne("00").toUInt64().has_value()); // zero is 0x80, not 0x00
        QVERIFY(!decodeOne("820001").toUInt64().has_value()); // leading zero byte
        QVERIFY(!decodeOne("89010000000000000000").toUInt64().has_value()); // 2^64
        QCOMPARE(*decodeOne("89010000000000000000").toUInt256(), UInt256(1) << 64);
        QVERIFY(!decodeOne("c0").toUInt256().has_value());
        QVERIFY(!decodeOne("c0").toBytes().has_value());
        QVERIFY(!decodeOne("80").listItems().has_value());

        for (const UInt256& value :
            { UInt256(), UInt256(127), UInt256(128), UInt256(1) << 64, UInt256::max() }) {
            const Bytes encoded = RlpEncoder::encodeUInt(value);
            QCOMPARE(*codec::decodeRlp(encoded)->toUInt256(), value);
        }
    }

    void fixedSize()
    {
        const Bytes address(20, 0x11);
        const Bytes encoded = RlpEncoder::encodeBytes(address);
        auto item = codec::decodeRlp(encoded);
        auto fixed = item->toFixed<20>();
        QVERIFY(fixed.has_value());
        QCOMPARE(Bytes(fixed->begin(), fixed->end()), address);
        auto wrong = item->toFixed<32>();
        QVERIFY(!wrong.has_value());
        QVERIFY(wrong.error().message.find("32 bytes but got 20") != std::string::npos);
    }

    void streaming()
    {
        // "dog", [], 1 back to back, as in a stream of items.
        const Bytes stream = hexBytes(QStringLiteral("83646f67c001"));
        auto first = codec::decodeRlpPrefix(stream);
        QVERIFY(first.has_value());
        QCOMPARE(hexText(*first->item.toBytes()), QByteArray("646f67"));
        auto second = codec::decodeRlpPrefix(first->rest);
        QVERIFY(second->item.isList());
        auto third = codec::decodeRlpPrefix(second->rest);
        QCOMPARE(*third->item.toUInt64(), std::uint64_t { 1 });
        QVERIFY(third->rest.empty());
        QVERIFY(!codec::decodeRlp(stream).has_value());
        QVERIFY(!codec::decodeRlpPrefix(ByteView()).has_value());
    }

    void errorsNameTheOffset()
    {
        // [ "dog", 0x81 0x05 ]: the bad item starts at byte 5.
        const Bytes encoded = hexBytes(QStringLiteral("c683646f678105"));
        auto item = codec::decodeRlp(encoded);
        QVERIFY(!item.has_value());
        QVERIFY2(item.error().message.starts_with("Invalid RLP at byte 5: a single byte"),
            item.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestRlp)
#include "tst_rlp.moc"
