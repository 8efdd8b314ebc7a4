#include "core/market/MarketLibrary.h"

#include "core/market/ApiTitles.h"
#include "core/market/ContainerContent.h"
#include "core/market/StreamingContent.h"
#include "core/market/WorkerTask.h"

#include <QTimer>

namespace ls::market {

MarketLibrary::MarketLibrary(ContentServices& services)
    : m_services(services)
    , m_fetches(services.home)
{
    m_streamOpeners.setMaxThreadCount(2);
}

MarketLibrary::~MarketLibrary()
{
    m_streams->close(); // stopped, waiting openings and reads return at once
    m_streamOpeners.waitForDone();
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

api::Library::Handle MarketLibrary::stream(std::uint64_t titleId, std::uint32_t version,
    Callback<std::unique_ptr<api::VersionContent>> done)
{
    using Content = std::unique_ptr<api::VersionContent>;
    auto alive = std::make_shared<int>(0);
    // The stop source is shared by the opening and the content it yields: dropping the Handle
    // stops an opening still waiting, but never content already handed over.
    std::stop_source stop;
    auto delivered = std::make_shared<bool>(false);
    auto deliver = [done = std::move(done), delivered](Result<Content> content) {
        *delivered = true;
        done(std::move(content));
    };
    Handle handle([alive, stop, delivered]() mutable {
        if (!*delivered)
            stop.request_stop();
    });
    const auto later = [&](Result<Content> content) {
        auto result = std::make_shared<Result<Content>>(std::move(content));
        QTimer::singleShot(
            0, &m_services.home, [weak = std::weak_ptr<void>(alive), result, deliver]() mutable {
                if (!weak.expired())
                    deliver(std::move(*result));
            });
    };

    const std::string name
        = "title " + std::to_string(titleId) + " version " + std::to_string(version);
    library::Library& library = m_services.library;
    auto stored = library.titles().version(titleId, version);
    if (!stored) {
        later(stored.error().kind == ErrorKind::NotFound
                ? fail(ErrorKind::NotFound,
                    "There is no " + name + " in this library: buy the title, then fetch it.")
                : Result<Content>(std::unexpected(stored.error())));
        return handle;
    }
    auto key = library.titles().key(titleId);
    if (!key) {
        later(fail(key.error().kind,
            key.error().kind == ErrorKind::NotFound ? "The key of " + name
                    + " is not here yet (it comes with a licence, once fetching has begun)"
                                                    : key.error().message));
        return handle;
    }
    auto download = library.downloads().download(titleId, version);
    if (download && download->state == library::DownloadState::Complete) {
        later(ContainerContent::open(library, titleId, version));
        return handle;
    }
    const Hash256 infohash = stored->contentInfohash;
    if (!m_services.swarm.status(infohash)) {
        later(fail(ErrorKind::NotFound, name + " is not being downloaded: fetch it first"));
        return handle;
    }
    auto versionKey = key->versionKey(version);
    if (!versionKey) {
        later(std::unexpected(versionKey.error()));
        return handle;
    }

    auto registration = std::make_shared<std::unique_ptr<OpenStreams::Registration>>(
        OpenStreams::add(m_streams, infohash, stop));
    swarm::Swarm& swarm = m_services.swarm;
    const StreamingContent::Target target { titleId, version, infohash };
    runOnWorker<Content>(
        m_streamOpeners, &m_services.home, alive,
        [&swarm, streams = m_streams, registration, stop, target, key = *versionKey]() {
            return StreamingContent::open(
                swarm, streams, std::move(*registration), stop, target, key);
        },
        std::move(deliver));
    return handle;
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
    m_streams->stop(infohash); // a stream reading it fails now, not after its read timeout
    m_services.swarm.remove(infohash, true);
    m_services.seeder.remove(infohash); // and from the seeder's own list, so fetch adds it anew
    return {};
}

void MarketLibrary::addPeer(std::string hostPort)
{
    m_services.seeder.addPeer(std::move(hostPort));
}

} // namespace ls::market
