#pragma once

#include "core/api/Catalog.h"
#include "core/api/Library.h"
#include "core/api/Studio.h"
#include "core/market/ChainPermitPolicy.h"
#include "core/market/ContentServices.h"
#include "core/market/ContentUnlock.h"
#include "core/market/PublishWorkflow.h"
#include "core/market/Seeder.h"
#include "core/market/TorrentRegistry.h"
#include "core/swarm/SwarmTypes.h"
#include "core/wallet/KeystoreAccount.h"

#include <QObject>
#include <QThreadPool>

#include <chrono>
#include <filesystem>
#include <memory>

namespace ls::market {

class ChainCatalog;
class MarketLibrary;
class MarketStudio;

struct ContentSessionOptions {
    swarm::SwarmSettings swarm;
    PublishInterruption interruption; // tests only
    // How long the catalog waits for a title's metadata before trying again at the next refresh.
    std::chrono::milliseconds catalogMetadataTimeout { 30'000 };
};

// The content side of one profile for as long as the app (or a CLI command) runs — the
// composition of DESIGN.md §4 over the light client and the market: the library database, a
// libtorrent swarm that proves this wallet's account and asks the chain whom to serve
// (ChainPermitPolicy), the seeder, and the api::Library and api::Studio the screens and the CLI
// use. Construct it on the owner thread (which runs an event loop) from unlockContent()'s
// result; `chain` and `market` must outlive it.
class ContentSession {
public:
    ContentSession(std::filesystem::path profile, UnlockedContent unlocked, api::Chain& chain,
        api::Market& market, ContentSessionOptions options = {});
    ~ContentSession();

    ContentSession(const ContentSession&) = delete;
    ContentSession& operator=(const ContentSession&) = delete;

    api::Library& library();
    api::Studio& studio();
    // Discover's verified catalog, indexed in `catalog.db` in the profile.
    api::Catalog& catalog();
    swarm::Swarm& swarm();
    library::Library& database() { return m_library; }
    const std::string& account() const { return m_address; }

    // Serves every complete title in the library (published or bought); `done` gets how many
    // torrents were added.
    void seedLibrary(std::function<void(int)> done);

private:
    std::filesystem::path m_profile;
    library::Library m_library;
    wallet::KeystoreAccount m_account;
    std::string m_address;
    TorrentRegistry m_registry;
    ChainPermitPolicy m_policy;
    QThreadPool m_workers;
    std::unique_ptr<QObject> m_home;
    std::unique_ptr<swarm::Swarm> m_swarm;
    std::unique_ptr<Seeder> m_seeder;
    std::unique_ptr<ContentServices> m_services;
    std::unique_ptr<MarketLibrary> m_readerLibrary;
    std::unique_ptr<MarketStudio> m_studio;
    std::unique_ptr<ChainCatalog> m_catalog;
};

} // namespace ls::market
