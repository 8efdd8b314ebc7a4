#pragma once

#include "core/swarm/SwarmTypes.h"
#include "core/util/Error.h"

#include <QObject>
#include <QString>

#include <optional>
#include <vector>

namespace ls::swarm {

// The BitTorrent side of the app (DESIGN.md §4), with libtorrent hidden behind it (qBittorrent's
// Session / SessionImpl split). Lives on one thread with an event loop, its owner; every call
// returns at once and outcomes arrive as signals on that thread.
class Swarm : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    ~Swarm() override = default;

    // The TCP port peers reach us on (after start-up; 0 before).
    virtual std::uint16_t listenPort() const = 0;
    virtual void applySettings(const SwarmSettings& settings) = 0;

    // Adds a torrent to download or seed; torrentAdded or torrentFailed follows.
    virtual Result<void> add(TorrentSource source) = 0;
    virtual void remove(const Hash256& infohash, bool deleteFiles) = 0;
    // Connects to a peer at "host:port" (tests, and peers learnt outside DHT/LSD).
    virtual void connectPeer(const Hash256& infohash, const std::string& hostPort) = 0;

    virtual std::optional<TorrentStatus> status(const Hash256& infohash) const = 0;
    virtual std::vector<TorrentStatus> torrents() const = 0;
    // The torrent's layout, once its metadata is known: where its one file is (or will be) on
    // disk, its full size and its piece size. Thread-safe, like havePiece and prioritize: stream
    // readers (TorrentContainerSource) call them from their own threads.
    virtual std::optional<std::filesystem::path> filePath(const Hash256& infohash) const = 0;
    virtual std::optional<std::uint64_t> fileSize(const Hash256& infohash) const = 0;
    virtual std::optional<std::uint32_t> pieceSize(const Hash256& infohash) const = 0;
    // Whether a piece is verified and written to the file, so reading it from disk is safe.
    virtual bool havePiece(const Hash256& infohash, std::uint32_t piece) const = 0;
    // Asks for pieces first, in order, within `milliseconds` (streaming read-ahead).
    virtual void prioritize(const Hash256& infohash, std::uint32_t firstPiece,
        std::uint32_t lastPiece, int milliseconds)
        = 0;
    // Forgets every deadline prioritize() set. A stream calls it when it jumps elsewhere: the
    // next deadline then also cancels the requests already sent for other pieces (libtorrent does
    // so when its first time-critical piece arrives), so the new position does not wait behind
    // seconds of queued requests on a slow link.
    virtual void clearPriorities(const Hash256& infohash) = 0;

    // Asks every granted peer of the torrent for the title key until keyWanted(…, false).
    virtual void setKeyWanted(const Hash256& infohash, bool wanted) = 0;
    virtual bool keyWanted(const Hash256& infohash) const = 0;
    // Asks libtorrent for resume data of every torrent (resumeDataSaved follows for each).
    virtual void saveResumeData() = 0;

Q_SIGNALS:
    void torrentAdded(const ls::Hash256& infohash);
    void torrentUpdated(const ls::swarm::TorrentStatus& status);
    // Complete and on disk: every piece verified and written to the file.
    void torrentFinished(const ls::Hash256& infohash);
    void torrentFailed(const ls::Hash256& infohash, const QString& error);
    void resumeDataSaved(const ls::Hash256& infohash, const ls::Bytes& resumeData);
    // A sealed title key from `account`; check it against the chain's commitment before use.
    void titleKeyArrived(
        const ls::Hash256& infohash, const QString& account, const ls::FixedBytes<80>& sealedKey);
    // Permission events: refusals, disconnects and why.
    void permitEvent(const ls::Hash256& infohash, const QString& event);
};

} // namespace ls::swarm
