#include "core/light/LightChain.h"

#include "core/codec/Hex.h"
#include "core/light/ActivityViews.h"
#include "core/light/ChainViews.h"

#include <QMetaObject>

#include <atomic>

namespace ls::light {

LightChain::LightChain(
    protocol::NetworkProfile profile, std::filesystem::path storePath, LightClientOptions options)
    : m_home(std::make_unique<QObject>())
{
    m_status.network = profile.name;
    m_status.chainId = profile.chainId;
    m_client = new LightClient(std::move(profile), std::move(storePath), options);
    m_thread.setObjectName(QStringLiteral("light client"));
    m_client->moveToThread(&m_thread);

    // These run on the service thread (the client is the context object).
    QObject::connect(m_client, &LightClient::statusChanged, m_client, [this] { refresh(); });
    QObject::connect(
        m_client, &LightClient::syncProgress, m_client, [this](quint64, quint64 target) {
            {
                std::lock_guard lock(m_mutex);
                m_status.syncTarget = target;
            }
            refresh();
        });
    QObject::connect(m_client, &LightClient::synced, m_client, [this](quint64) {
        {
            std::lock_guard lock(m_mutex);
            m_status.lastError.clear();
            m_status.syncTarget.reset();
        }
        refresh();
    });
    QObject::connect(m_client, &LightClient::syncFailed, m_client, [this](const QString& message) {
        {
            std::lock_guard lock(m_mutex);
            m_status.lastError = message.toStdString();
            m_status.syncTarget.reset();
        }
        refresh();
    });
    QObject::connect(m_client, &LightClient::syncCancelled, m_client, [this] {
        {
            std::lock_guard lock(m_mutex);
            m_status.syncTarget.reset();
        }
        refresh();
    });
    m_thread.start();
    QMetaObject::invokeMethod(
        m_client,
        [this] {
            if (auto opened = m_client->open(); !opened) {
                std::lock_guard lock(m_mutex);
                m_status.lastError = opened.error().message;
            }
            refresh();
        },
        Qt::QueuedConnection);
}

LightChain::~LightChain()
{
    *m_alive = false;
    // The client (its network calls, its store) ends on its own thread, then the thread stops.
    QMetaObject::invokeMethod(
        m_client, [client = m_client] { delete client; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

void LightChain::refresh()
{
    // Service thread: the client's state is read where it lives.
    {
        std::lock_guard lock(m_mutex);
        m_status.ready = m_client->isOpen();
        m_status.syncing = m_client->isSyncing();
        m_status.verifiedHeight = m_client->verifiedHeight();
        if (auto latest = m_client->latest()) {
            m_status.verifiedBlockHash = codec::toHex(latest->hash(), true);
            m_status.verifiedTimeMs = latest->header().timeMs;
        }
        m_status.endpoints.clear();
        for (const EndpointStatus& endpoint : m_client->endpoints())
            m_status.endpoints.push_back(endpointView(endpoint));
        m_status.alarms.clear();
        for (const ForkAlarm& alarm : m_client->alarms())
            m_status.alarms.push_back(alarmView(alarm));
    }
    QMetaObject::invokeMethod(
        m_home.get(), [this] { notify(); }, Qt::QueuedConnection);
}

void LightChain::notify()
{
    const api::ChainStatus snapshot = status();
    // Copy: a subscriber may unsubscribe (or subscribe) from its callback.
    auto subscribers = m_subscribers;
    for (const auto& [id, onChange] : subscribers)
        if (m_subscribers.contains(id))
            onChange(snapshot);
}

api::ChainStatus LightChain::status() const
{
    std::lock_guard lock(m_mutex);
    return m_status;
}

api::Chain::Handle LightChain::subscribeStatus(
    std::function<void(const api::ChainStatus&)> onChange)
{
    const std::uint64_t id = m_nextSubscriber++;
    m_subscribers.emplace(id, std::move(onChange));
    return Handle([this, id, alive = std::weak_ptr<bool>(m_alive)] {
        if (alive.lock())
            m_subscribers.erase(id);
    });
}

void LightChain::sync()
{
    QMetaObject::invokeMethod(
        m_client, [client = m_client] { client->sync(); }, Qt::QueuedConnection);
}

void LightChain::cancelSync()
{
    QMetaObject::invokeMethod(
        m_client, [client = m_client] { client->cancelSync(); }, Qt::QueuedConnection);
}

api::Chain::Handle LightChain::update(Callback<std::uint64_t> done)
{
    return post<std::uint64_t>(std::move(done), [](LightClient& client, auto reply) {
        // One outcome per call: whichever of the three signals comes first answers, and all
        // three connections go with it.
        auto connections = std::make_shared<std::vector<QMetaObject::Connection>>();
        auto answer = [connections, reply](Result<std::uint64_t> outcome) {
            for (const auto& connection : *connections)
                QObject::disconnect(connection);
            connections->clear();
            reply(std::move(outcome));
        };
        connections->push_back(QObject::connect(&client, &LightClient::synced, &client,
            [answer](quint64 height) { answer(std::uint64_t { height }); }));
        connections->push_back(QObject::connect(
            &client, &LightClient::syncFailed, &client, [answer](const QString& message) {
                answer(fail(ErrorKind::Io, message.toStdString()));
            }));
        connections->push_back(QObject::connect(&client, &LightClient::syncCancelled, &client,
            [answer] { answer(fail(ErrorKind::Io, "The sync was cancelled.")); }));
        client.sync();
    });
}

template <typename T, typename Run> api::Chain::Handle LightChain::post(Callback<T> done, Run run)
{
    auto live = std::make_shared<std::atomic<bool>>(true);
    QObject* home = m_home.get();
    // Runs on the service thread, carries the result home. `home` outlives every such call:
    // the destructor stops the service thread before m_home goes.
    auto reply = [live, home, done = std::move(done)](Result<T> result) {
        QMetaObject::invokeMethod(
            home,
            [live, done, result = std::move(result)]() mutable {
                if (live->exchange(false))
                    done(std::move(result));
            },
            Qt::QueuedConnection);
    };
    QMetaObject::invokeMethod(
        m_client,
        [client = m_client, run = std::move(run), reply = std::move(reply)]() mutable {
            run(*client, std::move(reply));
        },
        Qt::QueuedConnection);
    return Handle([live] { live->store(false); });
}

template <typename T> api::Chain::Handle LightChain::failLater(Callback<T> done, Error error)
{
    return post<T>(std::move(done),
        [error = std::move(error)](LightClient&, auto reply) { reply(std::unexpected(error)); });
}

api::Chain::Handle LightChain::account(std::string_view address, Callback<api::AccountInfo> done)
{
    auto parsed = crypto::Address::parse(address);
    if (!parsed)
        return failLater(std::move(done), parsed.error());
    return post<api::AccountInfo>(
        std::move(done), [who = *parsed](LightClient& client, auto reply) {
            client.account(who, [who, reply](Result<Verified<AccountRecord>> value) {
                if (!value)
                    return reply(std::unexpected(value.error()));
                reply(accountInfo(who, *value));
            });
        });
}

api::Chain::Handle LightChain::title(
    std::uint64_t titleId, Callback<std::optional<api::TitleInfo>> done)
{
    return post<std::optional<api::TitleInfo>>(
        std::move(done), [titleId](LightClient& client, auto reply) {
            client.title(
                titleId, [titleId, reply](Result<Verified<std::optional<TitleRecord>>> value) {
                    if (!value)
                        return reply(std::unexpected(value.error()));
                    if (!value->value)
                        return reply(std::optional<api::TitleInfo> {});
                    reply(std::optional(titleInfo(
                        titleId, *value->value, provenAt(value->height, value->blockHash))));
                });
        });
}

api::Chain::Handle LightChain::licence(
    std::uint64_t titleId, std::string_view buyer, Callback<std::optional<api::LicenceInfo>> done)
{
    auto parsed = crypto::Address::parse(buyer);
    if (!parsed)
        return failLater(std::move(done), parsed.error());
    return post<std::optional<api::LicenceInfo>>(
        std::move(done), [titleId, who = *parsed](LightClient& client, auto reply) {
            client.licence(titleId, who,
                [titleId, who, reply](Result<Verified<std::optional<LicenceRecord>>> value) {
                    if (!value)
                        return reply(std::unexpected(value.error()));
                    if (!value->value)
                        return reply(std::optional<api::LicenceInfo> {});
                    reply(std::optional(licenceInfo(
                        titleId, who, *value->value, provenAt(value->height, value->blockHash))));
                });
        });
}

api::Chain::Handle LightChain::version(
    std::uint64_t titleId, std::uint32_t number, Callback<std::optional<api::VersionInfo>> done)
{
    return post<std::optional<api::VersionInfo>>(
        std::move(done), [titleId, number](LightClient& client, auto reply) {
            client.version(titleId, number,
                [titleId, number, reply](Result<Verified<std::optional<VersionRecord>>> value) {
                    if (!value)
                        return reply(std::unexpected(value.error()));
                    if (!value->value)
                        return reply(std::optional<api::VersionInfo> {});
                    reply(std::optional(versionInfo(titleId, number, *value->value,
                        provenAt(value->height, value->blockHash))));
                });
        });
}

api::Chain::Handle LightChain::parameters(Callback<api::NetworkParameters> done)
{
    return post<api::NetworkParameters>(std::move(done), [](LightClient& client, auto reply) {
        client.parameters([&client, reply](Result<Verified<ChainParameters>> parameters) {
            if (!parameters)
                return reply(std::unexpected(parameters.error()));
            client.catalogCounters([parameters = parameters->value, reply](
                                       Result<Verified<CatalogCounters>> counters) {
                if (!counters)
                    return reply(std::unexpected(counters.error()));
                reply(networkParameters(
                    parameters, counters->value, provenAt(counters->height, counters->blockHash)));
            });
        });
    });
}

api::Chain::Handle LightChain::confirm(
    std::string_view txHash, Callback<api::TransactionConfirmation> done)
{
    auto hash = codec::fromHexFixed<32>(txHash);
    if (!hash)
        return failLater(std::move(done),
            Error { ErrorKind::InvalidInput,
                "Not a transaction hash (0x and 64 hex digits): " + hash.error().message });
    return post<api::TransactionConfirmation>(
        std::move(done), [hash = *hash](LightClient& client, auto reply) {
            client.confirm(hash, [reply](Result<ConfirmedTransaction> confirmed) {
                if (!confirmed)
                    return reply(std::unexpected(confirmed.error()));
                reply(confirmation(*confirmed));
            });
        });
}

api::Chain::Handle LightChain::activity(std::string_view address, std::uint64_t fromBlock,
    Callback<std::vector<api::AccountActivity>> done)
{
    auto parsed = crypto::Address::parse(address);
    if (!parsed)
        return failLater(std::move(done), parsed.error());
    using Entries = std::vector<api::AccountActivity>;
    return post<Entries>(
        std::move(done), [who = *parsed, fromBlock](LightClient& client, auto reply) {
            // Each sale's service fee is in its Purchased event: no parameters to read.
            client.activity(who, fromBlock,
                [who, fromBlock, reply](Result<std::vector<ConfirmedTransaction>> found) {
                    if (!found)
                        return reply(std::unexpected(found.error()));
                    reply(accountActivity(who, fromBlock, *found));
                });
        });
}

api::Chain::Handle LightChain::submit(Bytes rawTransaction, Callback<std::string> done)
{
    return post<std::string>(
        std::move(done), [raw = std::move(rawTransaction)](LightClient& client, auto reply) {
            client.submit(raw, [reply](Result<Hash256> hash) {
                if (!hash)
                    return reply(std::unexpected(hash.error()));
                reply(codec::toHex(*hash, true));
            });
        });
}

} // namespace ls::light
