#pragma once

#include "app/cli/ChainSession.h"
#include "app/cli/CommandContext.h"
#include "core/api/Library.h"
#include "core/api/Studio.h"
#include "core/crypto/SecureMemory.h"

#include <QCommandLineOption>
#include <QCommandLineParser>

#include <memory>

namespace ls::market {
class ContentSession;
}

namespace ls::cli {

// What the content commands (publish, add-version, fetch, seed, library) share: the chain
// session, the one passphrase that unlocks both the wallet and the library, and the profile's
// content session — library database plus a swarm that listens for peers (--listen, default
// every interface; --no-discovery turns DHT and local discovery off) and dials the --peer
// endpoints given.
class ContentCommandSession {
public:
    // The options every content command takes; add them to its parser.
    struct Options {
        QCommandLineOption passphraseFile = passphraseFileOption();
        QCommandLineOption peer { QStringLiteral("peer"),
            QStringLiteral("Also try the peer at HOST:PORT (repeatable)."),
            QStringLiteral("HOST:PORT") };
        QCommandLineOption listen { QStringLiteral("listen"),
            QStringLiteral("Listen for peers on IFACES (libtorrent's syntax, e.g. "
                           "127.0.0.1:6881; default: every interface, any port)."),
            QStringLiteral("IFACES") };
        QCommandLineOption noDiscovery { QStringLiteral("no-discovery"),
            QStringLiteral("No DHT and no local peer discovery: only --peer endpoints.") };
        void addTo(QCommandLineParser& parser) const
        {
            parser.addOptions({ passphraseFile, peer, listen, noDiscovery });
        }
    };

    // Asks for the passphrase once, unlocks wallet key and library with it, starts the swarm.
    // A command that does not talk to peers (`library`) passes `swarm = false`: its swarm then
    // only listens on loopback and discovers nobody.
    static Result<std::unique_ptr<ContentCommandSession>> open(const CommandContext& context,
        const QCommandLineParser& parser, const Options& options, bool swarm = true);
    ~ContentCommandSession();

    ChainSession& chain() { return *m_chain; }
    api::Library& library();
    api::Studio& studio();
    market::ContentSession& content() { return *m_content; }
    const crypto::SecretBytes& passphrase() const { return m_passphrase; }
    std::uint16_t listenPort() const;

    // Runs the event loop until SIGINT or SIGTERM, serving peers meanwhile.
    void serveUntilStopped();

private:
    ContentCommandSession() = default;

    std::unique_ptr<ChainSession> m_chain;
    crypto::SecretBytes m_passphrase;
    std::unique_ptr<market::ContentSession> m_content;
};

} // namespace ls::cli
