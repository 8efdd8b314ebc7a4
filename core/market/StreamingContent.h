#pragma once

#include "core/api/Library.h"
#include "core/library/ContainerReader.h"
#include "core/library/TitleKeys.h"
#include "core/market/OpenStreams.h"
#include "core/swarm/TorrentContainerSource.h"

#include <memory>
#include <optional>
#include <stop_token>

namespace ls::market {

// api::VersionContent over a version whose torrent is still downloading (DESIGN.md §4
// "Streaming"): a TorrentContainerSource waits for the pieces a read covers, asking the swarm for
// them and a read-ahead window first, and a ContainerReader decrypts the chunks in memory.
//
// read() blocks, so it runs on a thread other than the swarm's owner (the player's); cancel()
// from any thread makes a waiting read fail at once. The file stays where the download writes it:
// completing the download only records it in the library, and removing the local copy stops the
// stream first (OpenStreams), so the pieces a read waits for never vanish under it silently.
class StreamingContent final : public api::VersionContent {
public:
    struct Target {
        std::uint64_t titleId = 0;
        std::uint32_t version = 0;
        Hash256 infohash {};
    };

    // Blocks until the torrent's layout and the container's header are here: call it on a
    // worker thread. `registration` (made with `stop`) keeps the stream known to its library.
    static Result<std::unique_ptr<api::VersionContent>> open(swarm::Swarm& swarm,
        std::shared_ptr<OpenStreams> streams,
        std::unique_ptr<OpenStreams::Registration> registration, std::stop_source stop,
        const Target& target, const library::VersionKey& key);
    ~StreamingContent() override;

    std::uint64_t size() const override { return m_reader->plaintextSize(); }
    std::string mediaType() const override { return m_reader->header().mediaType; }
    Result<void> read(std::uint64_t offset, std::span<std::uint8_t> out) override;
    bool mayBlock() const override { return true; }
    void cancel() override { m_stop.request_stop(); }
    Result<void> prefetchOpening() override;

private:
    StreamingContent(std::shared_ptr<OpenStreams> streams,
        std::unique_ptr<OpenStreams::Registration> registration, std::stop_source stop);

    std::shared_ptr<OpenStreams> m_streams;
    std::unique_ptr<OpenStreams::Registration> m_registration;
    std::stop_source m_stop;
    std::unique_ptr<swarm::TorrentContainerSource> m_source;
    std::optional<library::ContainerReader> m_reader;
};

} // namespace ls::market
