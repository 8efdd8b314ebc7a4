// RecoveryPool: sender recovery on several threads with results handed over strictly in order,
// identical to decodeAndRecover one at a time, and still usable after a consumer gave up halfway.
#include "core/node/chain/RecoveryPool.h"

#include <QTest>

#include "ProtocolTestSupport.h"
#include <stdexcept>

using namespace ls;
using ls::node::RecoveryPool;

namespace {

constexpr std::uint64_t kChainId = 16300;

// Mostly valid transfers from several keys, with garbage, a wrong chain id and a bad signature
// mixed in.
std::vector<Bytes> makeRaws(std::size_t count)
{
    std::vector<Bytes> raws;
    for (std::size_t i = 0; i < count; ++i) {
        if (i % 13 == 7) {
            raws.push_back(Bytes { 0xc0, static_cast<std::uint8_t>(i) });
            continue;
        }
        protocol::Transaction tx;
        tx.type = protocol::TransactionType::DynamicFee;
        tx.nonce = i;
        tx.maxFeePerGas = codec::UInt256(2'000'000'000);
        tx.gasLimit = 21'000;
        tx.value = codec::UInt256(i);
        tx.sign(testing::keyFromByte(static_cast<std::uint8_t>(1 + i % 5)),
            i % 17 == 3 ? kChainId + 1 : kChainId);
        if (i % 19 == 11)
            tx.signature.r[31] ^= 1; // recovers some other key, or none
        raws.push_back(tx.encode());
    }
    return raws;
}

struct Seen {
    std::size_t index;
    Result<node::VerifiedTransaction> result;
};

void compareWithSequential(const std::vector<Bytes>& raws, const std::vector<Seen>& seen)
{
    QCOMPARE(seen.size(), raws.size());
    for (std::size_t i = 0; i < raws.size(); ++i) {
        QCOMPARE(seen[i].index, i);
        auto expected = node::decodeAndRecover(raws[i], kChainId);
        QCOMPARE(seen[i].result.has_value(), expected.has_value());
        if (expected) {
            QCOMPARE(seen[i].result->sender, expected->sender);
            QCOMPARE(seen[i].result->tx.hash(), expected->tx.hash());
        } else {
            QCOMPARE(seen[i].result.error().message, expected.error().message);
        }
    }
}

std::vector<Seen> runAll(RecoveryPool& pool, const std::vector<Bytes>& raws)
{
    std::vector<ByteView> views(raws.begin(), raws.end());
    std::vector<Seen> seen;
    pool.run(views, kChainId, [&](std::size_t index, Result<node::VerifiedTransaction> result) {
        seen.push_back({ index, std::move(result) });
    });
    return seen;
}

} // namespace

class TestRecoveryPool : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void resultsArriveInOrderAndMatchOneAtATime_data()
    {
        QTest::addColumn<unsigned>("helpers");
        QTest::addColumn<int>("count");
        QTest::newRow("no helper threads") << 0U << 60;
        QTest::newRow("one helper, two items") << 1U << 2;
        QTest::newRow("three helpers, many chunks") << 3U << 400;
    }

    void resultsArriveInOrderAndMatchOneAtATime()
    {
        QFETCH(unsigned, helpers);
        QFETCH(int, count);
        auto raws = makeRaws(static_cast<std::size_t>(count));
        RecoveryPool pool(helpers);
        compareWithSequential(raws, runAll(pool, raws));
    }

    void manySmallBatchesInARow()
    {
        RecoveryPool pool(2);
        auto raws = makeRaws(40);
        for (std::size_t size = 0; size <= raws.size(); size += 3) {
            std::vector<Bytes> slice(
                raws.begin(), raws.begin() + static_cast<std::ptrdiff_t>(size));
            compareWithSequential(slice, runAll(pool, slice));
        }
    }

    void aConsumerThatThrowsLeavesThePoolUsable()
    {
        RecoveryPool pool(2);
        auto raws = makeRaws(300);
        std::vector<ByteView> views(raws.begin(), raws.end());
        std::size_t consumed = 0;
        bool thrown = false;
        try {
            pool.run(views, kChainId, [&](std::size_t index, Result<node::VerifiedTransaction>) {
                if (index == 10)
                    throw std::runtime_error("consumer gave up");
                ++consumed;
            });
        } catch (const std::runtime_error&) {
            thrown = true;
        }
        QVERIFY(thrown);
        QCOMPARE(consumed, std::size_t { 10 });
        // The helpers left the abandoned batch behind and take the next one whole.
        compareWithSequential(raws, runAll(pool, raws));
    }
};

QTEST_GUILESS_MAIN(TestRecoveryPool)
#include "tst_recovery_pool.moc"
