#include "core/crypto/Keccak.h"
#include "core/protocol/Header.h"
#include "core/protocol/ValidatorSet.h"
#include "core/protocol/VoteSignBytes.h"

#include <QTest>

#include "tests/chain/ProtocolTestSupport.h"
#include <functional>

using namespace ls;
using namespace ls::testing;
using protocol::Header;
using protocol::Validator;
using protocol::ValidatorSet;

// Cross-checks: the expected encodings and hashes below were computed with ethers.js 6.17.0,
// an independent RLP and keccak implementation, from the field lists of docs/protocol.md §5:
//   const I = n => hexlify(toBeArray(BigInt(n)));   // minimal big-endian integer, 0 -> 0x
//   encodeRlp([I(16180), I(1), I(1700000000000n), "0x11"×32, …, "0x77"×20]); keccak256(...)
//   encodeRlp([[0x01×20, I(10)], [0x02×20, I(1)], [0xff×20, I(2^62 - 11)]])
//   keccak256(encodeRlp([hexlify(toUtf8Bytes("lightstreams/precommit")), I(16180), I(1),
//             I(round), headerHash]))
namespace {

constexpr std::string_view kHeaderRlp
    = "0xf8e6823f340186018bcfe56800a0111111111111111111111111111111111111111111111111111111111111"
      "1111a02222222222222222222222222222222222222222222222222222222222222222a0333333333333333333"
      "3333333333333333333333333333333333333333333333a044444444444444444444444444444444444444444444"
      "44444444444444444444a05555555555555555555555555555555555555555555555555555555555555555a066"
      "66666666666666666666666666666666666666666666666666666666666666947777777777777777777777777777"
      "777777777777";
constexpr std::string_view kHeaderHash
    = "0xc17a8992b58575d8cf9618685fd36697025ee842d2a5bee18644380578e9eaa7";
constexpr std::string_view kGenesisHash
    = "0x09240b5fa1096c875a4de781476976b0cb19b1662512f909cb70892b0a264bec";
constexpr std::string_view kValidatorsRlp
    = "0xf84dd69401010101010101010101010101010101010101010ad6940202020202020202020202020202020202"
      "02020201de94ffffffffffffffffffffffffffffffffffffffff883ffffffffffffff5";
constexpr std::string_view kValidatorsHash
    = "0x8c31e38eb13eb923094739431e489ba172a81516756fb55871fa0bfa26932a91";
constexpr std::string_view kVoteRound0
    = "0x357cb82bf7036f0031f335bb52d6b5a2f84613dd6765e02cfe2a36e3a800e394";
constexpr std::string_view kVoteRound3
    = "0x4f99430b630afe5dc2cfb451ab81a5330c70eac50082fc6ee91d6ba90bd0247a";

Hash256 filled(std::uint8_t byte)
{
    Hash256 h;
    h.fill(byte);
    return h;
}

crypto::Address addressOf(std::uint8_t byte)
{
    FixedBytes<20> bytes;
    bytes.fill(byte);
    return crypto::Address(bytes);
}

Header sampleHeader()
{
    Header h;
    h.chainId = 16180;
    h.height = 1;
    h.timeMs = 1'700'000'000'000;
    h.parentHash = filled(0x11);
    h.txRoot = filled(0x22);
    h.receiptsRoot = filled(0x33);
    h.stateRoot = filled(0x44);
    h.validatorsHash = filled(0x55);
    h.nextValidatorsHash = filled(0x66);
    h.proposer = addressOf(0x77);
    return h;
}

std::vector<Validator> sampleValidators()
{
    // Deliberately out of order: create() sorts.
    return { { addressOf(0xff), ValidatorSet::kMaxTotalPower - 11 }, { addressOf(0x01), 10 },
        { addressOf(0x02), 1 } };
}

} // namespace

class TestBlockHeader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void headerKnownAnswer()
    {
        const Header h = sampleHeader();
        QCOMPARE(hexOf(h.encode()), std::string(kHeaderRlp));
        QCOMPARE(hexOf(h.hash()), std::string(kHeaderHash));
        auto decoded = Header::decode(hex(kHeaderRlp));
        QVERIFY2(decoded, decoded ? "" : decoded.error().message.c_str());
        QVERIFY(*decoded == h);
    }

    void genesisHeader()
    {
        // The genesis shape of §5: height 0, zero parent hash, zero proposer.
        Header genesis;
        genesis.chainId = 16180;
        QCOMPARE(hexOf(genesis.hash()), std::string(kGenesisHash));
        QCOMPARE(must(Header::decode(genesis.encode())), genesis);
    }

    void everyFieldChangesTheHash()
    {
        const Header base = sampleHeader();
        const std::vector<std::function<void(Header&)>> edits = {
            [](Header& h) { h.chainId += 1; },
            [](Header& h) { h.height += 1; },
            [](Header& h) { h.timeMs += 1; },
            [](Header& h) { h.parentHash[31] ^= 1; },
            [](Header& h) { h.txRoot[0] ^= 1; },
            [](Header& h) { h.receiptsRoot[5] ^= 1; },
            [](Header& h) { h.stateRoot[9] ^= 1; },
            [](Header& h) { h.validatorsHash[1] ^= 1; },
            [](Header& h) { h.nextValidatorsHash[2] ^= 1; },
            [](Header& h) { h.proposer = addressOf(0x78); },
        };
        for (const auto& edit : edits) {
            Header changed = base;
            edit(changed);
            QVERIFY(changed.hash() != base.hash());
            QCOMPARE(must(Header::decode(changed.encode())), changed);
        }
    }

    void headerRejects_data()
    {
        QTest::addColumn<Bytes>("encoded");
        QTest::addColumn<QString>("message");
        const Bytes good = hex(kHeaderRlp);
        Bytes trailing = good;
        trailing.push_back(0x80);
        auto fields = listFields(good);
        auto nine = fields;
        nine.pop_back();
        auto eleven = fields;
        eleven.push_back(Bytes { 0x80 });

        QTest::newRow("empty") << Bytes {} << "Malformed block header: Invalid RLP";
        QTest::newRow("trailing byte") << trailing << "1 bytes follow the item";
        QTest::newRow("truncated") << Bytes(good.begin(), good.end() - 1) << "remain";
        QTest::newRow("byte string") << bytesItem(good) << "expected an RLP list";
        QTest::newRow("9 fields") << listOf(nine) << "expected 10 fields";
        QTest::newRow("11 fields") << listOf(eleven) << "expected 10 fields";
        QTest::newRow("height with leading zero") << withField(
            good, 1, hex("0x820001")) << "field 'height': An RLP integer has a leading zero byte";
        QTest::newRow("zero time as 0x00") << withField(good, 2, Bytes { 0x00 })
                                           << "field 'timeMs': An RLP integer has a leading zero";
        QTest::newRow("chain id over 64 bits")
            << withField(good, 0, uintItem(codec::UInt256(1) << 64)) << "field 'chainId'";
        QTest::newRow("parent hash of 31 bytes")
            << withField(good, 3, bytesItem(Bytes(31, 0x11)))
            << "field 'parentHash': Expected an RLP byte string of 32 bytes but got 31";
        QTest::newRow("state root as a list") << withField(good, 6, Bytes { 0xc0 })
                                              << "field 'stateRoot': Expected an RLP byte string";
        QTest::newRow("proposer of 21 bytes")
            << withField(good, 9, bytesItem(Bytes(21, 0x77))) << "field 'proposer'";
        QTest::newRow("empty proposer") << withField(good, 9, Bytes { 0x80 }) << "field 'proposer'";
    }

    void headerRejects()
    {
        QFETCH(Bytes, encoded);
        QFETCH(QString, message);
        QVERIFY(failsWith(Header::decode(encoded), message.toStdString()));
    }

    void validatorSetKnownAnswer()
    {
        auto set = ValidatorSet::create(sampleValidators());
        QVERIFY2(set, set ? "" : set.error().message.c_str());
        QCOMPARE(set->size(), std::size_t { 3 });
        QCOMPARE(set->at(0).address, addressOf(0x01));
        QCOMPARE(set->at(2).address, addressOf(0xff));
        QCOMPARE(set->totalPower(), ValidatorSet::kMaxTotalPower);
        QCOMPARE(hexOf(set->encode()), std::string(kValidatorsRlp));
        QCOMPARE(hexOf(set->hash()), std::string(kValidatorsHash));
        QCOMPARE(set->indexOf(addressOf(0x02)), std::optional<std::size_t>(1));
        QCOMPARE(set->indexOf(addressOf(0x03)), std::optional<std::size_t>());

        auto decoded = ValidatorSet::decode(hex(kValidatorsRlp));
        QVERIFY2(decoded, decoded ? "" : decoded.error().message.c_str());
        QVERIFY(*decoded == *set);
    }

    void validatorSetRejects()
    {
        QVERIFY(failsWith(ValidatorSet::create({}), "it has no validators"));
        QVERIFY(failsWith(ValidatorSet::create({ { addressOf(1), 5 }, { addressOf(1), 6 } }),
            "validator 0x0101010101010101010101010101010101010101 appears twice"));
        QVERIFY(failsWith(ValidatorSet::create({ { addressOf(1), 5 }, { addressOf(2), 0 } }),
            "validator 0x0202020202020202020202020202020202020202 has zero voting power"));
        QVERIFY(failsWith(ValidatorSet::create({ { addressOf(1), ValidatorSet::kMaxTotalPower - 1 },
                              { addressOf(2), 2 } }),
            "the total voting power exceeds 2^62"));
        QVERIFY(failsWith(ValidatorSet::create({ { addressOf(1), ~std::uint64_t { 0 } } }),
            "the total voting power exceeds 2^62"));
        // The largest allowed total, in one validator, is fine.
        QVERIFY(
            ValidatorSet::create({ { addressOf(1), ValidatorSet::kMaxTotalPower } }).has_value());

        auto entry = [](std::uint8_t addressByte, std::uint64_t power) {
            return listOf({ bytesItem(addressOf(addressByte).view()), uintItem(power) });
        };
        QVERIFY(failsWith(ValidatorSet::decode(listOf({ entry(2, 1), entry(1, 1) })),
            "validators must be in increasing address order"));
        QVERIFY(
            failsWith(ValidatorSet::decode(listOf({ entry(1, 1), entry(1, 2) })), "appears twice"));
        QVERIFY(failsWith(ValidatorSet::decode(listOf({ entry(1, 0) })), "has zero voting power"));
        QVERIFY(failsWith(ValidatorSet::decode(listOf({})), "it has no validators"));
        QVERIFY(failsWith(ValidatorSet::decode(Bytes { 0x80 }), "expected an RLP list"));
        QVERIFY(failsWith(
            ValidatorSet::decode(listOf({ listOf({ bytesItem(addressOf(1).view()) }) })),
            "Malformed validator set entry: expected 2 fields [address, votingPower] but found 1"));
        QVERIFY(failsWith(
            ValidatorSet::decode(listOf({ entry(1, 1), Bytes { 0x80 } })), "expected an RLP list"));
        QVERIFY(failsWith(
            ValidatorSet::decode(listOf({ listOf({ bytesItem(Bytes(19, 1)), uintItem(1) }) })),
            "field 'address'"));
        QVERIFY(failsWith(ValidatorSet::decode(listOf(
                              { listOf({ bytesItem(addressOf(1).view()), hex("0x820001") }) })),
            "field 'votingPower': An RLP integer has a leading zero byte"));
        QVERIFY(failsWith(ValidatorSet::decode(listOf({ listOf({ bytesItem(addressOf(1).view()),
                              uintItem(codec::UInt256(1) << 64) }) })),
            "field 'votingPower'"));
        Bytes trailing = hex(kValidatorsRlp);
        trailing.push_back(0xc0);
        QVERIFY(failsWith(ValidatorSet::decode(trailing), "1 bytes follow the item"));
    }

    void voteSignBytesKnownAnswer()
    {
        const Hash256 blockHash = sampleHeader().hash();
        QCOMPARE(hexOf(protocol::voteSignBytes(16180, 1, 0, blockHash)), std::string(kVoteRound0));
        QCOMPARE(hexOf(protocol::voteSignBytes(16180, 1, 3, blockHash)), std::string(kVoteRound3));
        // Each input is bound.
        const Hash256 base = protocol::voteSignBytes(16180, 1, 0, blockHash);
        QVERIFY(protocol::voteSignBytes(16181, 1, 0, blockHash) != base);
        QVERIFY(protocol::voteSignBytes(16180, 2, 0, blockHash) != base);
        Hash256 other = blockHash;
        other[0] ^= 1;
        QVERIFY(protocol::voteSignBytes(16180, 1, 0, other) != base);
    }
};

QTEST_GUILESS_MAIN(TestBlockHeader)
#include "tst_block_header.moc"
