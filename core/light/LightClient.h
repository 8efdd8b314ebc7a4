#pragma once

#include "core/crypto/Address.h"
#include "core/light/ChainRecords.h"
#include "core/light/ForkAlarm.h"
#include "core/light/HeaderStore.h"
#include "core/light/HeaderSync.h"
#include "core/light/RpcClient.h"
#include "core/light/TrustedState.h"
#include "core/light/Verified.h"
#include "core/protocol/NetworkProfile.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <vector>

namespace ls::light {

struct LightClientOptions {
    RpcClientOptions rpc;
    // Gaps up to this many heights are verified block by block; larger ones by skipping
    // verification with bisection.
    std::uint64_t sequentialWindow = 16;
};

// The embedded light node (DESIGN.md §3 "Light client"): follows the chain from the genesis hash
// pinned in the network profile, verifying every header and commit, and answers reads only with
// values proven against a verified block.
//
// - sync() follows the primary endpoint (the first of the profile that has not failed) to its
//   latest block, storing every verified block; progress and outcome come as signals.
// - After each sync, every other endpoint is asked for the block at the verified height. A
//   different block that validators we trust finalised is a fork: a ForkAlarm with both blocks,
//   raised and kept, never a silent switch. An endpoint that answers garbage is marked Faulty.
// - Reads (account, title, version, licence) are state proofs checked against the verified
//   state root; confirm() is a receipt proof checked against a verified receipts root (verifying
//   up to that block first when needed).
//
// Lives on one thread (its own service thread in the app); every call returns at once and its
// callback or signal comes later on that thread. Callbacks of calls still pending when the
// client is destroyed never run.
class LightClient : public QObject {
    Q_OBJECT

public:
    template <typename T> using Reply = std::function<void(Result<T>)>;

    LightClient(protocol::NetworkProfile profile, std::filesystem::path storePath,
        LightClientOptions options = {}, QObject* parent = nullptr);
    ~LightClient() override;

    // Opens (or creates) the header store, re-checking it (HeaderStore::open). Required first.
    Result<void> open();
    bool isOpen() const { return m_store != nullptr; }

    const protocol::NetworkProfile& profile() const { return m_profile; }
    std::optional<std::uint64_t> verifiedHeight() const;
    std::optional<TrustedState> latest() const;
    const std::vector<EndpointStatus>& endpoints() const { return m_status; }
    const std::vector<ForkAlarm>& alarms() const { return m_alarms; }
    bool isSyncing() const { return m_sync != nullptr; }

    void sync();
    void cancelSync();

    // An account that was never touched is proven absent and reads as nonce 0, balance 0.
    void account(const crypto::Address& address, Reply<Verified<AccountRecord>> done);
    // nullopt: proven absent.
    void title(std::uint64_t titleId, Reply<Verified<std::optional<TitleRecord>>> done);
    void version(std::uint64_t titleId, std::uint32_t number,
        Reply<Verified<std::optional<VersionRecord>>> done);
    void licence(std::uint64_t titleId, const crypto::Address& buyer,
        Reply<Verified<std::optional<LicenceRecord>>> done);
    void catalogCounters(Reply<Verified<CatalogCounters>> done);
    // The network's parameters (minimum gas price, service fee, treasury); absent is an error.
    void parameters(Reply<Verified<ChainParameters>> done);
    // The transaction's receipt, proven in a verified block. NotFound while the server does
    // not report it in a block.
    void confirm(const Hash256& txHash, Reply<ConfirmedTransaction> done);
    // The proven receipts of the account's Catalog history up to the verified height
    // (ActivityScan: candidates from the primary's eth_getLogs, each confirmed). An endpoint
    // that lists an event its proven receipt does not hold is marked Faulty.
    void activity(const crypto::Address& account, std::uint64_t fromBlock,
        Reply<std::vector<ConfirmedTransaction>> done);
    // Sends a signed transaction to the primary endpoint; the hash it reports must be the
    // transaction's own. Being accepted is no proof of inclusion: confirm() is.
    void submit(ByteView rawTransaction, Reply<Hash256> done);

Q_SIGNALS:
    void syncProgress(quint64 verifiedHeight, quint64 targetHeight);
    void synced(quint64 verifiedHeight);
    void syncFailed(const QString& message);
    void syncCancelled();
    void crossCheckFinished(quint64 height);
    void alarmRaised(const QString& summary);
    void endpointFaulty(const QString& endpoint, const QString& reason);
    void statusChanged(); // verified height, endpoint states or alarms changed

private:
    std::size_t primaryIndex() const;
    RpcClient& primary() { return *m_clients.at(primaryIndex()); }
    std::string endpointName(std::size_t index) const { return m_profile.endpoints.at(index); }
    void setStatus(std::size_t index, EndpointStatus::State state, std::string detail);
    // Marks the endpoint that served an unverifiable proof Faulty; returns the error to report.
    Error blameEndpoint(std::size_t index, Error error);
    void onSyncDone(std::size_t source, std::expected<TrustedState, SyncFailure> outcome);
    void crossCheckAll(const TrustedState& verified, std::size_t source);
    void raiseAlarm(ForkAlarm alarm);
    template <typename T, typename Decode>
    void readEntry(const StateKey& key, std::string what, Decode decode, Reply<Verified<T>> done);
    void ensureVerified(std::uint64_t height, std::function<void(Result<TrustedState>)> done);
    template <typename T> void later(Reply<T> done, Result<T> value);

    protocol::NetworkProfile m_profile;
    std::filesystem::path m_storePath;
    LightClientOptions m_options;
    // Declared before the clients so it is destroyed after them: pending calls (and the sync
    // jobs they keep alive) refer to it.
    std::unique_ptr<HeaderStore> m_store;
    std::vector<std::unique_ptr<RpcClient>> m_clients; // one per profile endpoint
    std::vector<EndpointStatus> m_status;
    std::vector<ForkAlarm> m_alarms;
    std::shared_ptr<HeaderSync> m_sync;
    std::set<std::shared_ptr<HeaderSync>> m_jobs; // verifications for confirm()
    std::uint64_t m_crossCheckRound = 0;
    std::optional<std::size_t> m_lastSource; // endpoint the newest verified block came from
};

} // namespace ls::light
