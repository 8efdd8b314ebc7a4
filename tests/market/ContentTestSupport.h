#pragma once

// People with real profiles for the content tests: each has a wallet (quick key file), a light
// client and the market over the real `lightstreams-node --dev`, and — once unlocked — a
// ContentSession with its real library database and a real libtorrent swarm on 127.0.0.1
// (no DHT, no local discovery: peers are named explicitly).
#include "core/codec/UInt256.h"
#include "core/crypto/Random.h"
#include "core/light/LightChain.h"
#include "core/market/ChainMarket.h"
#include "core/market/ContentSession.h"
#include "core/market/ContentUnlock.h"
#include "core/wallet/KeystoreWallet.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "tests/support/DevNetwork.h"
#include <memory>
#include <optional>
#include <string>

namespace ls::testing {

inline constexpr int kContentWaitMs = 120'000;
inline constexpr std::string_view kContentPassphrase = "correct horse battery staple";

inline std::string baseUnits(std::string_view pht)
{
    return codec::parseUnits(pht).value().toDecimalString();
}

inline crypto::SecretBytes secret(std::string_view text = kContentPassphrase)
{
    return crypto::SecretBytes(asBytes(text));
}

// Waits for a callback-style call and returns its result.
template <typename T, typename Call> Result<T> await(Call call, int timeoutMs = kContentWaitMs)
{
    std::optional<Result<T>> result;
    auto handle = call([&](Result<T> value) { result = std::move(value); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, timeoutMs))
        return fail(ErrorKind::Internal, "timed out");
    return std::move(*result);
}

inline swarm::SwarmSettings loopbackSwarm()
{
    swarm::SwarmSettings settings;
    settings.listenInterfaces = "127.0.0.1:0";
    settings.dht = false;
    settings.localDiscovery = false;
    return settings;
}

inline Bytes fileBytes(const std::filesystem::path& path)
{
    QFile file(QString::fromStdString(path.string()));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray data = file.readAll();
    return Bytes(data.begin(), data.end());
}

inline bool writeBytes(const std::filesystem::path& path, ByteView bytes)
{
    QFile file(QString::fromStdString(path.string()));
    return file.open(QIODevice::WriteOnly)
        && file.write(
               reinterpret_cast<const char*>(bytes.data()), static_cast<qint64>(bytes.size()))
        == static_cast<qint64>(bytes.size());
}

class ContentUser {
public:
    // `strength`: Light keeps tests quick; a benchmark that times signing uses the app's.
    ContentUser(const protocol::NetworkProfile& network,
        std::optional<std::string_view> phrase = {},
        api::KeyFileStrength strength = api::KeyFileStrength::Light)
        : m_wallet(profile() / "wallet.json")
        , m_chain(network, profile() / "headers.db")
        , m_market(m_chain, m_wallet)
    {
        if (phrase)
            address = m_wallet.importPhrase(*phrase, kContentPassphrase, strength).value();
        else
            address = m_wallet.create(kContentPassphrase, 12, strength)->address;
    }

    ~ContentUser() { close(); }

    std::filesystem::path profile() const { return m_dir.path().toStdString(); }
    api::Chain& chain() { return m_chain; }
    api::Market& market() { return m_market; }
    api::Wallet& wallet() { return m_wallet; }

    // Unlocks library and account and starts the session (the swarm listens from here on).
    Result<void> open(market::PublishInterruption interruption = {})
    {
        auto unlocked = market::unlockContent(
            profile(), profile() / "wallet.json", asBytes(kContentPassphrase));
        if (!unlocked)
            return std::unexpected(unlocked.error());
        market::ContentSessionOptions options;
        options.swarm = loopbackSwarm();
        options.interruption = std::move(interruption);
        m_session = std::make_unique<market::ContentSession>(
            profile(), std::move(*unlocked), m_chain, m_market, options);
        // What the gates did, in the test log: the first thing to read when a test fails.
        QObject::connect(&m_session->swarm(), &swarm::Swarm::permitEvent,
            [who = address.substr(0, 8)](const Hash256&, const QString& event) {
                qInfo("%s: %s", who.c_str(), qPrintable(event));
            });
        return {};
    }
    // Shuts the session down (the swarm stops serving), as quitting the app does.
    void close() { m_session.reset(); }

    market::ContentSession& session() { return *m_session; }
    api::Library& library() { return m_session->library(); }
    api::Studio& studio() { return m_session->studio(); }
    std::string peerAddress() const
    {
        return "127.0.0.1:" + std::to_string(m_session->swarm().listenPort());
    }

    api::Purchase buy(std::uint64_t titleId)
    {
        return await<api::Purchase>([&](auto done) {
            return m_market.buy(titleId, secret(), nullptr, done);
        }).value();
    }

    Result<api::PublishedVersion> publish(
        const api::PublishRequest& request, std::vector<api::PublishProgress>* progress = nullptr)
    {
        return await<api::PublishedVersion>([&](auto done) {
            return studio().publish(
                request, secret(),
                [progress](const api::PublishProgress& p) {
                    if (progress)
                        progress->push_back(p);
                },
                done);
        });
    }

    Result<api::FetchedVersion> fetch(std::uint64_t titleId,
        std::optional<std::uint32_t> version = std::nullopt,
        std::vector<api::FetchProgress>* progress = nullptr)
    {
        return await<api::FetchedVersion>([&](auto done) {
            return library().fetch(
                titleId, version,
                [progress, who = address.substr(0, 8)](const api::FetchProgress& p) {
                    if (!p.note.empty())
                        qInfo("%s fetch: %s", who.c_str(), p.note.c_str());
                    if (progress)
                        progress->push_back(p);
                },
                done);
        });
    }

    // The plaintext of a fetched version, read through api::Library::open in odd-sized pieces.
    Result<Bytes> read(std::uint64_t titleId, std::uint32_t version)
    {
        auto content = library().open(titleId, version);
        if (!content)
            return std::unexpected(content.error());
        Bytes out((*content)->size());
        constexpr std::size_t kStep = 100'003;
        for (std::size_t offset = 0; offset < out.size(); offset += kStep) {
            const std::size_t n = std::min(kStep, out.size() - offset);
            if (auto ok = (*content)->read(offset, { out.data() + offset, n }); !ok)
                return std::unexpected(ok.error());
        }
        return out;
    }

    std::optional<api::TitleInfo> title(std::uint64_t titleId)
    {
        [[maybe_unused]] auto height
            = await<std::uint64_t>([&](auto done) { return m_chain.update(done); });
        auto title = await<std::optional<api::TitleInfo>>(
            [&](auto done) { return m_chain.title(titleId, done); });
        return title ? *title : std::nullopt;
    }

    std::string address;

private:
    QTemporaryDir m_dir;
    wallet::KeystoreWallet m_wallet;
    light::LightChain m_chain;
    market::ChainMarket m_market;
    std::unique_ptr<market::ContentSession> m_session;
};

// Funds `to` from the dev network's rich account.
inline bool fund(ContentUser& dev, const std::string& to, std::string_view pht = "100")
{
    auto sent = await<api::TransactionConfirmation>(
        [&](auto done) { return dev.market().send(to, baseUnits(pht), secret(), nullptr, done); });
    return sent && sent->succeeded;
}

// A PNG image: the signature and an IHDR chunk are all the cover check reads.
inline Bytes tinyPng()
{
    Bytes png = { 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0,
        0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89 };
    return png;
}

} // namespace ls::testing
