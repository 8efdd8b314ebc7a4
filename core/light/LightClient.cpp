#include "core/light/LightClient.h"

#include "core/codec/Hex.h"
#include "core/light/ForkCheck.h"
#include "core/light/ProofChecks.h"

#include <QTimer>

#include <system_error>

namespace ls::light {
namespace {

QString text(const std::string& value)
{
    return QString::fromStdString(value);
}

Error fromRpc(const RpcError& error)
{
    return error.toError();
}

} // namespace

LightClient::LightClient(protocol::NetworkProfile profile, std::filesystem::path storePath,
    LightClientOptions options, QObject* parent)
    : QObject(parent)
    , m_profile(std::move(profile))
    , m_storePath(std::move(storePath))
    , m_options(options)
{
    for (std::size_t i = 0; i < m_profile.endpoints.size(); ++i) {
        // Children, so moveToThread() takes them (and their network managers) along; the
        // unique_ptrs delete them before ~QObject would.
        m_clients.push_back(std::make_unique<RpcClient>(
            QUrl(text(m_profile.endpoints[i]), QUrl::StrictMode), m_options.rpc, this));
        m_status.push_back({ m_profile.endpoints[i], i == 0, EndpointStatus::State::Unknown, {} });
    }
}

LightClient::~LightClient()
{
    if (m_sync)
        m_sync->cancel();
    for (const auto& job : m_jobs)
        job->cancel();
    m_clients.clear(); // drops every pending call before the store goes
}

Result<void> LightClient::open()
{
    if (m_store)
        return {};
    if (m_clients.empty())
        return fail(ErrorKind::InvalidInput, "The network profile names no endpoint.");
    std::error_code ignored;
    if (m_storePath.has_parent_path())
        std::filesystem::create_directories(m_storePath.parent_path(), ignored);
    auto store = HeaderStore::open(m_storePath, m_profile.chainId, m_profile.genesisHash);
    if (!store)
        return std::unexpected(store.error());
    m_store = std::make_unique<HeaderStore>(std::move(*store));
    return {};
}

std::optional<std::uint64_t> LightClient::verifiedHeight() const
{
    if (!m_store || !m_store->latest())
        return std::nullopt;
    return m_store->latest()->height();
}

std::optional<TrustedState> LightClient::latest() const
{
    if (!m_store)
        return std::nullopt;
    return m_store->latest();
}

std::size_t LightClient::primaryIndex() const
{
    using State = EndpointStatus::State;
    // The profile's order is the user's preference: the first endpoint in good standing, else
    // the first unreachable one (it may be back), and only if nothing else is left a faulty one.
    for (std::size_t i = 0; i < m_status.size(); ++i)
        if (m_status[i].state != State::Unreachable && m_status[i].state != State::Faulty
            && m_status[i].state != State::Forked)
            return i;
    for (std::size_t i = 0; i < m_status.size(); ++i)
        if (m_status[i].state == State::Unreachable)
            return i;
    return 0;
}

Error LightClient::blameEndpoint(std::size_t index, Error error)
{
    // A proof that does not verify is the server's lie (or its bug), never the user's: stop
    // asking it while another endpoint is in good standing, and say so.
    if (error.kind == ErrorKind::Verification && index < m_status.size()) {
        setStatus(index, EndpointStatus::State::Faulty, error.message);
        if (primaryIndex() != index)
            error.message += " (" + endpointName(index) + " is marked faulty; the next read asks "
                + endpointName(primaryIndex()) + ")";
    }
    return error;
}

void LightClient::setStatus(std::size_t index, EndpointStatus::State state, std::string detail)
{
    EndpointStatus& status = m_status.at(index);
    const bool becameFaulty
        = state == EndpointStatus::State::Faulty && status.state != EndpointStatus::State::Faulty;
    status.state = state;
    status.detail = std::move(detail);
    const std::size_t primaryNow = primaryIndex();
    for (std::size_t i = 0; i < m_status.size(); ++i)
        m_status[i].primary = i == primaryNow;
    if (becameFaulty)
        Q_EMIT endpointFaulty(text(status.url), text(status.detail));
    Q_EMIT statusChanged();
}

template <typename T> void LightClient::later(Reply<T> done, Result<T> value)
{
    // Callbacks never run inside the call that asked for them.
    QTimer::singleShot(0, this,
        [done = std::move(done), value = std::move(value)]() mutable { done(std::move(value)); });
}

void LightClient::sync()
{
    if (!m_store) {
        QTimer::singleShot(0, this, [this] {
            Q_EMIT syncFailed(QStringLiteral("The light client's header store is not open."));
        });
        return;
    }
    if (m_sync)
        return; // already running; its outcome will be reported
    const std::size_t source = primaryIndex();
    m_sync = HeaderSync::start(
        *m_store, *m_clients[source], std::nullopt, m_options.sequentialWindow,
        [this](std::uint64_t verified, std::uint64_t target) {
            Q_EMIT syncProgress(verified, target);
            Q_EMIT statusChanged();
        },
        [this, source](std::expected<TrustedState, SyncFailure> outcome) {
            onSyncDone(source, std::move(outcome));
        });
}

void LightClient::cancelSync()
{
    if (!m_sync)
        return;
    m_sync->cancel();
    m_sync.reset();
    Q_EMIT syncCancelled();
}

void LightClient::onSyncDone(std::size_t source, std::expected<TrustedState, SyncFailure> outcome)
{
    m_sync.reset();
    using State = EndpointStatus::State;
    if (!outcome) {
        SyncFailure& failure = outcome.error();
        switch (failure.cause) {
        case SyncFailure::Cause::Unreachable:
            setStatus(source, State::Unreachable, failure.message);
            break;
        case SyncFailure::Cause::Faulty:
            setStatus(source, State::Faulty, failure.message);
            break;
        case SyncFailure::Cause::Conflict: {
            const std::uint64_t height = failure.conflicting->header.height;
            auto stored = m_store->at(height);
            if (stored && *stored) {
                auto verdict = crossCheck(**stored, *failure.conflicting);
                raiseAlarm({ height,
                    m_lastSource ? endpointName(*m_lastSource) : std::string("this computer"),
                    endpointName(source), (*stored)->block(), *failure.conflicting,
                    verdict.doubleSigners, failure.message });
            }
            setStatus(source, State::Forked, failure.message);
            break;
        }
        case SyncFailure::Cause::Storage:
            break;
        }
        Q_EMIT syncFailed(text(failure.message));
        return;
    }
    m_lastSource = source;
    const TrustedState newest = *m_store->latest();
    setStatus(source, State::Agrees, "verified up to height " + std::to_string(newest.height()));
    Q_EMIT synced(newest.height());
    crossCheckAll(newest, source);
}

void LightClient::crossCheckAll(const TrustedState& verified, std::size_t source)
{
    const std::uint64_t round = ++m_crossCheckRound;
    auto remaining = std::make_shared<std::size_t>(m_clients.size() - 1);
    if (*remaining == 0) {
        Q_EMIT crossCheckFinished(verified.height());
        return;
    }
    using State = EndpointStatus::State;
    for (std::size_t i = 0; i < m_clients.size(); ++i) {
        if (i == source)
            continue;
        m_clients[i]->getLightBlock(verified.height(),
            [this, i, source, round, remaining, verified](RpcResult<protocol::LightBlock> block) {
                if (round != m_crossCheckRound)
                    return; // a newer round supersedes this one
                const std::string height = std::to_string(verified.height());
                if (!block) {
                    const RpcError& error = block.error();
                    if (error.kind == RpcError::Kind::Malformed)
                        setStatus(i, State::Faulty, error.message);
                    else if (error.kind == RpcError::Kind::Server)
                        setStatus(i, State::Behind,
                            "does not serve height " + height + " (" + error.message + ")");
                    else
                        setStatus(i, State::Unreachable, error.message);
                } else {
                    const CrossCheckVerdict verdict = crossCheck(verified, *block);
                    switch (verdict.kind) {
                    case CrossCheckVerdict::Kind::Agrees:
                        setStatus(i, State::Agrees, "agrees at height " + height);
                        break;
                    case CrossCheckVerdict::Kind::Faulty:
                        setStatus(i, State::Faulty, verdict.reason);
                        break;
                    case CrossCheckVerdict::Kind::Fork:
                        raiseAlarm({ verified.height(), endpointName(source), endpointName(i),
                            verified.block(), *block, verdict.doubleSigners,
                            "Fork at height " + height + ": " + endpointName(i) + " "
                                + verdict.reason });
                        setStatus(i, State::Forked, verdict.reason);
                        break;
                    }
                }
                if (--*remaining == 0)
                    Q_EMIT crossCheckFinished(verified.height());
            });
    }
}

void LightClient::raiseAlarm(ForkAlarm alarm)
{
    const Hash256 theirs = alarm.conflicting.header.hash();
    for (const ForkAlarm& known : m_alarms)
        if (known.height == alarm.height && known.conflicting.header.hash() == theirs)
            return;
    m_alarms.push_back(std::move(alarm));
    Q_EMIT alarmRaised(text(m_alarms.back().summary));
    Q_EMIT statusChanged();
}

template <typename T, typename Decode>
void LightClient::readEntry(
    const StateKey& key, std::string what, Decode decode, Reply<Verified<T>> done)
{
    if (!m_store)
        return later<Verified<T>>(std::move(done),
            fail(ErrorKind::NotFound, "The light client's header store is not open."));
    if (!m_store->latest())
        return later<Verified<T>>(std::move(done),
            fail(ErrorKind::NotFound,
                "The light client has not verified any block yet: sync first."));
    const TrustedState at = *m_store->latest();
    const std::size_t source = primaryIndex();
    primary().getStateProof(at.height(), key.ns, key.key,
        [this, source, at, key, what = std::move(what), decode = std::move(decode),
            done = std::move(done)](RpcResult<StateProofInfo> info) {
            if (!info)
                return done(std::unexpected(fromRpc(info.error())));
            auto value = checkStateProof(at, key, *info, what);
            if (!value)
                return done(std::unexpected(blameEndpoint(source, value.error())));
            Result<T> decoded = decode(*value);
            if (!decoded)
                return done(fail(ErrorKind::Verification,
                    "The proven " + what + " entry at height " + std::to_string(at.height())
                        + " does not decode: " + decoded.error().message));
            done(Verified<T> { std::move(*decoded), at.height(), at.hash() });
        });
}

void LightClient::account(const crypto::Address& address, Reply<Verified<AccountRecord>> done)
{
    readEntry<AccountRecord>(
        StateKey::account(address), "balance",
        [](const std::optional<Bytes>& value) -> Result<AccountRecord> {
            return value ? AccountRecord::decode(*value) : AccountRecord {};
        },
        std::move(done));
}

namespace {

// Absent stays absent; present must decode.
template <typename Record> auto optionalOf()
{
    return [](const std::optional<Bytes>& value) -> Result<std::optional<Record>> {
        if (!value)
            return std::optional<Record> {};
        auto record = Record::decode(*value);
        if (!record)
            return std::unexpected(record.error());
        return std::optional<Record> { std::move(*record) };
    };
}

} // namespace

void LightClient::title(std::uint64_t titleId, Reply<Verified<std::optional<TitleRecord>>> done)
{
    readEntry<std::optional<TitleRecord>>(StateKey::title(titleId),
        "title " + std::to_string(titleId), optionalOf<TitleRecord>(), std::move(done));
}

void LightClient::version(
    std::uint64_t titleId, std::uint32_t number, Reply<Verified<std::optional<VersionRecord>>> done)
{
    readEntry<std::optional<VersionRecord>>(StateKey::version(titleId, number),
        "version " + std::to_string(number) + " of title " + std::to_string(titleId),
        optionalOf<VersionRecord>(), std::move(done));
}

void LightClient::licence(std::uint64_t titleId, const crypto::Address& buyer,
    Reply<Verified<std::optional<LicenceRecord>>> done)
{
    readEntry<std::optional<LicenceRecord>>(
        StateKey::licence(titleId, buyer), "licence", optionalOf<LicenceRecord>(), std::move(done));
}

void LightClient::catalogCounters(Reply<Verified<CatalogCounters>> done)
{
    readEntry<CatalogCounters>(
        StateKey::catalogCounters(), "catalog counters",
        [](const std::optional<Bytes>& value) -> Result<CatalogCounters> {
            return value ? CatalogCounters::decode(*value) : CatalogCounters {};
        },
        std::move(done));
}

void LightClient::parameters(Reply<Verified<ChainParameters>> done)
{
    readEntry<ChainParameters>(
        StateKey::parameters(), "chain parameters",
        [](const std::optional<Bytes>& value) -> Result<ChainParameters> {
            if (!value)
                return fail(ErrorKind::Verification,
                    "the network has no parameters entry, which every genesis writes");
            return ChainParameters::decode(*value);
        },
        std::move(done));
}

void LightClient::ensureVerified(
    std::uint64_t height, std::function<void(Result<TrustedState>)> done)
{
    auto stored = m_store->at(height);
    if (!stored)
        return later<TrustedState>(std::move(done), std::unexpected(stored.error()));
    if (*stored)
        return later<TrustedState>(std::move(done), std::move(**stored));
    auto job = std::make_shared<std::shared_ptr<HeaderSync>>();
    *job = HeaderSync::start(
        *m_store, primary(), height, m_options.sequentialWindow,
        [this](std::uint64_t, std::uint64_t) { Q_EMIT statusChanged(); },
        [this, job, done = std::move(done)](std::expected<TrustedState, SyncFailure> outcome) {
            m_jobs.erase(*job);
            if (!outcome)
                return done(fail(ErrorKind::Verification,
                    "Cannot verify the block the receipt is in: " + outcome.error().message));
            done(std::move(*outcome));
        });
    if (*job && !m_jobs.contains(*job))
        m_jobs.insert(*job);
}

void LightClient::confirm(const Hash256& txHash, Reply<ConfirmedTransaction> done)
{
    if (!m_store)
        return later<ConfirmedTransaction>(
            std::move(done), fail(ErrorKind::NotFound, "The light client is not open."));
    const std::size_t source = primaryIndex();
    primary().getReceiptProof(txHash,
        [this, source, txHash, done = std::move(done)](
            const RpcResult<std::optional<ReceiptProofInfo>>& info) {
            if (!info)
                return done(std::unexpected(fromRpc(info.error())));
            if (!*info)
                return done(fail(ErrorKind::NotFound,
                    "Transaction " + codec::toHex(txHash, true)
                        + " is not in a block yet (according to the server)."));
            ensureVerified((*info)->height,
                [this, source, txHash, proof = **info, done](Result<TrustedState> at) {
                    if (!at)
                        return done(std::unexpected(at.error()));
                    auto confirmed = checkReceiptProof(*at, txHash, proof);
                    if (!confirmed)
                        return done(std::unexpected(blameEndpoint(source, confirmed.error())));
                    done(std::move(*confirmed));
                });
        });
}

void LightClient::submit(ByteView rawTransaction, Reply<Hash256> done)
{
    primary().sendRawTransaction(rawTransaction, [done = std::move(done)](RpcResult<Hash256> hash) {
        if (!hash)
            return done(std::unexpected(fromRpc(hash.error())));
        done(*hash);
    });
}

} // namespace ls::light
