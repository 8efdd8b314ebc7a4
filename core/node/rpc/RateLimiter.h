#pragma once

#include "core/node/rpc/RpcClock.h"

#include <QByteArray>
#include <QHash>

namespace ls::node::rpc {

// Token buckets per client key: each client may make `ratePerSecond` requests per second on
// average and `burst` at once. Integer milli-tokens keep it exact. A rate of 0 admits
// everything. Buckets of clients that have gone quiet are dropped now and then, so memory
// follows the number of active clients.
class RateLimiter {
public:
    RateLimiter(int ratePerSecond, int burst, RpcClock clock);

    // Takes one token from `key`'s bucket; false when it is empty.
    bool tryAcquire(const QByteArray& key);
    qsizetype trackedClients() const { return m_buckets.size(); }

private:
    struct Bucket {
        qint64 milliTokens = 0;
        qint64 updatedMs = 0;
    };

    void refill(Bucket& bucket, qint64 nowMs) const;
    void prune(qint64 nowMs);

    qint64 m_rate; // tokens per second == milli-tokens per millisecond
    qint64 m_capacity; // milli-tokens
    RpcClock m_clock;
    QHash<QByteArray, Bucket> m_buckets;
    qint64 m_lastPruneMs = 0;
};

} // namespace ls::node::rpc
