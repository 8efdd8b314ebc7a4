#include "core/market/Seeder.h"

#include "core/market/ContentPaths.h"
#include "core/market/WorkerTask.h"
#include "core/swarm/TorrentMaker.h"
#include "core/util/AtomicFile.h"

#include <system_error>

namespace ls::market {
namespace {

constexpr std::size_t kMaxTorrentFileBytes = 16 * 1024 * 1024;

} // namespace

Seeder::Seeder(swarm::Swarm& swarm, TorrentRegistry& registry, std::filesystem::path profile,
    QThreadPool& workers)
    : m_swarm(swarm)
    , m_registry(registry)
    , m_profile(std::move(profile))
    , m_workers(workers)
{
    connect(&m_swarm, &swarm::Swarm::torrentAdded, this,
        [this](const Hash256& infohash) { connectPeers(infohash); });
    connect(&m_swarm, &swarm::Swarm::torrentFailed, this,
        [this](const Hash256& infohash, const QString&) {
            // A failed add leaves the swarm; a later add may try again.
            if (!m_swarm.status(infohash))
                m_added.erase(infohash);
        });
    m_reconnect.setInterval(5000);
    connect(&m_reconnect, &QTimer::timeout, this, [this] { reconnectWhileNeeded(); });
    m_reconnect.start();
}

Seeder::~Seeder()
{
    m_alive.reset();
}

Result<void> Seeder::add(Torrent torrent)
{
    m_registry.add(torrent.infohash, torrent.entry);
    if (m_added.contains(torrent.infohash))
        return {};
    std::error_code error;
    std::filesystem::create_directories(content::directory(m_profile), error);
    swarm::TorrentSource source;
    source.infohash = torrent.infohash;
    source.torrentFile = std::move(torrent.torrentFile);
    source.savePath = torrent.savePath.empty() ? content::directory(m_profile) : torrent.savePath;
    std::filesystem::create_directories(source.savePath, error);
    source.permissioned = torrent.permissioned;
    source.knownComplete = torrent.knownComplete && !source.torrentFile.empty();
    source.peers = m_peers;
    if (auto added = m_swarm.add(std::move(source)); !added)
        return added;
    m_added.insert(torrent.infohash);
    return {};
}

void Seeder::remove(const Hash256& infohash)
{
    m_swarm.remove(infohash, false);
    m_added.erase(infohash);
}

Result<void> Seeder::addStored(const Hash256& infohash, TorrentRegistry::Entry entry,
    bool permissioned, bool knownComplete, std::filesystem::path savePath)
{
    const auto file = content::torrentFile(m_profile, infohash);
    std::error_code error;
    if (!std::filesystem::is_regular_file(file, error))
        return fail(ErrorKind::NotFound, "No stored torrent " + file.string());
    auto bytes = readFileLimited(file, kMaxTorrentFileBytes);
    if (!bytes)
        return std::unexpected(bytes.error());
    return add(
        { infohash, entry, permissioned, std::move(*bytes), knownComplete, std::move(savePath) });
}

void Seeder::addPeer(std::string hostPort)
{
    if (std::find(m_peers.begin(), m_peers.end(), hostPort) != m_peers.end())
        return;
    m_peers.push_back(std::move(hostPort));
    for (const Hash256& infohash : m_added)
        m_swarm.connectPeer(infohash, m_peers.back());
}

void Seeder::connectPeers(const Hash256& infohash)
{
    for (const std::string& peer : m_peers)
        m_swarm.connectPeer(infohash, peer);
}

void Seeder::reconnectWhileNeeded()
{
    // A complete copy still waiting for its title key needs peers as much as a download does.
    for (const Hash256& infohash : m_added) {
        auto status = m_swarm.status(infohash);
        if (status
            && (status->state != swarm::TorrentStatus::State::Seeding
                || m_swarm.keyWanted(infohash)))
            connectPeers(infohash);
    }
}

void Seeder::seedLibrary(
    library::Library& library, const std::string& author, std::function<void(int)> done)
{
    auto entries = library.shelf().entries();
    if (!entries)
        return done(0);
    auto added = std::make_shared<int>(0);
    auto pending = std::make_shared<int>(1); // released after the loop
    auto settle = [added, pending, done] {
        if (--*pending == 0)
            done(*added);
    };
    for (const library::LibraryEntry& entry : *entries) {
        const std::uint64_t titleId = entry.title.titleId;
        const bool ours = entry.title.author.toChecksumString() == author;
        if (addStored(entry.title.metadataInfohash, { titleId, 0 }, false, false,
                ours ? content::directory(m_profile)
                     : content::boughtTitleDirectory(m_profile, titleId)))
            ++*added;
        for (const library::VersionDownload& download : entry.downloads) {
            if (download.state != library::DownloadState::Complete)
                continue;
            auto version = std::find_if(entry.versions.begin(), entry.versions.end(),
                [&](const auto& v) { return v.number == download.version; });
            const auto path = library.downloads().containerPath(download);
            std::error_code error;
            if (version == entry.versions.end() || !std::filesystem::is_regular_file(path, error))
                continue; // removed by hand: fetch downloads it again
            const Hash256 infohash = version->contentInfohash;
            const TorrentRegistry::Entry role { titleId, download.version };
            const auto savePath = path.parent_path();
            if (addStored(infohash, role, true, true, savePath)) {
                ++*added;
                continue;
            }
            // Downloaded without its .torrent: rebuild the author's torrent from the file (the
            // piece size follows from the size the chain records) and check it is the same.
            ++*pending;
            const std::uint64_t size = version->size;
            const auto torrentPath = content::torrentFile(m_profile, infohash);
            runOnWorker<swarm::CreatedTorrent>(
                m_workers, this, m_alive,
                [path, size, infohash, torrentPath]() -> Result<swarm::CreatedTorrent> {
                    auto torrent = swarm::makeTorrent(path, content::pieceSizeFor(size));
                    if (torrent && torrent->infohash == infohash) {
                        std::error_code ignored;
                        std::filesystem::create_directories(torrentPath.parent_path(), ignored);
                        (void)writeFileAtomically(torrentPath, torrent->torrentFile);
                    }
                    return torrent;
                },
                [this, infohash, role, savePath, added, settle](
                    Result<swarm::CreatedTorrent> torrent) {
                    const bool same = torrent && torrent->infohash == infohash;
                    // Not the author's layout: let peers send the torrent's metadata instead.
                    if (add({ infohash, role, true, same ? torrent->torrentFile : Bytes {}, same,
                            savePath }))
                        ++*added;
                    settle();
                });
        }
    }
    settle();
}

} // namespace ls::market
