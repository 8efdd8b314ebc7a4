#include "core/node/service/BlockProducer.h"

#include "core/node/chain/Chain.h"

#include <QDateTime>

namespace ls::node {

BlockProducer::BlockProducer(Chain& chain, crypto::PrivateKey validatorKey, int batchDelayMs,
                             QObject* parent)
    : QObject(parent)
    , m_chain(chain)
    , m_key(std::move(validatorKey))
{
    m_batchTimer.setSingleShot(true);
    m_batchTimer.setInterval(batchDelayMs);
    connect(&m_batchTimer, &QTimer::timeout, this, &BlockProducer::produce);
    auto heartbeat = std::min<std::uint64_t>(chain.params().heartbeatMs, 24ULL * 3600 * 1000);
    m_heartbeat.setInterval(static_cast<int>(heartbeat));
    connect(&m_heartbeat, &QTimer::timeout, this, &BlockProducer::produce);
}

void BlockProducer::start()
{
    m_heartbeat.start();
    if (m_chain.hasPending())
        transactionArrived();
}

void BlockProducer::transactionArrived()
{
    if (!m_batchTimer.isActive())
        m_batchTimer.start();
}

void BlockProducer::produce()
{
    m_batchTimer.stop();
    auto now = static_cast<std::uint64_t>(QDateTime::currentMSecsSinceEpoch());
    auto block = m_chain.produceBlock(m_key, now);
    if (!block) {
        Q_EMIT productionFailed(QString::fromStdString(block.error().message));
        return;
    }
    m_heartbeat.start(); // the next heartbeat counts from this block
    if (onBlock)
        onBlock(*block);
    Q_EMIT blockProduced(block->light.header.height);
    // Transactions that did not fit (gas limit, per-block cap) go into the next block right away.
    // Only when this block took some: transactions waiting for a missing nonce must not make the
    // producer spin out empty blocks.
    if (!block->transactions.empty() && m_chain.hasPending())
        m_batchTimer.start();
}

} // namespace ls::node
