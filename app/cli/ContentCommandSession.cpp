#include "app/cli/ContentCommandSession.h"

#include "app/cli/SecretInput.h"
#include "app/cli/StopSignals.h"
#include "core/market/ContentSession.h"
#include "core/market/ContentUnlock.h"

#include <QEventLoop>

namespace ls::cli {

Result<std::unique_ptr<ContentCommandSession>> ContentCommandSession::open(
    const CommandContext& context, const QCommandLineParser& parser, const Options& options,
    bool swarm)
{
    std::unique_ptr<ContentCommandSession> session(new ContentCommandSession());
    auto chain = ChainSession::open(context);
    if (!chain)
        return std::unexpected(chain.error());
    session->m_chain = std::move(*chain);
    if (auto own = session->m_chain->walletAddress(); !own)
        return std::unexpected(own.error());
    auto passphrase = SecretInput().read("Wallet passphrase: ",
        parser.isSet(options.passphraseFile) ? std::optional(parser.value(options.passphraseFile))
                                             : std::nullopt);
    if (!passphrase)
        return std::unexpected(passphrase.error());
    session->m_passphrase = std::move(*passphrase);
    auto unlocked = market::unlockContent(
        context.profile.directory(), context.profile.keystoreFile(), session->m_passphrase.view());
    if (!unlocked)
        return std::unexpected(unlocked.error());

    market::ContentSessionOptions content;
    if (parser.isSet(options.listen))
        content.swarm.listenInterfaces = parser.value(options.listen).toStdString();
    if (!swarm)
        content.swarm.listenInterfaces = "127.0.0.1:0";
    if (!swarm || parser.isSet(options.noDiscovery)) {
        content.swarm.dht = false;
        content.swarm.localDiscovery = false;
    }
    session->m_content = std::make_unique<market::ContentSession>(context.profile.directory(),
        std::move(*unlocked), session->m_chain->chain(), session->m_chain->market(),
        std::move(content));
    for (const QString& peer : parser.values(options.peer))
        session->library().addPeer(peer.toStdString());
    return session;
}

// The content session goes first: it uses the chain session's chain and market.
ContentCommandSession::~ContentCommandSession()
{
    m_content.reset();
}

api::Library& ContentCommandSession::library()
{
    return m_content->library();
}
api::Studio& ContentCommandSession::studio()
{
    return m_content->studio();
}
std::uint16_t ContentCommandSession::listenPort() const
{
    return m_content->swarm().listenPort();
}

void ContentCommandSession::serveUntilStopped()
{
    QEventLoop loop;
    StopSignals stop([&] { loop.quit(); });
    loop.exec();
}

} // namespace ls::cli
