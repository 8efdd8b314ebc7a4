#pragma once

#include "core/api/Library.h"
#include "core/market/ContentServices.h"
#include "core/market/FetchWorkflow.h"
#include "core/market/OpenStreams.h"
#include "core/market/RunningJobs.h"

#include <QThreadPool>

#include <memory>

namespace ls::market {

// api::Library over the profile's library database, the swarm and the chain
// (ContentServices): titles as stored, fetch through FetchWorkflow, open through
// ContainerContent, stream through StreamingContent. Lives on the owner thread.
class MarketLibrary final : public api::Library {
public:
    explicit MarketLibrary(ContentServices& services);
    // Stops every stream it opened and waits for their reads and openings to return.
    ~MarketLibrary() override;

    Result<std::vector<api::LibraryTitle>> titles() override;
    [[nodiscard]] Handle fetch(std::uint64_t titleId, std::optional<std::uint32_t> version,
        Progress progress, Callback<api::FetchedVersion> done) override;
    Result<std::unique_ptr<api::VersionContent>> open(
        std::uint64_t titleId, std::uint32_t version) override;
    [[nodiscard]] Handle stream(std::uint64_t titleId, std::uint32_t version,
        Callback<std::unique_ptr<api::VersionContent>> done) override;
    Result<void> removeLocalCopy(std::uint64_t titleId, std::uint32_t version) override;
    void addPeer(std::string hostPort) override;

private:
    ContentServices& m_services;
    RunningJobs<FetchWorkflow> m_fetches;
    std::shared_ptr<OpenStreams> m_streams = std::make_shared<OpenStreams>();
    // Opening a stream waits for the torrent's layout and header (seconds on a slow swarm): on
    // threads of its own, so it never holds up ContentServices' one worker (publishing, seeding).
    QThreadPool m_streamOpeners;
};

} // namespace ls::market
