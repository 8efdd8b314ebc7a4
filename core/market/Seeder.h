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
// besides DHT and local discovery) — again every few seconds while it still needs data or its
// title key, since a peer may come up later than we do.
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

    Seeder(swarm::Swarm& swarm, TorrentRegistry& registry, std::filesystem::path profile,
        QThreadPool& workers);
    ~Seeder() override;

    // Adds the torrent unless it is in the swarm already (then only the registry is updated).
    Result<void> add(Torrent torrent);
    bool contains(const Hash256& infohash) const { return m_added.contains(infohash); }
    // Adds the torrent stored in content/torrents/ for `infohash`; NotFound when there is none.
    Result<void> addStored(const Hash256& infohash, TorrentRegistry::Entry entry, bool permissioned,
        bool knownComplete, std::filesystem::path savePath = {});

    // Takes the torrent out of the swarm (files kept).
    void remove(const Hash256& infohash);
    void addPeer(std::string hostPort);
    const std::vector<std::string>& peers() const { return m_peers; }

    // Serves everything complete in `library`; `done` gets how many torrents were added.
    // `author`: this profile's account (EIP-55), whose own titles' files are in content/.
    void seedLibrary(
        library::Library& library, const std::string& author, std::function<void(int)> done);

private:
    void connectPeers(const Hash256& infohash);
    void reconnectWhileNeeded();

    swarm::Swarm& m_swarm;
    TorrentRegistry& m_registry;
    std::filesystem::path m_profile;
    QThreadPool& m_workers;
    std::set<Hash256> m_added;
    std::vector<std::string> m_peers;
    QTimer m_reconnect;
    std::shared_ptr<int> m_alive = std::make_shared<int>(0);
};

} // namespace ls::market
