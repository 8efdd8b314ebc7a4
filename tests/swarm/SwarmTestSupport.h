#pragma once

// Real libtorrent sessions on 127.0.0.1 for the swarm tests: each peer has its own account key,
// directory and swarm. Whom a peer serves is decided by a table (TablePolicy), the seam where
// the app asks the chain; the market tests use the chain itself.
#include "core/crypto/Random.h"
#include "core/swarm/LibtorrentSwarm.h"
#include "core/swarm/PermitPolicy.h"
#include "core/swarm/TorrentMaker.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <memory>
#include <set>

namespace ls::testing {

inline constexpr std::uint64_t kSwarmChainId = 16300;

inline crypto::PrivateKey swarmKey(std::uint8_t byte)
{
    FixedBytes<32> bytes;
    bytes.fill(byte);
    return crypto::PrivateKey::fromBytes(bytes).value();
}

inline crypto::Address accountOf(const crypto::PrivateKey& key)
{
    return crypto::Address::fromPublicKey(key.publicKey());
}

class TablePolicy final : public swarm::PermitPolicy {
public:
    std::set<crypto::Address> granted;
    std::optional<FixedBytes<80>> sealedKey; // what we hand granted peers that ask
    int authorizations = 0;
    // How long the key takes to seal, as a chain check of the requester's licence does.
    std::chrono::milliseconds keyDelay { 0 };

    void authorize(const Hash256&, const crypto::Address& peer,
        std::function<void(swarm::PermitDecision)> done) override
    {
        ++authorizations;
        done(granted.contains(peer) ? swarm::PermitDecision { true, {} }
                                    : swarm::PermitDecision { false, "no licence" });
    }
    void sealTitleKey(const Hash256&, const crypto::Address&,
        std::function<void(Result<FixedBytes<80>>)> done) override
    {
        auto answer = [sealed = sealedKey, done = std::move(done)] {
            if (sealed)
                done(*sealed);
            else
                done(fail(ErrorKind::NotFound, "I do not hold this title's key"));
        };
        if (keyDelay.count() > 0)
            QTimer::singleShot(keyDelay, std::move(answer));
        else
            answer();
    }
};

inline swarm::SwarmSettings loopbackSettings()
{
    swarm::SwarmSettings settings;
    settings.listenInterfaces = "127.0.0.1:0";
    settings.dht = false;
    settings.localDiscovery = false;
    return settings;
}

class SwarmPeer {
public:
    explicit SwarmPeer(std::uint8_t keyByte, swarm::SwarmSettings settings = loopbackSettings())
        : key(swarmKey(keyByte))
        , account(accountOf(key))
        , swarm(settings, swarm::SwarmIdentity { kSwarmChainId, key }, policy)
    {
        // What the gates did, in the test log: the first thing to read when a test fails.
        QObject::connect(
            &swarm, &swarm::Swarm::permitEvent, [keyByte](const Hash256&, const QString& event) {
                qInfo("peer %d: %s", keyByte, qPrintable(event));
            });
    }

    std::filesystem::path directory() const { return m_dir.path().toStdString(); }
    std::string address() const { return "127.0.0.1:" + std::to_string(swarm.listenPort()); }

    crypto::PrivateKey key;
    crypto::Address account;
    TablePolicy policy;
    swarm::LibtorrentSwarm swarm;

private:
    QTemporaryDir m_dir;
};

inline Bytes randomFile(const std::filesystem::path& path, std::size_t size)
{
    Bytes bytes = crypto::randomBytes(size);
    QFile file(QString::fromStdString(path.string()));
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(reinterpret_cast<const char*>(bytes.data()), static_cast<qint64>(bytes.size()));
    return bytes;
}

inline Bytes readFile(const std::filesystem::path& path)
{
    QFile file(QString::fromStdString(path.string()));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray data = file.readAll();
    return Bytes(data.begin(), data.end());
}

} // namespace ls::testing
