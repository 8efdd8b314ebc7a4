#pragma once

#include "core/library/ContainerSource.h"
#include "core/swarm/Swarm.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <stop_token>
#include <vector>

namespace ls::swarm {

// A content container read while its torrent is still downloading (DESIGN.md §4 "Streaming"): a
// read maps its byte range to pieces, asks the swarm for the missing ones first (deadlines for
// the range and a read-ahead window after it), waits until they are verified and written, and
// only then reads them from the file. Bytes of a piece that has not passed its hash check are
// never handed out.
//
// Waiting blocks the calling thread, so readers run on a thread of their own (the Player's and
// Reader's loader threads), never on the swarm's owner thread: the swarm delivers pieces through
// that thread's event loop, so a wait there could never end. A read that would have to wait on
// the owner thread fails at once with an Internal error instead (in every build, not only debug
// ones). One reader thread at a time (ContainerReader's rule too).
//
// The swarm must outlive the source; to stop a waiting reader (closing a title, shutting down),
// request a stop on the token given in Options.
class TorrentContainerSource final : public library::ContainerSource {
public:
    struct Options {
        // A read fails (ErrorKind::NotFound, see ContainerSource) when none of the pieces it
        // waits for arrived within this time.
        std::chrono::milliseconds timeout { 30'000 };
        // Pieces after a read that are asked for too, so a player reading on finds them there.
        std::uint32_t readAheadPieces = 8;
        // Deadlines (libtorrent's time-critical pieces): the pieces a read needs now, and the
        // read-ahead window, one step later per piece.
        int urgentDeadlineMs = 0;
        int readAheadStepMs = 100;
        // How often a waiting read looks again, and after how long without a wanted piece it
        // sets its deadlines afresh (see waitForPieces).
        std::chrono::milliseconds pollInterval { 5 };
        std::chrono::milliseconds restartAfter { 1'000 };
        std::stop_token stop;
    };

    // Waits (as a read does) until the torrent's metadata is known, so that size() is the
    // container's full size. Call it on a reader thread too.
    static Result<std::unique_ptr<TorrentContainerSource>> open(
        Swarm& swarm, const Hash256& infohash, Options options);
    ~TorrentContainerSource() override;

    std::uint64_t size() const override { return m_fileSize; }
    Result<void> readAt(std::uint64_t offset, std::span<std::uint8_t> out) override;

    std::uint32_t pieceSize() const { return m_pieceSize; }
    std::uint32_t pieceCount() const { return m_pieceCount; }

private:
    TorrentContainerSource(Swarm& swarm, const Hash256& infohash, Options options);

    // Deadlines for [first, last] and the read-ahead window after it, once per piece; a jump
    // out of the window (or `restart`) clears the earlier ones first.
    void prioritize(std::uint32_t first, std::uint32_t last, bool restart);
    Result<void> waitForPieces(std::uint32_t first, std::uint32_t last);
    Result<void> readFile(std::uint64_t offset, std::span<std::uint8_t> out);
    bool onOwnerThread() const;
    std::string describeTimeout(std::uint32_t piece) const;

    Swarm& m_swarm;
    Hash256 m_infohash;
    Options m_options;
    std::filesystem::path m_path;
    std::uint64_t m_fileSize = 0;
    std::uint32_t m_pieceSize = 0;
    std::uint32_t m_pieceCount = 0;
    std::vector<bool> m_have; // verified pieces seen so far: those never need asking again
    std::vector<bool> m_asked; // pieces given a deadline
    int m_file = -1; // opened at the first read of a verified piece
};

} // namespace ls::swarm
