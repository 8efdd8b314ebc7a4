#include "core/codec/UInt256.h"
#include "core/protocol/Commit.h"
#include "core/protocol/SignatureScalars.h"
#include "core/protocol/VoteSignBytes.h"

#include <QTest>

#include "tests/chain/ProtocolTestSupport.h"
#include <map>

using namespace ls;
using namespace ls::testing;
using protocol::Commit;
using protocol::CommitSignature;
using protocol::Header;
using protocol::Validator;
using protocol::ValidatorSet;

namespace {

constexpr std::uint64_t kChainId = 16180;

// Cross-check made with ethers.js 6.17.0 (encodeRlp, keccak256, Wallet.signingKey.sign, which
// uses RFC 6979 nonces like libsecp256k1): one validator, key 0x01…01 (address
// 0x1a642f0E3c3aF545E7AcBD38b07251B3990914F1), power 1; the header of tst_block_header with
// validatorsHash = nextValidatorsHash = that set's hash and proposer = that address; round 0;
// sig65 = r ‖ s ‖ yParity; commit = encodeRlp([1, 0, headerHash, [[0, sig65]]]).
constexpr std::string_view kSingleHeaderHash
    = "0xd376284b8b8e9c6fa4f2c005a4299cc3e9e81f127cc1bb175a5d7c2a1348c37b";
constexpr std::string_view kSingleVoteDigest
    = "0x3242013794216c1e3d61502ccddc2e5a9cdcb3bfb58c7eb2e667be67b190f0d3";
constexpr std::string_view kSingleCommit
    = "0xf86b0180a0d376284b8b8e9c6fa4f2c005a4299cc3e9e81f127cc1bb175a5d7c2a1348c37bf846f84480b841"
      "27f38c6f8a943b288ce9ceddb716f0d695646e74979dd7307492524e698420687b40ea2fad9e0b013bec3113ba0"
      "88036127d58a26410c55e3c54ec974e9e6e8200";

Hash256 filled(std::uint8_t byte)
{
    Hash256 h;
    h.fill(byte);
    return h;
}

crypto::Address addressOf(const crypto::PrivateKey& key)
{
    return crypto::Address::fromPublicKey(key.publicKey());
}

// Validators with their keys; `keyByIndex` follows the set's (address) order.
struct Network {
    std::vector<crypto::PrivateKey> keyByIndex;
    ValidatorSet set;
    Header header;

    const crypto::PrivateKey& key(std::size_t index) const { return keyByIndex.at(index); }

    // Signs with the validators at these indexes, in any order.
    Commit commitBy(std::initializer_list<std::size_t> indexes, std::uint64_t round = 0) const
    {
        std::vector<crypto::PrivateKey> keys;
        for (auto i : indexes)
            keys.push_back(key(i));
        return must(Commit::sign(header, round, set, keys));
    }

    CommitSignature voteBy(const crypto::PrivateKey& signer, std::size_t index,
        std::uint64_t chainId, std::uint64_t height, std::uint64_t round, const Hash256& hash) const
    {
        return { index,
            crypto::sign(signer, protocol::voteSignBytes(chainId, height, round, hash)) };
    }
};

// Keys 0x01…01, 0x02…02, … with the given powers.
Network makeNetwork(std::vector<std::uint64_t> powers)
{
    std::map<crypto::Address, std::pair<std::size_t, std::uint64_t>> byAddress;
    std::vector<crypto::PrivateKey> keys;
    std::vector<Validator> validators;
    for (std::size_t i = 0; i < powers.size(); ++i) {
        keys.push_back(keyFromByte(static_cast<std::uint8_t>(i + 1)));
        validators.push_back({ addressOf(keys.back()), powers[i] });
    }
    ValidatorSet set = must(ValidatorSet::create(validators));
    std::vector<crypto::PrivateKey> keyByIndex;
    for (const Validator& v : set.validators())
        for (const auto& k : keys)
            if (addressOf(k) == v.address)
                keyByIndex.push_back(k);

    Header header;
    header.chainId = kChainId;
    header.height = 1;
    header.timeMs = 1'700'000'000'000;
    header.parentHash = filled(0x11);
    header.txRoot = filled(0x22);
    header.receiptsRoot = filled(0x33);
    header.stateRoot = filled(0x44);
    header.validatorsHash = set.hash();
    header.nextValidatorsHash = set.hash();
    header.proposer = set.at(0).address;
    return { std::move(keyByIndex), std::move(set), header };
}

// Four validators whose powers, in address order, are 1, 2, 3 and 6 (total 12; two thirds is 8).
Network fourValidators()
{
    Network net = makeNetwork({ 1, 2, 3, 6 });
    std::vector<Validator> ordered = net.set.validators();
    const std::uint64_t powers[] = { 1, 2, 3, 6 };
    for (std::size_t i = 0; i < ordered.size(); ++i)
        ordered[i].votingPower = powers[i];
    net.set = must(ValidatorSet::create(ordered));
    net.header.validatorsHash = net.set.hash();
    net.header.nextValidatorsHash = net.set.hash();
    return net;
}

} // namespace

class TestCommit : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void singleValidatorKnownAnswer()
    {
        Network net = makeNetwork({ 1 });
        QCOMPARE(addressOf(net.key(0)).toChecksumString(),
            std::string("0x1a642f0E3c3aF545E7AcBD38b07251B3990914F1"));
        QCOMPARE(hexOf(net.header.hash()), std::string(kSingleHeaderHash));
        QCOMPARE(hexOf(protocol::voteSignBytes(kChainId, 1, 0, net.header.hash())),
            std::string(kSingleVoteDigest));
        const Commit commit = net.commitBy({ 0 });
        QCOMPARE(hexOf(commit.encode()), std::string(kSingleCommit));
        auto decoded = Commit::decode(hex(kSingleCommit));
        QVERIFY2(decoded, decoded ? "" : decoded.error().message.c_str());
        QVERIFY(*decoded == commit);
        auto ok = decoded->verify(net.header, net.set);
        QVERIFY2(ok, ok ? "" : ok.error().message.c_str());

        Commit empty = commit;
        empty.signatures.clear();
        QVERIFY(failsWith(empty.verify(net.header, net.set),
            "its signers hold 0 of 1 voting power; more than two thirds is needed"));
    }

    void thresholds_data()
    {
        QTest::addColumn<QList<int>>("signers"); // indexes in address order; powers 1, 2, 3, 6
        QTest::addColumn<QString>("failure"); // empty: must verify
        QTest::newRow("all (12 of 12)") << QList<int> { 0, 1, 2, 3 } << QString();
        QTest::newRow("9 of 12") << QList<int> { 2, 3 } << QString();
        QTest::newRow("9 of 12 (1+2+6)") << QList<int> { 0, 1, 3 } << QString();
        QTest::newRow("exactly 2/3: 8 of 12") << QList<int> { 1, 3 } << "hold 8 of 12 voting power";
        QTest::newRow("7 of 12") << QList<int> { 0, 3 } << "hold 7 of 12 voting power";
        QTest::newRow("6 of 12 without the largest") << QList<int> { 0, 1, 2 } << "hold 6 of 12";
        QTest::newRow("largest alone") << QList<int> { 3 } << "hold 6 of 12";
        QTest::newRow("none") << QList<int> {} << "hold 0 of 12";
    }

    void thresholds()
    {
        QFETCH(QList<int>, signers);
        QFETCH(QString, failure);
        Network net = fourValidators();
        QCOMPARE(net.set.totalPower(), std::uint64_t { 12 });
        std::vector<crypto::PrivateKey> keys;
        for (int i : signers)
            keys.push_back(net.key(static_cast<std::size_t>(i)));
        const Commit commit = must(Commit::sign(net.header, 0, net.set, keys));
        QCOMPARE(must(Commit::decode(commit.encode())), commit);
        auto result = commit.verify(net.header, net.set);
        if (failure.isEmpty())
            QVERIFY2(result, result ? "" : result.error().message.c_str());
        else
            QVERIFY(failsWith(result, failure.toStdString()));
    }

    void exactlyTwoThirdsOfThree()
    {
        // Three equal validators: two of them are exactly 2/3 and must not finalise.
        Network net = makeNetwork({ 5, 5, 5 });
        QVERIFY(failsWith(net.commitBy({ 0, 2 }).verify(net.header, net.set), "hold 10 of 15"));
        QVERIFY(net.commitBy({ 0, 1, 2 }).verify(net.header, net.set).has_value());
    }

    void signOrdersAndChecksMembership()
    {
        Network net = fourValidators();
        const Commit commit = net.commitBy({ 3, 0, 2 });
        QCOMPARE(commit.signatures.size(), std::size_t { 3 });
        QCOMPARE(commit.signatures[0].validatorIndex, std::uint64_t { 0 });
        QCOMPARE(commit.signatures[2].validatorIndex, std::uint64_t { 3 });
        std::vector<crypto::PrivateKey> outsider { keyFromByte(0x09) };
        QVERIFY(failsWith(
            Commit::sign(net.header, 0, net.set, outsider), "is not in the validator set"));
        std::vector<crypto::PrivateKey> twice { net.key(1), net.key(1) };
        QVERIFY(
            failsWith(Commit::sign(net.header, 0, net.set, twice), "two keys belong to validator"));
    }

    void rejections_data()
    {
        QTest::addColumn<int>("scenario");
        QTest::addColumn<QString>("message");
        QTest::newRow("non-member key") << 0 << "signature #1 (validator index 1) is not a vote of";
        QTest::newRow("duplicate index")
            << 1 << "signature #3 (validator index 2) repeats the validator";
        QTest::newRow("out of order")
            << 2
            << "signature #2 (validator index 1) is out of order: signatures must be in strictly "
               "increasing validator index, and it follows index 2";
        QTest::newRow("index outside the set")
            << 3 << "(validator index 4) names a validator outside the set, which has 4";
        QTest::newRow("vote for another height") << 4 << "for chain id 16180, height 1, round 0";
        QTest::newRow("vote for another round") << 5 << "for chain id 16180, height 1, round 0";
        QTest::newRow("vote for another block") << 6 << "for chain id 16180, height 1, round 0";
        QTest::newRow("vote for another chain") << 7 << "for chain id 16180, height 1, round 0";
        QTest::newRow("high S")
            << 8 << "is invalid: the signature is not in canonical low-S form (EIP-2)";
        QTest::newRow("zero r") << 9 << "is invalid: the signature has a zero r or s";
        QTest::newRow("commit for another height")
            << 10 << "it is for height 2, but the header is at height 1";
        QTest::newRow("commit for another block") << 11 << "it is for block 0x2222";
        QTest::newRow("commit round differs from the votes'")
            << 12 << "for chain id 16180, height 1, round 1";
        QTest::newRow("validator set of another block")
            << 13 << "the validator set given hashes to";
        QTest::newRow("signature by a validator at another's index")
            << 14 << "signature #0 (validator index 0) is not a vote of";
    }

    void rejections()
    {
        QFETCH(int, scenario);
        QFETCH(QString, message);
        Network net = fourValidators();
        // Every validator signs, so the power check alone would pass: each failure below comes
        // from the one defect the scenario introduces.
        Commit commit = net.commitBy({ 0, 1, 2, 3 });
        QVERIFY(commit.verify(net.header, net.set).has_value());
        const Hash256 hash = net.header.hash();
        ValidatorSet set = net.set;
        auto& sigs = commit.signatures;
        switch (scenario) {
        case 0:
            sigs[1] = net.voteBy(keyFromByte(0x09), 1, kChainId, 1, 0, hash);
            break;
        case 1:
            sigs.insert(sigs.begin() + 2, sigs[2]);
            break;
        case 2:
            std::swap(sigs[1], sigs[2]);
            break;
        case 3:
            sigs.push_back(net.voteBy(net.key(3), 4, kChainId, 1, 0, hash));
            break;
        case 4:
            sigs[2] = net.voteBy(net.key(2), 2, kChainId, 2, 0, hash);
            break;
        case 5:
            sigs[2] = net.voteBy(net.key(2), 2, kChainId, 1, 1, hash);
            break;
        case 6:
            sigs[2] = net.voteBy(net.key(2), 2, kChainId, 1, 0, filled(0x99));
            break;
        case 7:
            sigs[2] = net.voteBy(net.key(2), 2, kChainId + 1, 1, 0, hash);
            break;
        case 8: {
            // The malleable twin (n - s, other parity) of a valid signature.
            auto& sig = sigs[2].signature;
            const auto s = must(codec::UInt256::fromBigEndian(sig.s));
            sig.s = protocol::secp256k1Order().wrappingSub(s).toBigEndian();
            sig.recoveryId ^= 1;
            break;
        }
        case 9:
            sigs[2].signature.r = {};
            break;
        case 10:
            commit.height = 2;
            break;
        case 11:
            commit.blockHash = filled(0x22);
            break;
        case 12:
            commit.round = 1;
            break;
        case 13:
            set = makeNetwork({ 1, 2, 3, 7 }).set;
            break;
        case 14:
            sigs[0] = net.voteBy(net.key(1), 0, kChainId, 1, 0, hash);
            break;
        default:
            QFAIL("unknown scenario");
        }
        QVERIFY(failsWith(commit.verify(net.header, set), message.toStdString()));
        QCOMPARE(commit.verify(net.header, set).error().kind, ErrorKind::Verification);
    }

    void nonMemberMessageNamesBothAddresses()
    {
        Network net = fourValidators();
        Commit commit = net.commitBy({ 0, 1, 2, 3 });
        const auto outsider = keyFromByte(0x09);
        commit.signatures[1] = net.voteBy(outsider, 1, kChainId, 1, 0, net.header.hash());
        auto result = commit.verify(net.header, net.set);
        QVERIFY(failsWith(result, "it recovers to " + addressOf(outsider).toChecksumString()));
        QVERIFY(failsWith(result, "is not a vote of " + net.set.at(1).address.toChecksumString()));
    }

    void decodeRejects_data()
    {
        QTest::addColumn<Bytes>("encoded");
        QTest::addColumn<QString>("message");
        const Bytes good = hex(kSingleCommit);
        auto fields = listFields(good);
        const Bytes entry = listFields(fields[3])[0];
        auto entryFields = listFields(entry);
        Bytes sig = must(codec::decodeRlp(entryFields[1])).toBytes().value();

        auto withSignature = [&](const Bytes& signatureBytes) {
            auto changed = entryFields;
            changed[1] = bytesItem(signatureBytes);
            return withField(good, 3, listOf({ listOf(changed) }));
        };
        Bytes v27 = sig;
        v27[64] = 27;
        Bytes v2 = sig;
        v2[64] = 2;
        Bytes short64(sig.begin(), sig.end() - 1);
        Bytes trailing = good;
        trailing.push_back(0x80);

        QTest::newRow("v = 27") << withSignature(
            v27) << "field 'signature': the last byte (recovery id) must be 0 or 1, not 27";
        QTest::newRow("v = 2") << withSignature(v2) << "must be 0 or 1, not 2";
        QTest::newRow("64-byte signature") << withSignature(
            short64) << "field 'signature': Expected an RLP byte string of 65 bytes but got 64";
        QTest::newRow("trailing byte") << trailing << "1 bytes follow the item";
        QTest::newRow("3 fields") << listOf({ fields[0], fields[1], fields[2] })
                                  << "expected 4 fields";
        QTest::newRow("signatures not a list")
            << withField(good, 3, Bytes { 0x80 }) << "field 'signatures': Expected an RLP list";
        QTest::newRow("entry with 3 fields") << withField(
            good, 3, listOf({ listOf({ entryFields[0], entryFields[1], Bytes { 0x80 } }) }))
                                             << "Malformed commit signature: expected 2 fields";
        QTest::newRow("index with leading zero")
            << withField(good, 3, listOf({ listOf({ Bytes { 0x00 }, entryFields[1] }) }))
            << "field 'validatorIndex': An RLP integer has a leading zero byte";
        QTest::newRow("height with leading zero")
            << withField(good, 0, hex("0x820001")) << "field 'height'";
        QTest::newRow("round over 64 bits")
            << withField(good, 1, uintItem(codec::UInt256(1) << 64)) << "field 'round'";
        QTest::newRow("block hash of 33 bytes")
            << withField(good, 2, bytesItem(Bytes(33, 1))) << "field 'blockHash'";
    }

    void decodeRejects()
    {
        QFETCH(Bytes, encoded);
        QFETCH(QString, message);
        QVERIFY(failsWith(Commit::decode(encoded), message.toStdString()));
    }
};

QTEST_GUILESS_MAIN(TestCommit)
#include "tst_commit.moc"
