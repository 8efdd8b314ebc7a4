// The mempool with real signed transactions: ordering, replacement, limits and the reasons a
// wallet shows when a transaction is refused.
#include "core/node/mempool/Mempool.h"
#include "ProtocolTestSupport.h"

#include <QTest>

using namespace ls;
using ls::codec::UInt256;
using ls::node::Mempool;
using ls::node::MempoolLimits;
using ls::node::PendingTransaction;

namespace {

crypto::Address addressOfKey(const crypto::PrivateKey& key)
{
    return crypto::Address::fromPublicKey(key.publicKey());
}

constexpr std::uint64_t kChainId = 16300;
const UInt256 kMinGasPrice(1'000'000'000);


PendingTransaction signedTransfer(const crypto::PrivateKey& key, std::uint64_t nonce,
                                  std::uint64_t gwei, std::uint64_t gasLimit = 21'000)
{
    protocol::Transaction tx;
    tx.type = protocol::TransactionType::Legacy;
    tx.nonce = nonce;
    tx.gasPrice = UInt256(gwei * 1'000'000'000ULL);
    tx.gasLimit = gasLimit;
    tx.to = crypto::Address::fromPublicKey(testing::keyFromByte(200).publicKey());
    tx.value = UInt256(1);
    tx.sign(key, kChainId);
    auto sender = tx.recoverSender(kChainId);
    return PendingTransaction::make(tx, *sender, kMinGasPrice);
}


} // namespace

class TestMempool : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void selectsConsecutiveNoncesPerAccountAndHighestTipFirst()
    {
        Mempool pool;
        auto alice = testing::keyFromByte(1);
        auto bob = testing::keyFromByte(2);
        QVERIFY(pool.add(signedTransfer(alice, 1, 5), 0).has_value()); // waits for nonce 0
        QVERIFY(pool.add(signedTransfer(alice, 0, 2), 0).has_value());
        QVERIFY(pool.add(signedTransfer(bob, 0, 3), 0).has_value());

        auto chosen = pool.selectForBlock([](const crypto::Address&) { return 0ULL; }, 1'000'000, 10);
        QCOMPARE(chosen.size(), std::size_t{3});
        // bob's tip (3 gwei - 1) beats alice's first (2 gwei - 1); alice's nonce 1 only after 0.
        QCOMPARE(chosen[0].sender, addressOfKey(bob));
        QCOMPARE(chosen[1].sender, addressOfKey(alice));
        QCOMPARE(chosen[1].transaction.nonce, 0ULL);
        QCOMPARE(chosen[2].transaction.nonce, 1ULL);
    }

    void gapHoldsLaterNoncesBack()
    {
        Mempool pool;
        auto alice = testing::keyFromByte(1);
        QVERIFY(pool.add(signedTransfer(alice, 2, 9), 0).has_value());
        auto chosen = pool.selectForBlock([](const crypto::Address&) { return 0ULL; }, 1'000'000, 10);
        QVERIFY(chosen.empty());
        QCOMPARE(pool.nextNonce(addressOfKey(alice), 0), 0ULL);
        QVERIFY(pool.add(signedTransfer(alice, 0, 1), 0).has_value());
        QCOMPARE(pool.nextNonce(addressOfKey(alice), 0), 1ULL);
    }

    void respectsTheGasBudget()
    {
        Mempool pool;
        QVERIFY(pool.add(signedTransfer(testing::keyFromByte(1), 0, 2, 50'000), 0).has_value());
        QVERIFY(pool.add(signedTransfer(testing::keyFromByte(2), 0, 3, 30'000), 0).has_value());
        auto chosen = pool.selectForBlock([](const crypto::Address&) { return 0ULL; }, 60'000, 10);
        QCOMPARE(chosen.size(), std::size_t{1});
        QCOMPARE(chosen[0].transaction.gasLimit, 30'000ULL);
    }

    void refusalsSayWhy()
    {
        MempoolLimits limits;
        limits.maxPerAccount = 2;
        limits.maxNonceGap = 4;
        Mempool pool(limits);
        auto alice = testing::keyFromByte(1);

        auto low = pool.add(signedTransfer(alice, 2, 2), 3);
        QVERIFY(!low);
        QCOMPARE(QString::fromStdString(low.error().message),
                 QStringLiteral("nonce too low: the account's next nonce is 3"));

        auto far = pool.add(signedTransfer(alice, 7, 2), 3);
        QVERIFY(!far);
        QVERIFY(QString::fromStdString(far.error().message).startsWith(QStringLiteral("nonce too far ahead")));

        auto first = signedTransfer(alice, 3, 2);
        QVERIFY(pool.add(first, 3).has_value());
        auto again = pool.add(first, 3);
        QVERIFY(!again);
        QVERIFY(QString::fromStdString(again.error().message).startsWith(QStringLiteral("already known")));

        QVERIFY(pool.add(signedTransfer(alice, 4, 2), 3).has_value());
        auto third = pool.add(signedTransfer(alice, 5, 2), 3);
        QVERIFY(!third);
        QVERIFY(QString::fromStdString(third.error().message).startsWith(QStringLiteral("too many pending")));
    }

    void replacementNeedsATenPercentBump()
    {
        Mempool pool;
        auto alice = testing::keyFromByte(1);
        auto original = signedTransfer(alice, 0, 10);
        QVERIFY(pool.add(original, 0).has_value());

        // Same price, different gas limit (so a different transaction): not raised.
        auto cheap = pool.add(signedTransfer(alice, 0, 10, 22'000), 0);
        QVERIFY(!cheap);
        QVERIFY(QString::fromStdString(cheap.error().message).startsWith(QStringLiteral("replacement transaction underpriced")));
        QVERIFY(pool.find(original.hash).has_value());

        auto better = signedTransfer(alice, 0, 11); // exactly +10%
        QVERIFY(pool.add(better, 0).has_value());
        QVERIFY(!pool.find(original.hash).has_value());
        QVERIFY(pool.find(better.hash).has_value());
        QCOMPARE(pool.size(), std::size_t{1});
    }

    void fullPoolEvictsTheCheapestOnlyForABetterPayer()
    {
        MempoolLimits limits;
        limits.maxTransactions = 2;
        Mempool pool(limits);
        auto cheap = signedTransfer(testing::keyFromByte(1), 0, 2);
        QVERIFY(pool.add(cheap, 0).has_value());
        QVERIFY(pool.add(signedTransfer(testing::keyFromByte(2), 0, 5), 0).has_value());

        auto poorer = pool.add(signedTransfer(testing::keyFromByte(3), 0, 2), 0);
        QVERIFY(!poorer);
        QVERIFY(QString::fromStdString(poorer.error().message).contains(QStringLiteral("pool is full")));

        QVERIFY(pool.add(signedTransfer(testing::keyFromByte(3), 0, 9), 0).has_value());
        QCOMPARE(pool.size(), std::size_t{2});
        QVERIFY(!pool.find(cheap.hash).has_value());
    }

    void confirmedAndInvalidatedTransactionsLeave()
    {
        Mempool pool;
        auto alice = testing::keyFromByte(1);
        auto t0 = signedTransfer(alice, 0, 2);
        auto t1 = signedTransfer(alice, 1, 2);
        auto t2 = signedTransfer(alice, 2, 2);
        for (const auto& t : {t0, t1, t2})
            QVERIFY(pool.add(t, 0).has_value());
        pool.removeConfirmed(addressOfKey(alice), 1);
        QVERIFY(!pool.find(t0.hash));
        QVERIFY(pool.find(t1.hash));
        pool.removeWithSuccessors(t1.hash);
        QCOMPARE(pool.size(), std::size_t{0});
        QCOMPARE(pool.bytes(), std::size_t{0});
    }
};

QTEST_GUILESS_MAIN(TestMempool)
#include "tst_mempool.moc"
