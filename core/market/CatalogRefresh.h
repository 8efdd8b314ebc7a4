#pragma once

#include "core/api/Catalog.h"
#include "core/market/CatalogIndex.h"
#include "core/market/ContentServices.h"
#include "core/market/PublicMetadataFetch.h"

#include <chrono>
#include <cstdint>
#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>

namespace ls::market {

struct CatalogRefreshSettings {
    std::filesystem::path metadataDirectory; // where metadata torrents save while fetched
    std::chrono::milliseconds metadataTimeout { 30'000 };
    int parallelReads = 8; // proven title reads in flight
    int parallelFetches = 4; // metadata torrents in flight
};

// One refresh of the verified catalog: syncs the light client, proves the title count, proves
// every title record (new ones are added, changed ones updated), then fetches the metadata
// documents the index lacks. A title whose metadata does not arrive stays in the index with its
// chain facts; the next refresh tries again. `changed` is called whenever the index changed.
class CatalogRefresh {
public:
    using Done = std::function<void(Result<api::CatalogRefreshSummary>)>;

    CatalogRefresh(ContentServices& services, CatalogIndex& index, CatalogRefreshSettings settings,
        std::function<void(const api::CatalogRefreshProgress&)> progress,
        std::function<void()> changed, Done done);

    void start();
    void cancel();

private:
    void onCount(std::uint64_t titleCount, std::uint64_t height);
    void readMoreTitles();
    void onTitle(std::uint64_t titleId, Result<std::optional<api::TitleInfo>> title);
    Result<void> indexTitle(const api::TitleInfo& title);
    void notifyTitles();
    void startMetadata();
    void fetchMoreMetadata();
    void onMetadata(std::uint64_t titleId, const std::string& infohash, Result<Bytes> document);
    void report(api::CatalogRefreshStage stage, std::uint64_t done, std::uint64_t total);
    void finish(Result<api::CatalogRefreshSummary> result);

    struct Pending {
        std::uint64_t titleId = 0;
        std::string infohash; // 0x-prefixed hex
    };

    ContentServices& m_services;
    CatalogIndex& m_index;
    CatalogRefreshSettings m_settings;
    std::function<void(const api::CatalogRefreshProgress&)> m_progress;
    std::function<void()> m_changed;
    Done m_done;

    api::CatalogRefreshSummary m_summary;
    api::Chain::Handle m_step;
    std::uint64_t m_nextTitle = 1;
    std::uint64_t m_titlesRead = 0;
    std::map<std::uint64_t, api::Chain::Handle> m_reads;
    std::deque<Pending> m_metadataQueue;
    std::uint64_t m_metadataTotal = 0;
    std::uint64_t m_metadataSettled = 0;
    std::map<std::uint64_t, std::unique_ptr<PublicMetadataFetch>> m_fetches;
    bool m_titlesNotified = false;
    bool m_finished = false;
    std::shared_ptr<int> m_alive = std::make_shared<int>(0);
};

} // namespace ls::market
