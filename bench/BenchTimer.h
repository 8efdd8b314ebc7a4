#pragma once

#include <chrono>
#include <cstdint>
#include <functional>

namespace ls::bench {

// Runs `batch` (which performs `itemsPerBatch` operations) repeatedly for at least `minSeconds`,
// three times, and returns the best rate in operations per second. Best-of-three keeps a noisy
// neighbour on a 2-core machine from dragging one figure down while its anchor ran undisturbed.
inline double bestRate(const std::function<void()>& batch, double itemsPerBatch, double minSeconds)
{
    using Clock = std::chrono::steady_clock;
    double best = 0;
    for (int attempt = 0; attempt < 3; ++attempt) {
        std::uint64_t batches = 0;
        auto start = Clock::now();
        double elapsed = 0;
        do {
            batch();
            ++batches;
            elapsed = std::chrono::duration<double>(Clock::now() - start).count();
        } while (elapsed < minSeconds);
        double rate = static_cast<double>(batches) * itemsPerBatch / elapsed;
        if (rate > best)
            best = rate;
    }
    return best;
}

} // namespace ls::bench
