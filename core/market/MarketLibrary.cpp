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

Result<void> MarketLibrary::removeLocalCopy(std::uint64_t titleId, std::uint32_t version)
{
    auto stored = m_services.library.titles().version(titleId, version);
    if (!stored)
        return std::unexpected(stored.error());
    auto download = m_services.library.downloads().download(titleId, version);
    if (!download)
        return std::unexpected(download.error());
    if (download->state == library::DownloadState::None
        || download->state == library::DownloadState::Removed)
        return fail(ErrorKind::InvalidInput,
            "Version " + std::to_string(version) + " of title " + std::to_string(titleId)
                + " has no local copy to remove.");
    // The library first: once it says "removed", a crash at any later point leaves at worst a
    // stray file that the next download overwrites, never a "complete" copy that is missing.
    if (auto removed = m_services.library.removeLocalCopy(titleId, version); !removed)
        return removed;
    // Then the swarm lets go of the torrent and forgets its resume data: kept, it would claim
    // the deleted pieces when the version is downloaded again. Deleting the files too catches a
    // piece libtorrent was still writing.
    const Hash256 infohash = stored->contentInfohash;
    m_services.swarm.remove(infohash, true);
    m_services.seeder.remove(infohash); // and from the seeder's own list, so fetch adds it anew
    return {};
}

void MarketLibrary::addPeer(std::string hostPort)
{
    m_services.seeder.addPeer(std::move(hostPort));
}

} // namespace ls::market
