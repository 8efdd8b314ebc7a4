#include "core/node/rpc/RateLimiter.h"

#include <algorithm>
#include <utility>

namespace ls::node::rpc {

namespace {

constexpr qint64 kPruneIntervalMs = 60'000;

} // namespace

RateLimiter::RateLimiter(int ratePerSecond, int burst, RpcClock clock)
    : m_rate(std::max(0, ratePerSecond))
    , m_capacity(static_cast<qint64>(std::max(1, burst)) * 1000)
    , m_clock(clock ? std::move(clock) : steadyRpcClock())
{
    m_lastPruneMs = m_clock();
}

void RateLimiter::refill(Bucket& bucket, qint64 nowMs) const
{
    // A clock that steps backwards (only fakes do) refills nothing rather than going negative.
    qint64 elapsed = std::max<qint64>(0, nowMs - bucket.updatedMs);
    // Beyond the time to fill from empty the bucket is full anyway; capping avoids overflow.
    elapsed = std::min(elapsed, m_capacity / m_rate + 1);
    bucket.milliTokens = std::min(m_capacity, bucket.milliTokens + elapsed * m_rate);
    bucket.updatedMs = std::max(bucket.updatedMs, nowMs);
}

bool RateLimiter::tryAcquire(const QByteArray& key)
{
    if (m_rate == 0)
        return true;
    const qint64 now = m_clock();
    if (now - m_lastPruneMs >= kPruneIntervalMs)
        prune(now);
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket { m_capacity, now });
    else
        refill(*it, now);
    if (it->milliTokens < 1000)
        return false;
    it->milliTokens -= 1000;
    return true;
}

void RateLimiter::prune(qint64 nowMs)
{
    m_lastPruneMs = nowMs;
    // A full bucket is indistinguishable from a new one, so it can go.
    for (auto it = m_buckets.begin(); it != m_buckets.end();) {
        refill(*it, nowMs);
        if (it->milliTokens >= m_capacity)
            it = m_buckets.erase(it);
        else
            ++it;
    }
}

} // namespace ls::node::rpc
