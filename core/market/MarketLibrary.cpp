#include "core/market/MarketLibrary.h"

#include "core/market/ApiTitles.h"
#include "core/market/ContainerContent.h"

namespace ls::market {

MarketLibrary::MarketLibrary(ContentServices& services)
    : m_services(services)
    , m_fetches(services.home)
{
}

Result<std::vector<api::LibraryTitle>> MarketLibrary::titles()
{
    return apiTitles(m_services.library, m_services.account.address());
}

api::Library::Handle MarketLibrary::fetch(std::uint64_t titleId,
    std::optional<std::uint32_t> version, Progress progress, Callback<api::FetchedVersion> done)
{
    auto id = std::make_shared<std::uint64_t>(0);
    auto [assigned, handle] = m_fetches.add(std::make_unique<FetchWorkflow>(m_services, titleId,
        version, std::move(progress), [this, id, done](Result<api::FetchedVersion> result) {
            m_fetches.release(*id);
            done(std::move(result));
        }));
    *id = assigned;
    m_fetches.startLater(assigned);
    return std::move(handle);
}

Result<std::unique_ptr<api::VersionContent>> MarketLibrary::open(
    std::uint64_t titleId, std::uint32_t version)
{
    return ContainerContent::open(m_services.library, titleId, version);
}

void MarketLibrary::addPeer(std::string hostPort)
{
    m_services.seeder.addPeer(std::move(hostPort));
}

} // namespace ls::market
