#pragma once

#include "core/crypto/Secp256k1.h"

#include <QObject>
#include <QTimer>

#include <functional>

namespace ls::node {

class Chain;
struct StoredBlock;

// The single validator's proposer loop (consensus, first step — DESIGN.md §3): a block shortly
// after transactions arrive (a short batching delay lets a burst share one block), and an empty
// heartbeat block when nothing happened for `heartbeatMs`, so light clients always see a recent
// commit. Runs on the chain's thread.
class BlockProducer : public QObject {
    Q_OBJECT

public:
    BlockProducer(Chain& chain, crypto::PrivateKey validatorKey, int batchDelayMs,
                  QObject* parent = nullptr);

    void start();
    // A transaction entered the mempool: make sure a block follows soon.
    void transactionArrived();

Q_SIGNALS:
    void blockProduced(std::uint64_t height);
    void productionFailed(const QString& message);

public:
    // Called after every produced block (e.g. to publish newHeads): on the chain's thread.
    std::function<void(const StoredBlock&)> onBlock;

private:
    void produce();

    Chain& m_chain;
    crypto::PrivateKey m_key;
    QTimer m_batchTimer;
    QTimer m_heartbeat;
};

} // namespace ls::node
