#include "core/market/PublicMetadataFetch.h"

#include "core/market/TitleMetadataDocument.h"
#include "core/util/AtomicFile.h"

#include <system_error>

namespace ls::market {

PublicMetadataFetch::PublicMetadataFetch(ContentServices& services, std::uint64_t titleId,
    const Hash256& infohash, std::filesystem::path saveDirectory, std::chrono::milliseconds timeout,
    std::function<void(Result<Bytes>)> done)
    : m_services(services)
    , m_titleId(titleId)
    , m_infohash(infohash)
    , m_saveDirectory(std::move(saveDirectory))
    , m_done(std::move(done))
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(timeout);
    QObject::connect(&m_timeout, &QTimer::timeout, [this] {
        finish(fail(ErrorKind::NotFound,
            "No peer has sent the metadata of title " + std::to_string(m_titleId) + " yet"));
    });
}

PublicMetadataFetch::~PublicMetadataFetch()
{
    disconnect();
    release();
}

void PublicMetadataFetch::start()
{
    swarm::Swarm& swarm = m_services.swarm;
    m_connections.push_back(QObject::connect(
        &swarm, &swarm::Swarm::torrentFinished, &m_services.home, [this](const Hash256& infohash) {
            if (infohash == m_infohash)
                finish(read());
        }));
    // A torrent already in the swarm (the author's own, a bought title's) may be still checking
    // its file: it turns Seeding without finishing again. Read then; a file that is not complete
    // on disk yet does not decode, and torrentFinished or the timeout settles it.
    m_connections.push_back(QObject::connect(&swarm, &swarm::Swarm::torrentUpdated,
        &m_services.home, [this](const swarm::TorrentStatus& status) {
            if (status.infohash != m_infohash
                || status.state != swarm::TorrentStatus::State::Seeding)
                return;
            if (auto document = read())
                finish(std::move(document));
        }));
    m_connections.push_back(QObject::connect(&swarm, &swarm::Swarm::torrentFailed, &m_services.home,
        [this](const Hash256& infohash, const QString& error) {
            if (infohash == m_infohash)
                finish(fail(ErrorKind::Io,
                    "The title's metadata could not be fetched: " + error.toStdString()));
        }));
    if (auto status = swarm.status(m_infohash);
        status && status->state == swarm::TorrentStatus::State::Seeding)
        return finish(read());
    m_addedHere = !m_services.seeder.contains(m_infohash);
    auto added = m_services.seeder.add(
        { m_infohash, { m_titleId, 0 }, false, {}, false, m_saveDirectory });
    if (!added)
        return finish(std::unexpected(added.error()));
    m_timeout.start();
}

Result<Bytes> PublicMetadataFetch::read()
{
    auto path = m_services.swarm.filePath(m_infohash);
    if (!path)
        return fail(ErrorKind::Internal, "The metadata torrent has no file");
    auto bytes = readFileLimited(*path, TitleMetadataDocument::kMaxDocumentBytes);
    if (!bytes)
        return std::unexpected(bytes.error());
    if (auto document = TitleMetadataDocument::decode(*bytes); !document)
        return std::unexpected(document.error());
    return std::move(*bytes);
}

void PublicMetadataFetch::finish(Result<Bytes> result)
{
    disconnect();
    m_timeout.stop();
    release();
    if (auto done = std::exchange(m_done, nullptr))
        done(std::move(result));
}

void PublicMetadataFetch::disconnect()
{
    for (const auto& connection : m_connections)
        QObject::disconnect(connection);
    m_connections.clear();
}

void PublicMetadataFetch::release()
{
    if (!std::exchange(m_addedHere, false))
        return;
    // A purchase may have begun to use the same torrent: then it stays, for the library.
    if (auto owned = m_services.library.titles().contains(m_titleId); owned && *owned)
        return;
    m_services.seeder.remove(m_infohash);
    std::error_code ignored;
    std::filesystem::remove_all(m_saveDirectory, ignored);
}

} // namespace ls::market
