#pragma once

#include "core/crypto/Address.h"
#include "core/light/CatalogEvents.h"
#include "core/light/Verified.h"
#include "core/util/Error.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <vector>

namespace ls::light {

// Finds the receipts that make up an account's history (Catalog events and PHT transfers) and
// proves each one.
//
// The server's log lists are only pointers: every transaction they name is confirmed (receipt
// proof against a verified header), and each listed event must be in that proven receipt at the
// proven height — otherwise the server altered or invented it and the scan fails
// (ErrorKind::Verification). What the caller shows comes from the proven receipts alone.
//
// It asks for every Purchased and TitlePublished event of the Catalog and every native Transfer
// log (core/protocol/NativeTransfer.h), not for the account's: the log queries do not tell the
// server whose history is read. (The node learns the account anyway from the balance and nonce
// proofs it serves, so narrowing the Transfer query to topic filters on from/to would leak
// nothing new; RpcClient::getLogs only filters on topic 0 today, so the scan reads them all and
// keeps the account's.) Publications are taken from any height (a title's sales count whenever
// it was published); the rest from `fromBlock` on.
class ActivityScan : public std::enable_shared_from_this<ActivityScan> {
public:
    template <typename T> using Reply = std::function<void(Result<T>)>;
    using FetchLogs = std::function<void(
        std::uint64_t from, std::uint64_t to, Reply<std::vector<catalogevents::LogCandidate>>)>;
    using Confirm = std::function<void(const Hash256&, Reply<ConfirmedTransaction>)>;

    // Blocks per log query: well under any server's range limit (ours: 10 000).
    static constexpr std::uint64_t kWindow = 5'000;

    // Scans blocks 0…toBlock; `done` gets the proven receipts, oldest first.
    static void start(const crypto::Address& account, std::uint64_t fromBlock,
        std::uint64_t toBlock, FetchLogs fetch, Confirm confirm,
        Reply<std::vector<ConfirmedTransaction>> done);

private:
    ActivityScan() = default;
    void fetchFrom(std::uint64_t from);
    void selectCandidates();
    void confirmNext(std::size_t next);
    Result<void> checkListed(const ConfirmedTransaction& proven) const;

    crypto::Address m_account;
    std::uint64_t m_fromBlock = 0;
    std::uint64_t m_toBlock = 0;
    FetchLogs m_fetch;
    Confirm m_confirm;
    Reply<std::vector<ConfirmedTransaction>> m_done;
    std::vector<catalogevents::LogCandidate> m_listed;
    std::vector<Hash256> m_toConfirm; // distinct, in the order listed (oldest first)
    std::vector<ConfirmedTransaction> m_proven;
};

} // namespace ls::light
