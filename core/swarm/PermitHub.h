#pragma once

#include "core/crypto/Address.h"
#include "core/crypto/Secp256k1.h"
#include "core/swarm/PermitMessages.h"
#include "core/util/Bytes.h"

#include <QObject>

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ls::swarm {

struct PermitDecision {
    bool granted = false;
    std::string reason; // why not, for the peer and the logs
};

// What the permission gates (on libtorrent's network thread) and the swarm (on its owner
// thread) share. The gates never wait: they read decisions already made, and hand questions to
// the owner thread through queued calls; the owner answers by recording a decision or a message
// and waking the torrent's gate (LibtorrentSwarm::wakeGate).
class PermitHub {
public:
    static constexpr std::chrono::milliseconds kRefusalLifetime { 30'000 };

    struct Owner {
        QObject* context = nullptr; // questions are queued to this object's thread
        // May `account` receive this torrent's pieces? Answer with decide().
        std::function<void(const Hash256& infohash, const crypto::Address& account)> authorize;
        // `account` (granted) asks us for the title key; answer with sendMessage().
        std::function<void(
            const Hash256& infohash, const crypto::Address& account, std::uint64_t connection)>
            keyRequested;
        // A sealed title key arrived from `account`.
        std::function<void(const Hash256& infohash, const crypto::Address& account,
            const FixedBytes<80>& sealedKey)>
            keyDelivered;
        // Something the user (or a test) may want to know: a refusal, a disconnect and why.
        std::function<void(const Hash256& infohash, const std::string& event)> event;
    };

    PermitHub(std::uint64_t chainId, crypto::PrivateKey signingKey, Owner owner);

    std::uint64_t chainId() const { return m_chainId; }
    const crypto::PrivateKey& signingKey() const { return m_signingKey; }
    const crypto::Address& account() const { return m_account; }

    // --- network thread --------------------------------------------------------------------
    std::optional<PermitDecision> decision(const Hash256& infohash, const crypto::Address& peer);
    // Asks the owner once per (torrent, account) until it decides.
    void requestDecision(const Hash256& infohash, const crypto::Address& peer);
    void requestKey(const Hash256& infohash, const crypto::Address& peer, std::uint64_t connection);
    void deliverKey(
        const Hash256& infohash, const crypto::Address& peer, const FixedBytes<80>& sealedKey);
    void report(const Hash256& infohash, std::string event);
    std::vector<PermitMessage> takeMessages(std::uint64_t connection);
    bool wantsKey(const Hash256& infohash);
    std::uint64_t newConnectionId();

    // --- owner thread ----------------------------------------------------------------------
    void decide(const Hash256& infohash, const crypto::Address& peer, PermitDecision decision);
    void sendMessage(std::uint64_t connection, PermitMessage message);
    void setWantsKey(const Hash256& infohash, bool wanted);
    // How long a refusal stands before the owner is asked again (default kRefusalLifetime).
    void setRefusalLifetime(std::chrono::milliseconds lifetime);
    // Forgets decisions for a torrent (e.g. after a licence check should be repeated).
    void forget(const Hash256& infohash);

private:
    using Key = std::pair<Hash256, crypto::Address>;
    struct Decided {
        PermitDecision decision;
        std::chrono::steady_clock::time_point decidedAt;
    };
    template <typename F> void post(F function);

    const std::uint64_t m_chainId;
    const crypto::PrivateKey m_signingKey;
    const crypto::Address m_account;
    Owner m_owner;

    std::mutex m_mutex; // guards everything below
    std::map<Key, Decided> m_decisions;
    std::chrono::milliseconds m_refusalLifetime = kRefusalLifetime;
    std::set<Key> m_asked;
    std::map<std::uint64_t, std::vector<PermitMessage>> m_outbox;
    std::set<Hash256> m_wantedKeys;
    std::uint64_t m_nextConnection = 1;
};

} // namespace ls::swarm
