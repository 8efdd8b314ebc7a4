#include "core/node/chain/RecoveryPool.h"

#include <algorithm>
#include <atomic>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <system_error>

namespace ls::node {
namespace {

// Enough chunks per thread that a slow thread (a busy neighbour on the core) does not hold the
// others up at the end, few enough that claiming one stays negligible next to its recoveries.
constexpr std::size_t kChunksPerThread = 8;
constexpr std::size_t kMaxChunkSize = 32;
constexpr unsigned kMaxHelpers = 7;

Result<VerifiedTransaction> recoverOne(ByteView raw, std::uint64_t chainId)
{
    // Helper threads must not let an exception escape (that would end the process); the only
    // one possible here is running out of memory, reported for that transaction alone.
    try {
        return decodeAndRecover(raw, chainId);
    } catch (const std::exception& error) {
        return fail(
            ErrorKind::Internal, std::string("Cannot check the transaction now: ") + error.what());
    }
}

} // namespace

struct RecoveryPool::Job {
    Job(std::span<const ByteView> items, std::uint64_t id, std::size_t threads)
        : raws(items)
        , chainId(id)
        , chunkSize(std::clamp<std::size_t>(
              items.size() / (threads * kChunksPerThread), 1, kMaxChunkSize))
        , chunkCount((items.size() + chunkSize - 1) / chunkSize)
        , results(items.size())
        , done(std::make_unique<std::atomic<bool>[]>(chunkCount))
    {
    }

    std::span<const ByteView> raws;
    std::uint64_t chainId;
    std::size_t chunkSize;
    std::size_t chunkCount;
    std::vector<std::optional<Result<VerifiedTransaction>>> results;
    std::unique_ptr<std::atomic<bool>[]> done; // per chunk: its results are written
    std::atomic<std::size_t> nextChunk { 0 };

    std::size_t chunkBegin(std::size_t chunk) const { return chunk * chunkSize; }
    std::size_t chunkEnd(std::size_t chunk) const
    {
        return std::min(chunkBegin(chunk) + chunkSize, raws.size());
    }

    // Claims the next unclaimed chunk and recovers it; false when every chunk is claimed.
    bool recoverNextChunk()
    {
        std::size_t chunk = nextChunk.fetch_add(1, std::memory_order_relaxed);
        if (chunk >= chunkCount)
            return false;
        for (std::size_t i = chunkBegin(chunk); i < chunkEnd(chunk); ++i)
            results[i] = recoverOne(raws[i], chainId);
        done[chunk].store(true, std::memory_order_release);
        done[chunk].notify_one();
        return true;
    }
};

RecoveryPool::RecoveryPool(unsigned helpers)
    : m_helperCount(std::min(helpers, kMaxHelpers))
{
}

RecoveryPool::~RecoveryPool()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    for (auto& helper : m_helpers)
        helper.join();
}

unsigned RecoveryPool::defaultHelpers()
{
    unsigned threads = std::thread::hardware_concurrency(); // 0 when unknown
    return threads > 1 ? threads - 1 : 0;
}

void RecoveryPool::startHelpers()
{
    while (m_helpers.size() < m_helperCount) {
        try {
            m_helpers.emplace_back([this] { helperLoop(); });
        } catch (const std::system_error&) {
            // No more threads to be had: work with the ones there are (possibly none).
            m_helperCount = static_cast<unsigned>(m_helpers.size());
        }
    }
}

void RecoveryPool::helperLoop()
{
    std::uint64_t seen = 0;
    for (;;) {
        Job* job = nullptr;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(
                lock, [&] { return m_stopping || (m_job != nullptr && m_generation != seen); });
            if (m_stopping)
                return;
            seen = m_generation;
            job = m_job;
            ++m_inside;
        }
        while (job->recoverNextChunk()) { }
        {
            std::lock_guard lock(m_mutex);
            --m_inside;
        }
        m_idle.notify_all();
    }
}

void RecoveryPool::run(
    std::span<const ByteView> raws, std::uint64_t chainId, const Consumer& consume)
{
    if (raws.size() > 1)
        startHelpers();
    if (raws.size() <= 1 || m_helperCount == 0) {
        for (std::size_t i = 0; i < raws.size(); ++i)
            consume(i, recoverOne(raws[i], chainId));
        return;
    }

    Job job(raws, chainId, m_helperCount + 1);
    {
        std::lock_guard lock(m_mutex);
        m_job = &job;
        ++m_generation;
    }
    m_wake.notify_all();
    // However this function is left (consume may throw), the helpers are done with the job
    // before it goes out of scope: no chunk is left to claim, and the ones inside have left.
    struct Detach {
        RecoveryPool& pool;
        Job& job;
        ~Detach()
        {
            job.nextChunk.store(job.chunkCount, std::memory_order_relaxed);
            std::unique_lock lock(pool.m_mutex);
            pool.m_job = nullptr;
            pool.m_idle.wait(lock, [&] { return pool.m_inside == 0; });
        }
    } detach { *this, job };

    for (std::size_t chunk = 0; chunk < job.chunkCount; ++chunk) {
        // Until this chunk is ready, recover later ones here rather than wait.
        while (!job.done[chunk].load(std::memory_order_acquire)) {
            if (!job.recoverNextChunk())
                job.done[chunk].wait(false, std::memory_order_acquire);
        }
        for (std::size_t i = job.chunkBegin(chunk); i < job.chunkEnd(chunk); ++i)
            consume(i, std::move(*job.results[i]));
    }
}

} // namespace ls::node
