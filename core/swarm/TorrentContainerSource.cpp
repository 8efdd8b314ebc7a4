#include "core/swarm/TorrentContainerSource.h"

#include <QThread>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <fcntl.h>
#include <mutex>
#include <unistd.h>

namespace ls::swarm {
namespace {

using Clock = std::chrono::steady_clock;

// Sleeps for `interval` or until a stop is requested; false when stopped.
bool sleepUnlessStopped(std::chrono::milliseconds interval, const std::stop_token& stop)
{
    std::mutex mutex;
    std::condition_variable_any woken;
    std::unique_lock lock(mutex);
    woken.wait_for(lock, stop, interval, [] { return false; });
    return !stop.stop_requested();
}

std::string seconds(std::chrono::milliseconds duration)
{
    const auto tenths = duration.count() / 100;
    return std::to_string(tenths / 10) + (tenths % 10 ? "." + std::to_string(tenths % 10) : "");
}

} // namespace

TorrentContainerSource::TorrentContainerSource(
    Swarm& swarm, const Hash256& infohash, Options options)
    : m_swarm(swarm)
    , m_infohash(infohash)
    , m_options(std::move(options))
{
}

TorrentContainerSource::~TorrentContainerSource()
{
    if (m_file >= 0)
        ::close(m_file);
}

bool TorrentContainerSource::onOwnerThread() const
{
    return QThread::currentThread() == m_swarm.thread();
}

Result<std::unique_ptr<TorrentContainerSource>> TorrentContainerSource::open(
    Swarm& swarm, const Hash256& infohash, Options options)
{
    std::unique_ptr<TorrentContainerSource> source(
        new TorrentContainerSource(swarm, infohash, std::move(options)));
    const auto deadline = Clock::now() + source->m_options.timeout;
    for (;;) {
        const auto status = swarm.status(infohash);
        if (!status)
            return fail(ErrorKind::NotFound, "This title is not in the swarm: add it first.");
        if (status->state == TorrentStatus::State::Failed)
            return fail(ErrorKind::Io, "The title's download failed: " + status->error);
        auto path = swarm.filePath(infohash);
        auto fileSize = swarm.fileSize(infohash);
        auto pieceSize = swarm.pieceSize(infohash);
        if (path && fileSize && pieceSize && *pieceSize > 0) {
            source->m_path = std::move(*path);
            source->m_fileSize = *fileSize;
            source->m_pieceSize = *pieceSize;
            source->m_pieceCount
                = static_cast<std::uint32_t>((*fileSize + *pieceSize - 1) / *pieceSize);
            source->m_have.assign(source->m_pieceCount, false);
            source->m_asked.assign(source->m_pieceCount, false);
            return source;
        }
        if (source->onOwnerThread())
            return fail(ErrorKind::Internal,
                "A stream cannot wait for a torrent's metadata on the swarm's own thread; open "
                "it on a reader thread.");
        if (Clock::now() >= deadline)
            return fail(ErrorKind::NotFound,
                "The title's torrent information did not arrive within "
                    + seconds(source->m_options.timeout)
                    + " s: no peer that has the title could be reached.");
        if (!sleepUnlessStopped(source->m_options.pollInterval, source->m_options.stop))
            return fail(ErrorKind::NotFound, "Reading the title was cancelled.");
    }
}

Result<void> TorrentContainerSource::readAt(std::uint64_t offset, std::span<std::uint8_t> out)
{
    if (out.empty())
        return {};
    if (offset > m_fileSize || out.size() > m_fileSize - offset)
        return fail(ErrorKind::Internal, "read past the end of a torrent's container");
    const auto first = static_cast<std::uint32_t>(offset / m_pieceSize);
    const auto last = static_cast<std::uint32_t>((offset + out.size() - 1) / m_pieceSize);
    prioritize(first, last, false);
    if (auto arrived = waitForPieces(first, last); !arrived)
        return arrived;
    return readFile(offset, out);
}

void TorrentContainerSource::prioritize(std::uint32_t first, std::uint32_t last, bool restart)
{
    // A jump outside the window asked for so far: what was asked before is no longer wanted
    // first, and requests already queued for it should not delay the new position.
    bool jumped = restart;
    for (std::uint32_t piece = first; piece <= last && !jumped; ++piece)
        jumped = !m_have[piece] && !m_asked[piece];
    if (jumped) {
        m_swarm.clearPriorities(m_infohash);
        std::fill(m_asked.begin(), m_asked.end(), false);
    }
    const std::uint32_t windowEnd = static_cast<std::uint32_t>(std::min<std::uint64_t>(
        std::uint64_t { last } + m_options.readAheadPieces, m_pieceCount - 1));
    for (std::uint32_t piece = first; piece <= windowEnd; ++piece) {
        if (m_have[piece] || m_asked[piece])
            continue;
        // Needed now: all at once, in one call per run of pieces.
        if (piece <= last) {
            std::uint32_t runEnd = piece;
            while (runEnd < last && !m_have[runEnd + 1] && !m_asked[runEnd + 1])
                ++runEnd;
            m_swarm.prioritize(m_infohash, piece, runEnd, m_options.urgentDeadlineMs);
            std::fill(m_asked.begin() + piece, m_asked.begin() + runEnd + 1, true);
            piece = runEnd;
            continue;
        }
        const int step = static_cast<int>(piece - last);
        m_swarm.prioritize(m_infohash, piece, piece,
            m_options.urgentDeadlineMs + step * m_options.readAheadStepMs);
        m_asked[piece] = true;
    }
}

Result<void> TorrentContainerSource::waitForPieces(std::uint32_t first, std::uint32_t last)
{
    auto deadline = Clock::now() + m_options.timeout;
    auto lastProgress = Clock::now();
    for (;;) {
        std::optional<std::uint32_t> missing;
        for (std::uint32_t piece = first; piece <= last; ++piece) {
            if (m_have[piece])
                continue;
            if (m_swarm.havePiece(m_infohash, piece)) {
                m_have[piece] = true;
                lastProgress = Clock::now();
                deadline = lastProgress + m_options.timeout; // progress: the clock starts again
            } else if (!missing) {
                missing = piece;
            }
        }
        if (!missing)
            return {};
        if (onOwnerThread())
            return fail(ErrorKind::Internal,
                "A stream read waited for piece " + std::to_string(*missing)
                    + " on the swarm's own thread, which would never receive it; streams are "
                      "read on a reader thread.");
        if (Clock::now() >= deadline)
            return fail(ErrorKind::NotFound, describeTimeout(*missing));
        // libtorrent asks for time-critical pieces only from peers with short request queues,
        // and cancels the other requests only when its first deadline is set. A peer that
        // arrived after our deadlines (or a slow one) may have seconds of ordinary requests
        // queued ahead of them: setting the deadlines afresh cancels those.
        if (Clock::now() - lastProgress >= m_options.restartAfter) {
            prioritize(first, last, true);
            lastProgress = Clock::now();
        }
        if (!sleepUnlessStopped(m_options.pollInterval, m_options.stop))
            return fail(ErrorKind::NotFound, "Reading the title was cancelled.");
    }
}

std::string TorrentContainerSource::describeTimeout(std::uint32_t piece) const
{
    const auto status = m_swarm.status(m_infohash);
    if (!status)
        return "The title was removed from the swarm while it was being read.";
    if (status->state == TorrentStatus::State::Failed)
        return "The title's download failed: " + status->error;
    std::string peers = status->peers == 0
        ? "no peer that has the title is connected"
        : "the " + std::to_string(status->peers) + " connected peers did not send it";
    return "The title's data did not arrive in time: piece " + std::to_string(piece) + " of "
        + std::to_string(m_pieceCount) + " was not received within " + seconds(m_options.timeout)
        + " s (" + peers + ").";
}

Result<void> TorrentContainerSource::readFile(std::uint64_t offset, std::span<std::uint8_t> out)
{
    if (m_file < 0) {
        m_file = ::open(m_path.c_str(), O_RDONLY | O_CLOEXEC);
        if (m_file < 0)
            return fail(ErrorKind::Io,
                "Could not open the title's file " + m_path.string() + ": " + std::strerror(errno));
    }
    std::size_t done = 0;
    while (done < out.size()) {
        const ssize_t got = ::pread(
            m_file, out.data() + done, out.size() - done, static_cast<off_t>(offset + done));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return fail(ErrorKind::Io,
                "Could not read the title's file " + m_path.string() + ": " + std::strerror(errno));
        if (got == 0)
            return fail(ErrorKind::Io,
                "The title's file " + m_path.string() + " is shorter than its torrent says.");
        done += static_cast<std::size_t>(got);
    }
    return {};
}

} // namespace ls::swarm
