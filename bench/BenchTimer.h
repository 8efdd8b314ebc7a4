#pragma once

#include <chrono>
#include <cstdint>
#include <functional>

namespace ls::bench {

// Runs `batch` (which performs `itemsPerBatch` operations) repeatedly for at least `minSeconds`
// and returns the rate in operations per second.
inline double rateOnce(const std::function<void()>& batch, double itemsPerBatch, double minSeconds)
{
    using Clock = std::chrono::steady_clock;
    std::uint64_t batches = 0;
    auto start = Clock::now();
    double elapsed = 0;
    do {
        batch();
        ++batches;
        elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    } while (elapsed < minSeconds);
    return static_cast<double>(batches) * itemsPerBatch / elapsed;
}

// Best of three rateOnce runs, for figures that have no anchor of their own.
inline double bestRate(const std::function<void()>& batch, double itemsPerBatch, double minSeconds)
{
    double best = 0;
    for (int attempt = 0; attempt < 3; ++attempt) {
        double rate = rateOnce(batch, itemsPerBatch, minSeconds);
        if (rate > best)
            best = rate;
    }
    return best;
}

struct Comparison {
    double ours = 0;
    double anchor = 0;
};

// Measures our code and its anchor alternately (ours, anchor, ours, anchor, …) and keeps the
// best rate of each. Alternating means a busy neighbour on a 2-core machine slows both sides of
// the ratio alike instead of only whichever ran during the disturbance.
inline Comparison compare(const std::function<void()>& ours, const std::function<void()>& anchor,
                          double itemsPerBatch, double minSeconds, int rounds = 5)
{
    Comparison best;
    for (int round = 0; round < rounds; ++round) {
        double a = rateOnce(ours, itemsPerBatch, minSeconds);
        double b = rateOnce(anchor, itemsPerBatch, minSeconds);
        if (a > best.ours)
            best.ours = a;
        if (b > best.anchor)
            best.anchor = b;
    }
    return best;
}

} // namespace ls::bench
