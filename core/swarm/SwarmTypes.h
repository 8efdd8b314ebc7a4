#pragma once

#include "core/util/Bytes.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

// The swarm's plain value types (no libtorrent in sight): what callers configure, add and see.
namespace ls::swarm {

struct SwarmSettings {
    // "host:port" listen interfaces, comma-separated (libtorrent's syntax); port 0 picks one.
    std::string listenInterfaces = "0.0.0.0:0,[::]:0";
    bool dht = true;
    bool localDiscovery = true;
    int uploadLimit = 0; // bytes per second, 0 = unlimited
    int downloadLimit = 0;
    // Normal mode: stop seeding a title at this upload ratio (or after seedTimeLimit), as
    // qBittorrent does. Full-seeding mode ignores both.
    double seedRatioLimit = 2.0;
    std::uint32_t seedTimeLimitMinutes = 0; // 0 = no limit
    bool fullSeeding = false;
    // Try the obfuscated (RC4) handshake first on outgoing connections, as qBittorrent's
    // "allow encryption" does. Content is end-to-end encrypted anyway; this only hides the
    // protocol from traffic shapers. Incoming connections may use either.
    bool obfuscateOutgoing = true;
    // uTP (BitTorrent over UDP, BEP 29) besides TCP. Its congestion control yields to the user's
    // other traffic on a home link, but it costs CPU and is slower than TCP on a fast LAN or
    // loopback, so benchmarks and tests that measure TCP throughput turn it off.
    bool utp = true;
    // Where resume data is kept (`<dir>/<v2 infohash hex>.resume`), so a restart picks a download
    // up where it stopped instead of checking or fetching its pieces again: saved every
    // half minute for torrents that changed, and for all of them when the swarm shuts down. Empty:
    // none kept (callers may still pass TorrentSource::resumeData).
    std::filesystem::path resumeDirectory;
};

// One torrent to add. A permissioned torrent (a title's content) is guarded by the ls_permit
// gate and waits in the normal-mode queue (active downloads and seeds, ratio limits); a public one
// (a title's metadata, a few KiB) is served to any BitTorrent client and never queued: waiting
// for a queue slot would only hide a title's description, in Discover, behind other downloads.
struct TorrentSource {
    Hash256 infohash {}; // v2 (SHA-256) infohash, as the chain records it
    Bytes torrentFile; // the bencoded .torrent, when known; else fetched from peers by infohash
    std::filesystem::path savePath; // directory the file is (or will be) in
    bool permissioned = true;
    // The file on disk is known good (the author just hashed it into the torrent): seed at once
    // without re-reading it. Pieces are still checked when a peer disputes them.
    bool knownComplete = false;
    // From an earlier run (Swarm::resumeDataSaved), if any; when empty, the resume directory's
    // file for this infohash is used if there is one.
    Bytes resumeData;
    // Peers to try from the start, as "host:port" (connected the moment the torrent starts,
    // rather than on a later pass over its peer list).
    std::vector<std::string> peers;
};

struct TorrentStatus {
    enum class State { Adding, Checking, FetchingMetadata, Downloading, Seeding, Stopped, Failed };
    Hash256 infohash {};
    State state = State::Adding;
    double progress = 0; // 0…1
    std::uint64_t totalDone = 0;
    std::uint64_t totalWanted = 0;
    int downloadRate = 0; // payload bytes per second
    int uploadRate = 0;
    std::uint64_t totalUploaded = 0; // payload, this session
    std::uint64_t totalDownloaded = 0;
    std::uint64_t allTimeUploaded = 0; // payload, across restarts (kept in the resume data)
    std::uint64_t allTimeDownloaded = 0;
    int peers = 0;
    std::string name; // file name from the torrent, once known
    std::string error;
    bool permissioned = true;
    // Queued by the normal-mode limits (active seeds, ratio); false in full-seeding mode, where
    // every title seeds regardless.
    bool autoManaged = true;
};

struct CreatedTorrent {
    Hash256 infohash {}; // v2
    Bytes torrentFile;
    std::uint32_t pieceSize = 0;
};

} // namespace ls::swarm
