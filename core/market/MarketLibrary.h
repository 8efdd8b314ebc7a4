#pragma once

#include "core/api/Library.h"
#include "core/market/ContentServices.h"
#include "core/market/FetchWorkflow.h"
#include "core/market/RunningJobs.h"

namespace ls::market {

// api::Library over the profile's library database, the swarm and the chain
// (ContentServices): titles as stored, fetch through FetchWorkflow, open through
// ContainerContent. Lives on the owner thread.
class MarketLibrary final : public api::Library {
public:
    explicit MarketLibrary(ContentServices& services);

    Result<std::vector<api::LibraryTitle>> titles() override;
    [[nodiscard]] Handle fetch(std::uint64_t titleId, std::optional<std::uint32_t> version,
        Progress progress, Callback<api::FetchedVersion> done) override;
    Result<std::unique_ptr<api::VersionContent>> open(
        std::uint64_t titleId, std::uint32_t version) override;
    Result<void> removeLocalCopy(std::uint64_t titleId, std::uint32_t version) override;
    void addPeer(std::string hostPort) override;

private:
    ContentServices& m_services;
    RunningJobs<FetchWorkflow> m_fetches;
};

} // namespace ls::market
