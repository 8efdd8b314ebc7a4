#pragma once

#include <QtGlobal>

#include <chrono>
#include <functional>

namespace ls::node::rpc {

// Milliseconds on a monotonic clock. Injected into the rate limiter so tests advance time by
// hand instead of sleeping.
using RpcClock = std::function<qint64()>;

inline RpcClock steadyRpcClock()
{
    return [] {
        return static_cast<qint64>(std::chrono::duration_cast<std::chrono::milliseconds>(
            std::chrono::steady_clock::now().time_since_epoch())
                                       .count());
    };
}

} // namespace ls::node::rpc
