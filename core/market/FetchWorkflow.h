#pragma once

#include "core/api/Library.h"
#include "core/market/ContentServices.h"
#include "core/market/MetadataFetch.h"
#include "core/market/TitleKeyReceiver.h"

#include <QMetaObject>
#include <QTimer>

#include <chrono>
#include <memory>
#include <optional>
#include <vector>

namespace ls::market {

// Makes one version of a title readable here (the purchase's second half, DESIGN.md §4):
//
//   proven title, licence (or authorship) and versions → title, licence facts and versions into
//   the library → the version's container from the permissioned swarm, by the infohash the
//   chain records (the .torrent comes from peers), progress recorded in the library → the title
//   key from a licensed holder, checked against the chain's commitment → the container opened
//   with it (title, version and key must match) → done.
//
// The public metadata torrent is fetched alongside; once content and key are here it is given
// a short grace to arrive, then the fetch completes without it (it keeps coming while the
// session seeds). Lives on the owner thread.
class FetchWorkflow {
public:
    using Done = std::function<void(Result<api::FetchedVersion>)>;

    FetchWorkflow(ContentServices& services, std::uint64_t titleId,
        std::optional<std::uint32_t> version, api::Library::Progress progress, Done done);
    ~FetchWorkflow();

    FetchWorkflow(const FetchWorkflow&) = delete;
    FetchWorkflow& operator=(const FetchWorkflow&) = delete;

    void start();
    void cancel();

private:
    void onTitle(api::TitleInfo title);
    void readVersions(std::uint32_t next);
    void onFacts();
    Result<void> recordTitle();
    void startContent();
    void onUpdated(const swarm::TorrentStatus& status);
    void onContentComplete();
    Result<void> beginDownload();
    void maybeDone();
    Result<api::FetchedVersion> openCheck();
    void report(api::FetchStage stage, std::string note = {});
    void finish(Result<api::FetchedVersion> result);

    ContentServices& m_services;
    std::uint64_t m_titleId;
    std::optional<std::uint32_t> m_requested;
    api::Library::Progress m_progress;
    Done m_done;

    api::Chain::Handle m_read;
    std::optional<api::TitleInfo> m_title;
    std::optional<api::LicenceInfo> m_licence;
    std::vector<api::VersionInfo> m_versions;
    api::VersionInfo m_version;
    Hash256 m_infohash {};

    std::unique_ptr<MetadataFetch> m_metadata;
    std::unique_ptr<TitleKeyReceiver> m_key;
    std::vector<QMetaObject::Connection> m_connections;
    QTimer m_metadataGrace;
    bool m_downloadBegun = false;
    bool m_contentComplete = false;
    bool m_keyStored = false;
    bool m_metadataSettled = false;
    bool m_metadataDescribed = false; // settled with the metadata stored
    bool m_finished = false;
    api::FetchProgress m_last;
    std::chrono::steady_clock::time_point m_lastRecorded {};
};

} // namespace ls::market
