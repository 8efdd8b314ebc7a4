// The node's chain on a real SQLite file: genesis, admission, block production, proofs against
// the committed headers, and a restart that resumes where it stopped.
#include "core/node/chain/Chain.h"
#include "ExecutionTestSupport.h"
#include "ProtocolTestSupport.h"
#include "core/node/execution/StateKeys.h"
#include "core/protocol/MerkleList.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ls;
using ls::codec::UInt256;
using ls::node::Chain;

namespace {

crypto::Address addressOfKey(const crypto::PrivateKey& key)
{
    return crypto::Address::fromPublicKey(key.publicKey());
}

constexpr std::uint64_t kChainId = 16300;
const UInt256 kGwei(1'000'000'000);




node::Genesis makeGenesis()
{
    node::Genesis genesis;
    genesis.chainId = kChainId;
    genesis.timeMs = 1'795'000'000'000;
    genesis.validators = {{addressOfKey(testing::keyFromByte(9)), 10}};
    genesis.allocations = {{addressOfKey(testing::keyFromByte(1)), testing::pht(1000)}};
    genesis.params.chainId = kChainId;
    genesis.params.minGasPrice = kGwei;
    genesis.params.blockGasLimit = 30'000'000;
    genesis.params.serviceFeeBps = 250;
    genesis.params.treasury = addressOfKey(testing::keyFromByte(8));
    genesis.params.heartbeatMs = 5000;
    return genesis;
}

Bytes transfer(const crypto::PrivateKey& from, std::uint64_t nonce, const crypto::Address& to,
               const UInt256& value)
{
    protocol::Transaction tx;
    tx.type = protocol::TransactionType::DynamicFee;
    tx.nonce = nonce;
    tx.maxFeePerGas = *kGwei.checkedMul(UInt256(2));
    tx.maxPriorityFeePerGas = kGwei;
    tx.gasLimit = 21'000;
    tx.to = to;
    tx.value = value;
    tx.sign(from, kChainId);
    return tx.encode();
}

} // namespace

class TestChain : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::filesystem::path dataDir() const { return m_dir.path().toStdString(); }

private Q_SLOTS:
    void genesisIsWrittenOnce()
    {
        auto hash = Chain::initialize(dataDir(), makeGenesis());
        QVERIFY2(hash.has_value(), hash ? "" : hash.error().message.c_str());
        auto again = Chain::initialize(dataDir(), makeGenesis());
        QVERIFY(!again);
        QVERIFY(QString::fromStdString(again.error().message).contains(QStringLiteral("already exists")));

        auto chain = Chain::open(dataDir());
        QVERIFY(chain.has_value());
        QCOMPARE((*chain)->height(), 0ULL);
        QCOMPARE((*chain)->genesisHash(), *hash);
        auto funded = (*chain)->account(addressOfKey(testing::keyFromByte(1)));
        QVERIFY(funded.has_value());
        QCOMPARE(funded->balance, testing::pht(1000));
    }

    void transferIsFinalWithProofs()
    {
        auto chain = std::move(*Chain::open(dataDir()));
        auto alice = testing::keyFromByte(1);
        auto bob = addressOfKey(testing::keyFromByte(2));
        auto hash = chain->submit(transfer(alice, 0, bob, testing::pht(5)));
        QVERIFY2(hash.has_value(), hash ? "" : hash.error().message.c_str());
        QVERIFY(chain->hasPending());
        QCOMPARE(chain->nextNonce(addressOfKey(alice)), 1ULL);

        auto block = chain->produceBlock(testing::keyFromByte(9), 1'795'000'001'000);
        QVERIFY2(block.has_value(), block ? "" : block.error().message.c_str());
        QCOMPARE(block->light.header.height, 1ULL);
        QCOMPARE(block->transactions.size(), std::size_t{1});
        QVERIFY(!chain->hasPending());
        QVERIFY(block->light.verify().has_value());
        QCOMPARE(block->light.header.parentHash, chain->genesisHash());

        // Balances: bob got 5 PHT; alice paid 5 PHT + 21000 gas at min(2 gwei, 1 + 1 gwei).
        QCOMPARE(chain->account(bob)->balance, testing::pht(5));
        auto fee = *UInt256(21'000).checkedMul(*kGwei.checkedMul(UInt256(2)));
        QCOMPARE(chain->account(addressOfKey(alice))->balance, *testing::pht(995).checkedSub(fee));
        QCOMPARE(chain->account(addressOfKey(testing::keyFromByte(9)))->balance, fee);

        // The balance proof checks against the committed header's state root.
        auto proof = chain->stateProof(1, node::state::kAccountNamespace, bob.view());
        QVERIFY(proof.has_value());
        auto value = chain->stateValue(1, node::state::kAccountNamespace, bob.view());
        QVERIFY(value.has_value() && value->has_value());
        QVERIFY(proof->verifyInclusion(block->light.header.stateRoot,
                                       protocol::statePath(node::state::kAccountNamespace, bob.view()),
                                       **value)
                    .has_value());
        // At height 0 bob did not exist: a non-inclusion proof against the genesis root.
        auto before = chain->stateProof(0, node::state::kAccountNamespace, bob.view());
        QVERIFY(before->verifyNonInclusion(chain->lightBlock(0)->header.stateRoot,
                                           protocol::statePath(node::state::kAccountNamespace, bob.view()))
                    .has_value());

        // The receipt proof checks against the receipts root.
        auto receiptProof = chain->receiptProof(*hash);
        QVERIFY(receiptProof.has_value());
        QCOMPARE(receiptProof->receipt.status, protocol::Receipt::kSuccess);
        QVERIFY(protocol::MerkleList::verify(block->light.header.receiptsRoot,
                                             receiptProof->receipt.encode(), receiptProof->proof)
                    .has_value());
        auto stored = chain->transaction(*hash);
        QVERIFY(stored.has_value() && stored->has_value());
        QCOMPARE((*stored)->sender, addressOfKey(alice));
    }

    void admissionRefusesWithReasons()
    {
        auto chain = std::move(*Chain::open(dataDir()));
        auto poor = testing::keyFromByte(3);
        auto refused = chain->submit(transfer(poor, 0, addressOfKey(testing::keyFromByte(2)), testing::pht(1)));
        QVERIFY(!refused);
        QVERIFY2(QString::fromStdString(refused.error().message).contains(QStringLiteral("insufficient funds")),
                 refused.error().message.c_str());

        auto replayed = chain->submit(transfer(testing::keyFromByte(1), 0, addressOfKey(testing::keyFromByte(2)), testing::pht(1)));
        QVERIFY(!replayed); // nonce 0 is spent
        QCOMPARE(chain->mempool().size(), std::size_t{0});

        auto garbage = chain->submit(asBytes("not a transaction"));
        QVERIFY(!garbage);
    }

    void restartResumesAtTheLastBlock()
    {
        Hash256 root{};
        {
            auto chain = std::move(*Chain::open(dataDir()));
            QVERIFY(chain->submit(transfer(testing::keyFromByte(1), 1, addressOfKey(testing::keyFromByte(2)), testing::pht(1))).has_value());
            auto block = chain->produceBlock(testing::keyFromByte(9), 1'795'000'002'000);
            QVERIFY(block.has_value());
            root = block->light.header.stateRoot;
            // A pending transaction that is never put in a block is not part of the chain.
            QVERIFY(chain->submit(transfer(testing::keyFromByte(1), 2, addressOfKey(testing::keyFromByte(2)), testing::pht(1))).has_value());
        }
        auto reopened = std::move(*Chain::open(dataDir()));
        QCOMPARE(reopened->height(), 2ULL);
        QCOMPARE(reopened->latest().header.stateRoot, root);
        QCOMPARE(reopened->account(addressOfKey(testing::keyFromByte(2)))->balance, testing::pht(6));
        QCOMPARE(reopened->mempool().size(), std::size_t{0});
    }

    void onlyTheValidatorProduces()
    {
        auto chain = std::move(*Chain::open(dataDir()));
        auto refused = chain->produceBlock(testing::keyFromByte(4), 1'795'000'003'000);
        QVERIFY(!refused);
        QVERIFY(QString::fromStdString(refused.error().message).contains(QStringLiteral("not a validator")));
    }
};

QTEST_GUILESS_MAIN(TestChain)
#include "tst_chain.moc"
