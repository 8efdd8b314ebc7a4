#pragma once

#include "core/library/Library.h"
#include "core/market/TorrentRegistry.h"
#include "core/swarm/Swarm.h"

#include <QObject>
#include <QThreadPool>
#include <QTimer>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace ls::market {

// Puts this profile's torrents into the swarm: records which title each belongs to (for the
// permit policy), adds it, and connects it to the explicit peers the user named ("host:port",
// besides DHT and local discovery) — again every few seconds while it still needs data, since
// a peer may come up later than we do.
//
// seedLibrary() serves everything the library holds complete: each title's metadata torrent
// and every downloaded or published version. Torrents come from `content/torrents/`; a
// version downloaded by an earlier run without one is hashed again (on a worker) and checked
// against the chain's infohash first.
//
// Lives on the swarm's owner thread; the swarm, registry and pool must outlive it.
class Seeder final : public QObject {
public:
    struct Torrent {
        Hash256 infohash {};
        TorrentRegistry::Entry entry;
        bool permissioned = true;
        Bytes torrentFile; // empty: fetched from peers by infohash
        bool knownComplete = false;
        std::filesystem::path savePath; // empty: content/
    };

    Seeder(swarm::Swarm& swarm, swarm::SwarmSettings settings, TorrentRegistry& registry,
        std::filesystem::path profile, QThreadPool& workers);
    ~Seeder() override;

    // Adds the torrent unless it is in the swarm already (then only the registry is updated).
    Result<void> add(Torrent torrent);
    bool contains(const Hash256& infohash) const { return m_added.contains(infohash); }
    // Adds the torrent stored in content/torrents/ for `infohash`; NotFound when there is none.
    Result<void> addStored(const Hash256& infohash, TorrentRegistry::Entry entry, bool permissioned,
        bool knownComplete, std::filesystem::path savePath = {});

    // Takes the torrent out of the swarm (files kept).
    void remove(const Hash256& infohash);
    // Drops the torrent's connections and makes new ones: takes it out of the swarm (files kept)
    // and adds it again. For asking for the title key once more (see FetchWorkflow): a second
    // connection between two peers that granted each other before carries a key request the
    // other side always answers, since both grant at once from their remembered decisions.
    void reconnect(const Hash256& infohash);

    // While any returned token lives, downloads are held at kKeyPendingDownloadLimit: a copy
    // that completes before its title key arrives cannot ask for the key any more (seeds drop
    // their connections to seeds), so a fetch keeps its download slow until the key is here.
    std::shared_ptr<void> holdDownloads();
    static constexpr int kKeyPendingDownloadLimit = 64 * 1024; // bytes per second

    void addPeer(std::string hostPort);
    const std::vector<std::string>& peers() const { return m_peers; }

    // Serves everything complete in `library`; `done` gets how many torrents were added.
    // `author`: this profile's account (EIP-55), whose own titles' files are in content/.
    void seedLibrary(
        library::Library& library, const std::string& author, std::function<void(int)> done);

private:
    void connectPeers(const Hash256& infohash);
    void reconnectIncomplete();

    void applyLimits();

    swarm::Swarm& m_swarm;
    swarm::SwarmSettings m_settings;
    TorrentRegistry& m_registry;
    std::filesystem::path m_profile;
    QThreadPool& m_workers;
    std::set<Hash256> m_added;
    std::map<Hash256, Torrent> m_torrents; // as added, for reconnect()
    std::weak_ptr<int> m_hold;
    std::vector<std::string> m_peers;
    QTimer m_reconnect;
    std::shared_ptr<int> m_alive = std::make_shared<int>(0);
};

} // namespace ls::market
