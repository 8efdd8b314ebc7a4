#pragma once

#include "core/api/Studio.h"
#include "core/market/ContentServices.h"
#include "core/market/PublishWorkflow.h"
#include "core/market/RunningJobs.h"

namespace ls::market {

// api::Studio over ContentServices: each publication is a PublishWorkflow driven by its job
// file. Lives on the owner thread.
class MarketStudio final : public api::Studio {
public:
    // `interruption` is the resumption tests' seam; the app leaves it empty.
    MarketStudio(ContentServices& services, PublishInterruption interruption = {});

    [[nodiscard]] Handle publish(api::PublishRequest request, crypto::SecretBytes passphrase,
        Progress progress, Callback<api::PublishedVersion> done) override;
    [[nodiscard]] Handle addVersion(std::uint64_t titleId, std::string file, std::string note,
        crypto::SecretBytes passphrase, Progress progress,
        Callback<api::PublishedVersion> done) override;
    Result<std::vector<api::UnfinishedPublication>> unfinished() override;
    [[nodiscard]] Handle resume(std::string id, crypto::SecretBytes passphrase, Progress progress,
        Callback<api::PublishedVersion> done) override;
    Result<std::vector<api::LibraryTitle>> titles() override;

private:
    Handle run(PublishJob job, PublishWorkflow::Origin origin, crypto::SecretBytes passphrase,
        Progress progress, Callback<api::PublishedVersion> done);
    Handle failLater(Callback<api::PublishedVersion> done, Error error);
    // Another run in this session already drives the job.
    bool running(const std::string& jobId) const;

    ContentServices& m_services;
    PublishInterruption m_interruption;
    RunningJobs<PublishWorkflow> m_jobs;
};

} // namespace ls::market
