#include "core/market/MetadataFetch.h"

#include "core/market/ContentPaths.h"
#include "core/market/TitleMetadataDocument.h"
#include "core/swarm/TorrentMaker.h"
#include "core/util/AtomicFile.h"

#include <system_error>

namespace ls::market {

MetadataFetch::MetadataFetch(ContentServices& services, std::uint64_t titleId,
    const Hash256& infohash, std::function<void(Result<void>)> done)
    : m_services(services)
    , m_titleId(titleId)
    , m_infohash(infohash)
    , m_done(std::move(done))
{
}

MetadataFetch::~MetadataFetch()
{
    for (const auto& connection : m_connections)
        QObject::disconnect(connection);
}

void MetadataFetch::start()
{
    swarm::Swarm& swarm = m_services.swarm;
    m_connections.push_back(QObject::connect(
        &swarm, &swarm::Swarm::torrentFinished, &m_services.home, [this](const Hash256& infohash) {
            if (infohash == m_infohash)
                onComplete();
        }));
    m_connections.push_back(QObject::connect(&swarm, &swarm::Swarm::torrentFailed, &m_services.home,
        [this](const Hash256& infohash, const QString& error) {
            if (infohash == m_infohash)
                finish(fail(ErrorKind::Io,
                    "The title's metadata could not be fetched: " + error.toStdString()));
        }));
    if (auto status = swarm.status(m_infohash);
        status && status->state == swarm::TorrentStatus::State::Seeding)
        return onComplete();
    auto added = m_services.seeder.add({ m_infohash, { m_titleId, 0 }, false, {}, false,
        content::boughtTitleDirectory(m_services.profile, m_titleId) });
    if (!added)
        finish(std::unexpected(added.error()));
}

void MetadataFetch::onComplete()
{
    finish(store());
}

Result<void> MetadataFetch::store()
{
    auto path = m_services.swarm.filePath(m_infohash);
    if (!path)
        return fail(ErrorKind::Internal, "The metadata torrent has no file");
    auto bytes = readFileLimited(*path, TitleMetadataDocument::kMaxDocumentBytes);
    if (!bytes)
        return std::unexpected(bytes.error());
    auto document = TitleMetadataDocument::decode(*bytes);
    if (!document)
        return std::unexpected(document.error());
    auto title = m_services.library.titles().title(m_titleId);
    if (!title)
        return std::unexpected(title.error());
    // Without the sample: the library keeps at most 1 MiB of metadata; the torrent's file keeps
    // the whole document for seeding.
    const Bytes kept = document->libraryCopy(*bytes);
    title->metadataJson.assign(kept.begin(), kept.end());
    if (auto updated = m_services.library.titles().update(*title); !updated)
        return updated;
    // Small: hashed here. The same torrent as the author's, so later runs seed it as it is.
    if (auto torrent = swarm::makeTorrent(*path, content::kMetadataPieceSize);
        torrent && torrent->infohash == m_infohash) {
        const auto file = content::torrentFile(m_services.profile, m_infohash);
        std::error_code ignored;
        std::filesystem::create_directories(file.parent_path(), ignored);
        (void)writeFileAtomically(file, torrent->torrentFile);
    }
    return {};
}

void MetadataFetch::finish(Result<void> result)
{
    for (const auto& connection : m_connections)
        QObject::disconnect(connection);
    m_connections.clear();
    if (auto done = std::exchange(m_done, nullptr))
        done(std::move(result));
}

} // namespace ls::market
