#include "core/crypto/Keccak.h"
#include "core/protocol/LightBlock.h"
#include "core/protocol/Receipt.h"

#include <QTest>

#include "tests/chain/ProtocolTestSupport.h"

using namespace ls;
using namespace ls::testing;
using protocol::LightBlock;
using protocol::Log;
using protocol::Receipt;

// Cross-checks: expected encodings computed with ethers.js 6.17.0 encodeRlp (an independent RLP
// implementation) from the field list of docs/protocol.md §5, integers as minimal big-endian
// (toBeArray), the revert reason as toUtf8Bytes:
//   ok  = encodeRlp([0xaa×32, 1, 21000, 63000, 1e9, [log, [0x…0ca7a1, [], "0x"]], "0x"]) with
//         log = [0x…0ca7a1, [keccak256("TitlePublished(uint64,address,bytes32,uint256)"),
//                zeroPad(0x01), zeroPad(0x35…35)], 0xab×32 ‖ uint256(100)]
//   bad = encodeRlp([0xbb×32, 0, 100000, 100000, 2, [], "wrong price: send exactly the title's
//         price"])
namespace {

constexpr std::string_view kOkReceipt
    = "0xf90106a0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa0182520882f61884"
      "3b9aca00f8d6f8bc9400000000000000000000000000000000000ca7a1f863a079fd956c2ab62976593117bb17"
      "d5469e4f1a66a95f15daa7214b826ee202547ca000000000000000000000000000000000000000000000000000"
      "00000000000001a00000000000000000000000003535353535353535353535353535353535353535b840ababab"
      "ababababababababababababababababababababababababababababab00000000000000000000000000000000"
      "00000000000000000000000000000064d79400000000000000000000000000000000000ca7a1c08080";
constexpr std::string_view kFailedReceipt
    = "0xf858a0bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb80830186a0830186a0"
      "02c0ab77726f6e672070726963653a2073656e642065786163746c7920746865207469746c65277320707269636"
      "5";

// A light block assembled and signed with ethers.js 6.17.0: the single-validator header, set
// and commit of tst_commit (key 0x01…01, power 1, height 1, round 0), as
// encodeRlp([headerFields, [1, 0, headerHash, [[0, r ‖ s ‖ yParity]]], [[address, 1]]]).
constexpr std::string_view kEthersLightBlock
    = "0xf9016df8e6823f340186018bcfe56800a0111111111111111111111111111111111111111111111111111111"
      "1111111111a02222222222222222222222222222222222222222222222222222222222222222a0333333333333"
      "3333333333333333333333333333333333333333333333333333a0444444444444444444444444444444444444"
      "4444444444444444444444444444a0a7214ea2183b316ae03adc6ca76b90e7e11530c4c64d425165d3b25067f8"
      "3762a0a7214ea2183b316ae03adc6ca76b90e7e11530c4c64d425165d3b25067f83762941a642f0e3c3af545e7"
      "acbd38b07251b3990914f1f86b0180a0d376284b8b8e9c6fa4f2c005a4299cc3e9e81f127cc1bb175a5d7c2a13"
      "48c37bf846f84480b84127f38c6f8a943b288ce9ceddb716f0d695646e74979dd7307492524e698420687b40ea"
      "2fad9e0b013bec3113ba088036127d58a26410c55e3c54ec974e9e6e8200d7d6941a642f0e3c3af545e7acbd38"
      "b07251b3990914f101";

Hash256 filled(std::uint8_t byte)
{
    Hash256 h;
    h.fill(byte);
    return h;
}

crypto::Address catalog()
{
    return must(crypto::Address::parse("0x00000000000000000000000000000000000ca7a1"));
}

Receipt okReceipt()
{
    Receipt r;
    r.txHash = filled(0xaa);
    r.status = Receipt::kSuccess;
    r.gasUsed = 21000;
    r.cumulativeGasUsed = 63000;
    r.effectiveGasPrice = 1'000'000'000;
    Log published;
    published.address = catalog();
    published.topics.push_back(
        crypto::keccak256(asBytes("TitlePublished(uint64,address,bytes32,uint256)")));
    Hash256 titleId {};
    titleId[31] = 1;
    published.topics.push_back(titleId);
    Hash256 author {};
    std::fill(author.begin() + 12, author.end(), 0x35);
    published.topics.push_back(author);
    published.data = Bytes(32, 0xab);
    published.data.resize(64, 0);
    published.data[63] = 100;
    r.logs.push_back(published);
    Log bare;
    bare.address = catalog();
    r.logs.push_back(bare);
    return r;
}

Bytes receiptWithField(std::string_view base, std::size_t index, const Bytes& field)
{
    return withField(hex(base), index, field);
}

} // namespace

class TestReceipt : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void knownAnswers()
    {
        const Receipt ok = okReceipt();
        QCOMPARE(hexOf(ok.logs[0].topics[0]),
            std::string("0x79fd956c2ab62976593117bb17d5469e4f1a66a95f15daa7214b826ee202547c"));
        QCOMPARE(hexOf(ok.encode()), std::string(kOkReceipt));
        auto decoded = Receipt::decode(hex(kOkReceipt));
        QVERIFY2(decoded, decoded ? "" : decoded.error().message.c_str());
        QVERIFY(*decoded == ok);

        Receipt failed;
        failed.txHash = filled(0xbb);
        failed.status = Receipt::kFailure;
        failed.gasUsed = 100000;
        failed.cumulativeGasUsed = 100000;
        failed.effectiveGasPrice = 2;
        failed.revertReason = "wrong price: send exactly the title's price";
        QCOMPARE(hexOf(failed.encode()), std::string(kFailedReceipt));
        QCOMPARE(must(Receipt::decode(hex(kFailedReceipt))), failed);
    }

    void roundTripsText()
    {
        Receipt r;
        r.status = Receipt::kFailure;
        r.revertReason = "prix incorrect ✓ — 価格"; // multi-byte UTF-8 is fine
        QCOMPARE(must(Receipt::decode(r.encode())), r);
        const Receipt sample = okReceipt();
        for (const Log& log : sample.logs)
            QCOMPARE(must(Log::decode(log.encode())), log);
    }

    void rejects_data()
    {
        QTest::addColumn<Bytes>("encoded");
        QTest::addColumn<QString>("message");
        Bytes trailing = hex(kOkReceipt);
        trailing.push_back(0x00);
        auto six = listFields(hex(kFailedReceipt));
        six.pop_back();
        const auto okLogs = listFields(listFields(hex(kOkReceipt))[5]);
        auto logFields = listFields(okLogs[0]);
        auto logWith = [&](std::size_t index, const Bytes& field) {
            auto changed = logFields;
            changed[index] = field;
            return receiptWithField(kOkReceipt, 5, listOf({ listOf(changed) }));
        };

        QTest::newRow("trailing byte") << trailing << "1 bytes follow the item";
        QTest::newRow("6 fields") << listOf(six) << "Malformed receipt: expected 7 fields";
        QTest::newRow("status 2") << receiptWithField(kOkReceipt, 1, uintItem(2))
                                  << "field 'status': it must be 0 (failure) or 1 (success), not 2";
        QTest::newRow("status as 0x00") << receiptWithField(kFailedReceipt, 1, Bytes { 0x00 })
                                        << "field 'status': An RLP integer has a leading zero";
        QTest::newRow("tx hash of 31 bytes")
            << receiptWithField(kOkReceipt, 0, bytesItem(Bytes(31, 0xaa))) << "field 'txHash'";
        QTest::newRow("gasUsed with leading zero")
            << receiptWithField(kOkReceipt, 2, hex("0x83005208")) << "field 'gasUsed'";
        QTest::newRow("cumulativeGasUsed over 64 bits") << receiptWithField(kOkReceipt, 3,
            uintItem(codec::UInt256(1) << 64)) << "field 'cumulativeGasUsed'";
        QTest::newRow("effectiveGasPrice with leading zero") << receiptWithField(
            kOkReceipt, 4, hex("0x85003b9aca00")) << "field 'effectiveGasPrice'";
        QTest::newRow("logs not a list") << receiptWithField(kOkReceipt, 5, Bytes { 0x80 })
                                         << "field 'logs': Expected an RLP list";
        QTest::newRow("reason on success")
            << receiptWithField(kOkReceipt, 6, bytesItem(asBytes("oops")))
            << "field 'revertReason': a successful transaction has no revert reason";
        QTest::newRow("reason not UTF-8") << receiptWithField(kFailedReceipt, 6,
            bytesItem(hex("0x41ff42"))) << "field 'revertReason': it is not valid UTF-8 text";
        QTest::newRow("reason overlong UTF-8")
            << receiptWithField(kFailedReceipt, 6, bytesItem(hex("0xc0af"))) << "not valid UTF-8";
        QTest::newRow("reason UTF-8 surrogate")
            << receiptWithField(kFailedReceipt, 6, bytesItem(hex("0xeda080"))) << "not valid UTF-8";
        QTest::newRow("reason truncated UTF-8")
            << receiptWithField(kFailedReceipt, 6, bytesItem(hex("0x41e282"))) << "not valid UTF-8";
        QTest::newRow("reason above U+10FFFF") << receiptWithField(kFailedReceipt, 6,
            bytesItem(hex("0xf4908080"))) << "not valid UTF-8";
        QTest::newRow("reason as a list")
            << receiptWithField(kFailedReceipt, 6, Bytes { 0xc0 }) << "field 'revertReason'";
        QTest::newRow("log with 2 fields")
            << receiptWithField(kOkReceipt, 5, listOf({ listOf({ logFields[0], logFields[1] }) }))
            << "Malformed log: expected 3 fields [address, topics, data]";
        QTest::newRow("log address of 19 bytes")
            << logWith(0, bytesItem(Bytes(19, 1))) << "Malformed log, field 'address'";
        QTest::newRow("log topic of 31 bytes")
            << logWith(1, listOf({ bytesItem(Bytes(31, 1)) }))
            << "Malformed log, field 'topics': topic 0: Expected an RLP byte string of 32 bytes";
        QTest::newRow("log topics not a list")
            << logWith(1, bytesItem(Bytes(32, 1))) << "field 'topics': Expected an RLP list";
        QTest::newRow("log data as a list")
            << logWith(2, Bytes { 0xc0 }) << "Malformed log, field 'data'";
    }

    void rejects()
    {
        QFETCH(Bytes, encoded);
        QFETCH(QString, message);
        QVERIFY(failsWith(Receipt::decode(encoded), message.toStdString()));
    }

    void ethersLightBlock()
    {
        const Bytes encoded = hex(kEthersLightBlock);
        auto block = LightBlock::decode(encoded);
        QVERIFY2(block, block ? "" : block.error().message.c_str());
        QCOMPARE(block->header.height, std::uint64_t { 1 });
        QCOMPARE(block->validators.size(), std::size_t { 1 });
        QCOMPARE(block->commit.signatures.size(), std::size_t { 1 });
        auto ok = block->verify();
        QVERIFY2(ok, ok ? "" : ok.error().message.c_str());
        QCOMPARE(block->encode(), encoded);
    }

    void lightBlock()
    {
        auto key = keyFromByte(0x01);
        auto set = must(protocol::ValidatorSet::create(
            { { crypto::Address::fromPublicKey(key.publicKey()), 10 } }));
        protocol::Header header;
        header.chainId = 16180;
        header.height = 7;
        header.timeMs = 1'700'000'123'456;
        header.validatorsHash = set.hash();
        header.nextValidatorsHash = set.hash();
        std::vector<crypto::PrivateKey> keys { key };
        LightBlock block { header, must(protocol::Commit::sign(header, 2, set, keys)), set };
        QVERIFY(block.verify().has_value());

        // rlp([header, commit, validatorSet]) with each element's own encoding inside.
        const Bytes encoded = block.encode();
        QCOMPARE(encoded, listOf({ header.encode(), block.commit.encode(), set.encode() }));
        auto decoded = LightBlock::decode(encoded);
        QVERIFY2(decoded, decoded ? "" : decoded.error().message.c_str());
        QVERIFY(*decoded == block);
        QCOMPARE(decoded->encode(), encoded);
        QVERIFY(decoded->verify().has_value());

        // A light block whose header was altered no longer verifies.
        LightBlock altered = block;
        altered.header.stateRoot[0] ^= 1;
        QVERIFY(failsWith(altered.verify(), "it is for block"));

        Bytes trailing = encoded;
        trailing.push_back(0x80);
        QVERIFY(failsWith(LightBlock::decode(trailing), "1 bytes follow the item"));
        auto parts = listFields(encoded);
        QVERIFY(failsWith(LightBlock::decode(listOf({ parts[0], parts[1] })),
            "Malformed light block: expected 3 fields [header, commit, validatorSet]"));
        QVERIFY(failsWith(LightBlock::decode(listOf({ parts[0], parts[1], listOf({}) })),
            "Malformed validator set: it has no validators"));
        QVERIFY(failsWith(LightBlock::decode(listOf({ parts[1], parts[1], parts[2] })),
            "Malformed block header: expected 10 fields"));
        QVERIFY(failsWith(LightBlock::decode(listOf({ parts[0], parts[0], parts[2] })),
            "Malformed commit: expected 4 fields"));
    }
};

QTEST_GUILESS_MAIN(TestReceipt)
#include "tst_receipt.moc"
