#include "core/market/ContentSession.h"

#include "core/market/ChainCatalog.h"
#include "core/market/ContentPaths.h"
#include "core/market/MarketLibrary.h"
#include "core/market/MarketStudio.h"
#include "core/swarm/LibtorrentSwarm.h"

namespace ls::market {

ContentSession::ContentSession(std::filesystem::path profile, UnlockedContent unlocked,
    api::Chain& chain, api::Market& market, ContentSessionOptions options)
    : m_profile(std::move(profile))
    , m_library(std::move(unlocked.library))
    , m_account(unlocked.accountKey)
    , m_address(m_account.address())
    , m_policy(chain, m_library, m_registry)
    , m_home(std::make_unique<QObject>())
{
    // Encrypting and hashing are I/O and CPU bound: one at a time keeps the machine usable.
    m_workers.setMaxThreadCount(1);
    // Downloads continue where they stopped after a restart.
    if (options.swarm.resumeDirectory.empty())
        options.swarm.resumeDirectory = content::directory(m_profile) / "resume";
    m_swarm = std::make_unique<swarm::LibtorrentSwarm>(options.swarm,
        swarm::SwarmIdentity { chain.status().chainId, std::move(unlocked.accountKey) }, m_policy);
    m_seeder = std::make_unique<Seeder>(*m_swarm, m_registry, m_profile, m_workers);
    m_services = std::make_unique<ContentServices>(ContentServices {
        m_profile, chain, market, m_library, *m_swarm, *m_seeder, m_account, m_workers, *m_home });
    m_readerLibrary = std::make_unique<MarketLibrary>(*m_services);
    m_studio = std::make_unique<MarketStudio>(*m_services, std::move(options.interruption));
    CatalogRefreshSettings catalog;
    catalog.metadataTimeout = options.catalogMetadataTimeout;
    m_catalog = std::make_unique<ChainCatalog>(*m_services, catalog);
}

ContentSession::~ContentSession()
{
    // Workflows first (they use everything else), then the swarm, whose permit questions come to
    // the policy; worker tasks still running finish before `home`, where they report, goes.
    m_catalog.reset();
    m_studio.reset();
    m_readerLibrary.reset();
    m_workers.waitForDone(); // the seeder's tasks report to the seeder itself
    m_seeder.reset();
    m_swarm.reset();
    m_home.reset();
}

api::Library& ContentSession::library()
{
    return *m_readerLibrary;
}
api::Studio& ContentSession::studio()
{
    return *m_studio;
}
api::Catalog& ContentSession::catalog()
{
    return *m_catalog;
}
swarm::Swarm& ContentSession::swarm()
{
    return *m_swarm;
}

void ContentSession::seedLibrary(std::function<void(int)> done)
{
    m_seeder->seedLibrary(m_library, m_address, std::move(done));
}

} // namespace ls::market
