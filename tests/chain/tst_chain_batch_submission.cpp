// Chain::submitBatch, the path a JSON-RPC batch of eth_sendRawTransaction takes: senders are
// recovered on several threads, yet every result, the mempool and the next block must be exactly
// what submitting the same bytes one at a time gives — on two real chains from one genesis.
#include "core/node/chain/Chain.h"

#include <QTemporaryDir>
#include <QTest>

#include "ExecutionTestSupport.h"
#include "ProtocolTestSupport.h"

using namespace ls;
using ls::codec::UInt256;
using ls::node::Chain;

namespace {

constexpr std::uint64_t kChainId = 16300;
constexpr std::uint64_t kStartMs = 1'795'000'000'000;
constexpr std::uint8_t kFundedKeys = 8;
const UInt256 kGwei(1'000'000'000);

crypto::Address addressOfKey(const crypto::PrivateKey& key)
{
    return crypto::Address::fromPublicKey(key.publicKey());
}

node::Genesis makeGenesis()
{
    node::Genesis genesis;
    genesis.chainId = kChainId;
    genesis.timeMs = kStartMs;
    genesis.validators = { { addressOfKey(testing::keyFromByte(99)), 10 } };
    for (std::uint8_t k = 1; k <= kFundedKeys; ++k)
        genesis.allocations.push_back({ addressOfKey(testing::keyFromByte(k)), testing::pht(10) });
    genesis.params.chainId = kChainId;
    genesis.params.minGasPrice = kGwei;
    genesis.params.blockGasLimit = 30'000'000;
    genesis.params.serviceFeeBps = 250;
    genesis.params.treasury = addressOfKey(testing::keyFromByte(98));
    genesis.params.heartbeatMs = 5000;
    return genesis;
}

Bytes transfer(std::uint8_t from, std::uint64_t nonce, std::uint64_t weiValue,
    std::uint64_t feeGwei = 2, std::uint64_t chainId = kChainId)
{
    protocol::Transaction tx;
    tx.type = protocol::TransactionType::DynamicFee;
    tx.nonce = nonce;
    tx.maxFeePerGas = *kGwei.checkedMul(UInt256(feeGwei));
    tx.maxPriorityFeePerGas = *kGwei.checkedMul(UInt256(feeGwei - 1));
    tx.gasLimit = 21'000;
    tx.to = addressOfKey(testing::keyFromByte(50));
    tx.value = UInt256(weiValue);
    tx.sign(testing::keyFromByte(from), chainId);
    return tx.encode();
}

// Valid transfers from every funded key (several nonces each, some out of order), and every
// kind of refusal admission has, at positions spread over the batch.
std::vector<Bytes> mixedSubmissions()
{
    std::vector<Bytes> raws;
    for (std::uint64_t nonce = 0; nonce < 5; ++nonce)
        for (std::uint8_t k = 1; k <= kFundedKeys; ++k)
            raws.push_back(transfer(k, k == 3 ? 4 - nonce : nonce, 1000 + nonce));
    raws.insert(raws.begin() + 5, raws[2]); // already known
    auto garbage = asBytes("not a transaction");
    raws.insert(raws.begin() + 11, Bytes(garbage.begin(), garbage.end()));
    raws.insert(raws.begin() + 17, transfer(1, 9, 1, 2, kChainId + 1)); // another chain
    raws.insert(raws.begin() + 23, transfer(60, 0, 1)); // a key with no funds
    raws.insert(raws.begin() + 29, transfer(2, 500, 1)); // nonce far ahead
    raws.push_back(transfer(4, 2, 7, 3)); // replaces (4, nonce 2) with a higher fee
    raws.push_back(transfer(5, 2, 7, 2)); // same fee: underpriced replacement
    raws.push_back(transfer(6, 5, 1)); // the next nonce after the batch's own
    raws.push_back(transfer(7, 40, 1)); // waits for a gap
    return raws;
}

} // namespace

class TestChainBatchSubmission : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::unique_ptr<Chain> freshChain(const QString& name)
    {
        auto dir = std::filesystem::path(m_dir.filePath(name).toStdString());
        auto created = Chain::initialize(dir, makeGenesis());
        if (!created)
            qFatal("genesis: %s", created.error().message.c_str());
        auto chain = Chain::open(dir);
        if (!chain)
            qFatal("open: %s", chain.error().message.c_str());
        return std::move(*chain);
    }

private Q_SLOTS:
    void batchGivesTheSameResultsMempoolAndBlockAsOneByOne()
    {
        auto raws = mixedSubmissions();
        auto oneByOne = freshChain(QStringLiteral("sequential"));
        auto batched = freshChain(QStringLiteral("batched"));

        std::vector<Result<Hash256>> expected;
        for (const auto& raw : raws)
            expected.push_back(oneByOne->submit(raw));
        std::vector<ByteView> views(raws.begin(), raws.end());
        auto results = batched->submitBatch(views);

        QCOMPARE(results.size(), expected.size());
        std::size_t accepted = 0;
        for (std::size_t i = 0; i < raws.size(); ++i) {
            QVERIFY2(
                results[i].has_value() == expected[i].has_value(), qPrintable(QString::number(i)));
            if (expected[i]) {
                QCOMPARE(*results[i], *expected[i]);
                ++accepted;
            } else {
                QCOMPARE(results[i].error().kind, expected[i].error().kind);
                QCOMPARE(results[i].error().message, expected[i].error().message);
            }
        }
        // The mix really exercises both sides: most are admitted, every refusal kind is present.
        QCOMPARE(accepted, std::size_t { 43 });
        QCOMPARE(raws.size() - accepted, std::size_t { 6 });
        QCOMPARE(batched->mempool().size(), oneByOne->mempool().size());
        QCOMPARE(batched->nextNonce(addressOfKey(testing::keyFromByte(3))), 5ULL);

        auto blockA = oneByOne->produceBlock(testing::keyFromByte(99), kStartMs + 1000);
        auto blockB = batched->produceBlock(testing::keyFromByte(99), kStartMs + 1000);
        QVERIFY2(blockA && blockB, "block production failed");
        QCOMPARE(blockB->hash, blockA->hash);
        QCOMPARE(blockB->light.header.stateRoot, blockA->light.header.stateRoot);
        QCOMPARE(blockB->transactions.size(), std::size_t { 41 }); // 40 + nonce 5 of key 6
        auto receiptsA = *oneByOne->receipts(1);
        auto receiptsB = *batched->receipts(1);
        QCOMPARE(receiptsB.size(), receiptsA.size());
        for (std::size_t i = 0; i < receiptsA.size(); ++i)
            QCOMPARE(receiptsB[i].encode(), receiptsA[i].encode());
        // The replacement (fourth from the end) is in the block, the transaction it replaced is
        // not.
        auto replacement = batched->transaction(*results[raws.size() - 4]);
        QVERIFY(replacement && replacement->has_value());
        QCOMPARE((*replacement)->height, 1ULL);
        auto replaced
            = batched->transaction(protocol::Transaction::decode(transfer(4, 2, 1002))->hash());
        QVERIFY(replaced && !replaced->has_value());
        QCOMPARE(batched->mempool().size(), std::size_t { 1 }); // key 7's gapped nonce still waits
    }

    void batchSeesItsOwnEarlierTransactions()
    {
        // Inside one batch the second copy is a duplicate and nonce 1 follows nonce 0, exactly as
        // if they had arrived one after the other.
        auto chain = freshChain(QStringLiteral("own"));
        auto first = transfer(1, 0, 1);
        auto second = transfer(1, 1, 1);
        std::vector<ByteView> batch { first, first, second };
        auto results = chain->submitBatch(batch);
        QCOMPARE(results.size(), std::size_t { 3 });
        QVERIFY(results[0].has_value());
        QVERIFY(!results[1].has_value());
        QVERIFY2(QString::fromStdString(results[1].error().message)
                     .contains(QStringLiteral("already known")),
            results[1].error().message.c_str());
        QVERIFY(results[2].has_value());
        QCOMPARE(chain->nextNonce(addressOfKey(testing::keyFromByte(1))), 2ULL);
        QVERIFY(chain->submitBatch({}).empty());
    }
};

QTEST_GUILESS_MAIN(TestChainBatchSubmission)
#include "tst_chain_batch_submission.moc"
