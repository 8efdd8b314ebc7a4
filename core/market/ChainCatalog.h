#pragma once

#include "core/api/Catalog.h"
#include "core/market/CatalogDetailsRead.h"
#include "core/market/CatalogIndex.h"
#include "core/market/CatalogRefresh.h"
#include "core/market/ContentServices.h"
#include "core/market/RunningJobs.h"

#include <filesystem>
#include <map>
#include <memory>

namespace ls::market {

// api::Catalog over the light client and the swarm (ContentServices) with the index in
// `catalog.db` in the profile (a cache: when the file cannot be opened the index lives in memory
// and is rebuilt by the next refresh). Lives on the owner thread.
class ChainCatalog final : public api::Catalog {
public:
    ChainCatalog(ContentServices& services, CatalogRefreshSettings settings = {});
    ~ChainCatalog() override;

    [[nodiscard]] Handle refresh(
        Progress progress, Callback<api::CatalogRefreshSummary> done) override;
    Result<std::vector<api::CatalogTitle>> search(const api::CatalogSearch& query) override;
    Result<std::vector<std::string>> subjects() override;
    Result<std::vector<api::CatalogAuthor>> authors() override;
    [[nodiscard]] Handle details(
        std::uint64_t titleId, Callback<api::CatalogTitleDetails> done) override;
    Result<api::CatalogSample> sample(std::uint64_t titleId) override;
    [[nodiscard]] Handle subscribe(std::function<void()> onChange) override;

    // `catalog.db` in the profile.
    static std::filesystem::path indexFile(const std::filesystem::path& profile);

private:
    struct Waiter {
        Progress progress;
        Callback<api::CatalogRefreshSummary> done;
    };

    void notifyChanged();
    void onRefreshProgress(const api::CatalogRefreshProgress& progress);
    void onRefreshDone(Result<api::CatalogRefreshSummary> result);
    void dropWaiter(std::uint64_t id);

    ContentServices& m_services;
    CatalogRefreshSettings m_settings;
    CatalogIndex m_index;
    RunningJobs<CatalogDetailsRead> m_reads;
    std::unique_ptr<CatalogRefresh> m_refresh;
    std::map<std::uint64_t, Waiter> m_waiters;
    std::map<std::uint64_t, std::function<void()>> m_subscribers;
    std::uint64_t m_nextId = 1;
    std::shared_ptr<int> m_alive = std::make_shared<int>(0);
};

} // namespace ls::market
