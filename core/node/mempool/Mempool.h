#pragma once

#include "core/node/mempool/PendingTransaction.h"
#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <vector>

namespace ls::node {

struct MempoolLimits {
    std::size_t maxTransactions = 20'000;
    std::size_t maxBytes = std::size_t{64} << 20;
    std::size_t maxPerAccount = 64;
    // How far past the account's nonce a transaction may wait for the ones before it.
    std::uint64_t maxNonceGap = 64;
    // A replacement (same sender and nonce) must raise both fee cap and tip by this much, so
    // nobody can churn the pool with near-free replacements.
    unsigned replacementBumpPercent = 10;
};

// Transactions waiting for a block (DESIGN.md §3): ordered per account by nonce, across accounts
// by tip; bounded in total, in bytes and per account; every refusal says why in words a wallet
// can show. Thread-safe: the RPC thread adds while the block producer selects.
//
// The pool does not read the state. Callers pass the sender's nonce in the latest committed state
// and do the balance and fee checks (execution's admission rules) before add().
class Mempool {
public:
    using NonceLookup = std::function<std::uint64_t(const crypto::Address&)>;

    explicit Mempool(MempoolLimits limits = {});

    Result<void> add(PendingTransaction pending, std::uint64_t accountNonce);

    // The transactions for the next block: for each sender a run of consecutive nonces starting at
    // its state nonce; across senders the highest tip first (ties: earliest arrival), within
    // `gasBudget` (by gas limit) and `maxCount`.
    std::vector<PendingTransaction> selectForBlock(const NonceLookup& accountNonce,
                                                   std::uint64_t gasBudget,
                                                   std::size_t maxCount) const;

    // After a block: forgets the sender's transactions below its new state nonce.
    void removeConfirmed(const crypto::Address& sender, std::uint64_t accountNonce);
    // Forgets one transaction (e.g. it became invalid) and the same sender's later ones, which
    // can no longer run in order.
    void removeWithSuccessors(const Hash256& hash);

    std::optional<PendingTransaction> find(const Hash256& hash) const;
    // The nonce a wallet should use next: past every consecutive pending transaction.
    std::uint64_t nextNonce(const crypto::Address& sender, std::uint64_t accountNonce) const;
    std::size_t size() const;
    std::size_t bytes() const;

private:
    struct Entry {
        PendingTransaction pending;
        std::uint64_t arrival = 0;
    };
    using AccountQueue = std::map<std::uint64_t, Entry>; // by nonce

    Result<void> checkReplacement(const Entry& existing, const PendingTransaction& incoming) const;
    Result<void> makeRoomFor(const PendingTransaction& incoming);
    void eraseLocked(const crypto::Address& sender, std::uint64_t nonce);

    MempoolLimits m_limits;
    mutable std::mutex m_mutex;
    std::map<crypto::Address, AccountQueue> m_accounts;
    std::map<Hash256, std::pair<crypto::Address, std::uint64_t>> m_byHash;
    std::size_t m_count = 0;
    std::size_t m_bytes = 0;
    std::uint64_t m_arrivals = 0;
};

} // namespace ls::node
