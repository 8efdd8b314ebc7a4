#pragma once

#include "core/crypto/Secp256k1.h"
#include "core/swarm/PermitPolicy.h"
#include "core/swarm/Swarm.h"

#include <QTimer>

#include <memory>

namespace ls::swarm {

// Who we are on the swarm: the account our permit proofs name, on which network.
struct SwarmIdentity {
    std::uint64_t chainId = 0;
    crypto::PrivateKey accountKey;
};

// Swarm over one lt::session. Alerts are marshalled to the owner thread (set_alert_notify posts
// a queued call that pops and dispatches them), status comes from post_torrent_updates every
// half second, and permissioned torrents carry the ls_permit gate (PermitGate.h), which asks
// `policy` through a PermitHub. With a resume directory (SwarmSettings), resume data is saved
// there every half minute for torrents that changed, and for all of them on destruction, which
// pauses the session and waits (a few seconds at most) until libtorrent has written it.
class LibtorrentSwarm final : public Swarm {
    Q_OBJECT

public:
    LibtorrentSwarm(SwarmSettings settings, SwarmIdentity identity, PermitPolicy& policy,
        QObject* parent = nullptr);
    ~LibtorrentSwarm() override;

    std::uint16_t listenPort() const override;
    void applySettings(const SwarmSettings& settings) override;
    Result<void> add(TorrentSource source) override;
    void remove(const Hash256& infohash, bool deleteFiles) override;
    void connectPeer(const Hash256& infohash, const std::string& hostPort) override;
    std::optional<TorrentStatus> status(const Hash256& infohash) const override;
    std::vector<TorrentStatus> torrents() const override;
    std::optional<std::filesystem::path> filePath(const Hash256& infohash) const override;
    std::optional<std::uint64_t> fileSize(const Hash256& infohash) const override;
    std::optional<std::uint32_t> pieceSize(const Hash256& infohash) const override;
    bool havePiece(const Hash256& infohash, std::uint32_t piece) const override;
    void prioritize(const Hash256& infohash, std::uint32_t firstPiece, std::uint32_t lastPiece,
        int milliseconds) override;
    void clearPriorities(const Hash256& infohash) override;
    void setKeyWanted(const Hash256& infohash, bool wanted) override;
    bool keyWanted(const Hash256& infohash) const override;
    void saveResumeData() override;

private:
    // Everything that names libtorrent types lives in the .cpp, so including this header needs
    // nothing of libtorrent.
    struct Impl;
    void drainAlerts();
    void requestResumeData(bool onlyIfModified);
    void saveResumeDataBeforeShutdown();
    void onAuthorize(const Hash256& infohash, const crypto::Address& peer);
    void onKeyRequested(
        const Hash256& infohash, const crypto::Address& peer, std::uint64_t connection);

    PermitPolicy& m_policy;
    std::unique_ptr<Impl> d;
    QTimer m_statusTimer;
    QTimer m_resumeTimer;
};

} // namespace ls::swarm
