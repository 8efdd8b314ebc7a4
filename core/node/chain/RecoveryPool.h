#pragma once

#include "core/node/execution/Admission.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

namespace ls::node {

// Decodes raw transactions and recovers their senders on several cores. Recovery is most of the
// cost of admitting a transaction (one secp256k1 recovery, ~45 µs) and depends on nothing but the
// bytes and the chain id, so a batch's recoveries run side by side while the caller consumes the
// results strictly in order — admission stays sequential and its outcome is exactly that of
// admitting the transactions one at a time.
//
// The helper threads start with the first batch big enough to share (a chain that only ever sees
// single submissions never starts them) and sleep between batches. run() is called from one
// thread at a time (the chain's); the caller's own thread recovers too.
class RecoveryPool {
public:
    using Consumer = std::function<void(std::size_t index, Result<VerifiedTransaction> recovered)>;

    // `helpers` threads besides the caller's: by default one per further hardware thread.
    explicit RecoveryPool(unsigned helpers = defaultHelpers());
    ~RecoveryPool();
    RecoveryPool(const RecoveryPool&) = delete;
    RecoveryPool& operator=(const RecoveryPool&) = delete;

    // Runs decodeAndRecover(raws[i], chainId) for every i and calls consume(i, result) on this
    // thread for i = 0, 1, 2, … in order, each as soon as it and everything before it is ready
    // (consuming overlaps with the helpers' recovery of later items).
    void run(std::span<const ByteView> raws, std::uint64_t chainId, const Consumer& consume);

    static unsigned defaultHelpers();

private:
    struct Job;
    void startHelpers();
    void helperLoop();

    unsigned m_helperCount;
    std::vector<std::thread> m_helpers;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_idle;
    Job* m_job = nullptr; // the batch being recovered, guarded by m_mutex
    std::uint64_t m_generation = 0;
    unsigned m_inside = 0; // helpers currently working on m_job
    bool m_stopping = false;
};

} // namespace ls::node
