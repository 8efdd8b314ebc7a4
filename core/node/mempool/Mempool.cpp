#include "core/node/mempool/Mempool.h"

#include <queue>
#include <string>

namespace ls::node {
namespace {

bool raisedEnough(const codec::UInt256& old, const codec::UInt256& proposed, unsigned percent)
{
    // proposed * 100 >= old * (100 + percent), in 256-bit arithmetic; fees near 2^256 cannot
    // overflow into a "cheaper" replacement because an overflow counts as not raised enough.
    auto lhs = proposed.checkedMul(codec::UInt256(100));
    auto rhs = old.checkedMul(codec::UInt256(100 + percent));
    if (!rhs)
        return false;
    if (!lhs)
        return true;
    return *lhs >= *rhs && proposed > old;
}

} // namespace

Mempool::Mempool(MempoolLimits limits) : m_limits(limits) {}

Result<void> Mempool::checkReplacement(const Entry& existing,
                                       const PendingTransaction& incoming) const
{
    const auto& old = existing.pending;
    if (!raisedEnough(old.feeCap, incoming.feeCap, m_limits.replacementBumpPercent)
        || (!old.tip.isZero()
            && !raisedEnough(old.tip, incoming.tip, m_limits.replacementBumpPercent)))
        return fail(ErrorKind::InvalidInput,
                    "replacement transaction underpriced: raise the fee by at least "
                        + std::to_string(m_limits.replacementBumpPercent) + "%");
    return {};
}

Result<void> Mempool::add(PendingTransaction pending, std::uint64_t accountNonce)
{
    std::lock_guard lock(m_mutex);
    const std::uint64_t nonce = pending.transaction.nonce;
    if (m_byHash.contains(pending.hash))
        return fail(ErrorKind::InvalidInput, "already known: this transaction is waiting");
    if (nonce < accountNonce)
        return fail(ErrorKind::InvalidInput, "nonce too low: the account's next nonce is "
                                                 + std::to_string(accountNonce));
    if (nonce - accountNonce >= m_limits.maxNonceGap)
        return fail(ErrorKind::InvalidInput,
                    "nonce too far ahead: the account's next nonce is " + std::to_string(accountNonce)
                        + " and at most " + std::to_string(m_limits.maxNonceGap)
                        + " transactions can wait for it");

    auto account = m_accounts.find(pending.sender);
    auto existing = account == m_accounts.end() ? std::optional<AccountQueue::iterator>()
                                                : std::optional(account->second.find(nonce));
    if (existing && *existing != account->second.end()) {
        // A replacement takes its predecessor's place, so the pool does not grow (a larger
        // replacement may overshoot the byte limit by the difference, which is bounded).
        if (auto ok = checkReplacement((*existing)->second, pending); !ok)
            return ok;
        eraseLocked(pending.sender, nonce);
    } else {
        if (account != m_accounts.end() && account->second.size() >= m_limits.maxPerAccount)
            return fail(ErrorKind::InvalidInput,
                        "too many pending transactions from this account (at most "
                            + std::to_string(m_limits.maxPerAccount) + ")");
        if (auto room = makeRoomFor(pending); !room)
            return room;
    }

    m_byHash.emplace(pending.hash, std::make_pair(pending.sender, nonce));
    m_count += 1;
    m_bytes += pending.encodedSize;
    auto sender = pending.sender;
    m_accounts[sender].emplace(nonce, Entry{std::move(pending), m_arrivals++});
    return {};
}

Result<void> Mempool::makeRoomFor(const PendingTransaction& incoming)
{
    auto full = [&] {
        return m_count + 1 > m_limits.maxTransactions
            || m_bytes + incoming.encodedSize > m_limits.maxBytes;
    };
    while (full()) {
        // Evict the cheapest transaction that is last in its sender's queue (so no queue gets a
        // gap), if it pays less than the newcomer.
        const Entry* cheapest = nullptr;
        for (const auto& [sender, queue] : m_accounts) {
            // Never the newcomer's own queue: evicting its predecessor would leave it stranded.
            if (queue.empty() || sender == incoming.sender)
                continue;
            const Entry& last = queue.rbegin()->second;
            if (!cheapest || last.pending.tip < cheapest->pending.tip)
                cheapest = &last;
        }
        if (!cheapest || !(cheapest->pending.tip < incoming.tip))
            return fail(ErrorKind::InvalidInput,
                        "the transaction pool is full; try again later or with a higher fee");
        eraseLocked(cheapest->pending.sender, cheapest->pending.transaction.nonce);
    }
    return {};
}

void Mempool::eraseLocked(const crypto::Address& sender, std::uint64_t nonce)
{
    auto account = m_accounts.find(sender);
    if (account == m_accounts.end())
        return;
    auto entry = account->second.find(nonce);
    if (entry == account->second.end())
        return;
    m_byHash.erase(entry->second.pending.hash);
    m_count -= 1;
    m_bytes -= entry->second.pending.encodedSize;
    account->second.erase(entry);
    if (account->second.empty())
        m_accounts.erase(account);
}

std::vector<PendingTransaction> Mempool::selectForBlock(const NonceLookup& accountNonce,
                                                        std::uint64_t gasBudget,
                                                        std::size_t maxCount) const
{
    std::lock_guard lock(m_mutex);
    struct Cursor {
        const AccountQueue* queue;
        AccountQueue::const_iterator next;
    };
    auto lessUrgent = [](const Cursor& a, const Cursor& b) {
        const Entry& x = a.next->second;
        const Entry& y = b.next->second;
        if (x.pending.tip != y.pending.tip)
            return x.pending.tip < y.pending.tip;
        return x.arrival > y.arrival;
    };
    std::priority_queue<Cursor, std::vector<Cursor>, decltype(lessUrgent)> heads(lessUrgent);
    for (const auto& [sender, queue] : m_accounts) {
        auto first = queue.find(accountNonce(sender));
        if (first != queue.end())
            heads.push({&queue, first});
    }

    std::vector<PendingTransaction> chosen;
    std::uint64_t gasLeft = gasBudget;
    while (!heads.empty() && chosen.size() < maxCount) {
        Cursor cursor = heads.top();
        heads.pop();
        const PendingTransaction& pending = cursor.next->second.pending;
        if (pending.transaction.gasLimit > gasLeft)
            continue; // this sender's later nonces must wait for this one
        gasLeft -= pending.transaction.gasLimit;
        chosen.push_back(pending);
        auto following = std::next(cursor.next);
        if (following != cursor.queue->end()
            && following->first == pending.transaction.nonce + 1)
            heads.push({cursor.queue, following});
    }
    return chosen;
}

void Mempool::removeConfirmed(const crypto::Address& sender, std::uint64_t accountNonce)
{
    std::lock_guard lock(m_mutex);
    auto account = m_accounts.find(sender);
    if (account == m_accounts.end())
        return;
    std::vector<std::uint64_t> stale;
    for (const auto& [nonce, entry] : account->second) {
        if (nonce >= accountNonce)
            break;
        stale.push_back(nonce);
    }
    for (auto nonce : stale)
        eraseLocked(sender, nonce);
}

void Mempool::removeWithSuccessors(const Hash256& hash)
{
    std::lock_guard lock(m_mutex);
    auto found = m_byHash.find(hash);
    if (found == m_byHash.end())
        return;
    auto [sender, nonce] = found->second;
    std::vector<std::uint64_t> doomed;
    for (const auto& [candidate, entry] : m_accounts[sender])
        if (candidate >= nonce)
            doomed.push_back(candidate);
    for (auto candidate : doomed)
        eraseLocked(sender, candidate);
}

std::optional<PendingTransaction> Mempool::find(const Hash256& hash) const
{
    std::lock_guard lock(m_mutex);
    auto found = m_byHash.find(hash);
    if (found == m_byHash.end())
        return std::nullopt;
    return m_accounts.at(found->second.first).at(found->second.second).pending;
}

std::uint64_t Mempool::nextNonce(const crypto::Address& sender, std::uint64_t accountNonce) const
{
    std::lock_guard lock(m_mutex);
    auto account = m_accounts.find(sender);
    std::uint64_t next = accountNonce;
    if (account == m_accounts.end())
        return next;
    for (auto entry = account->second.find(next); entry != account->second.end() && entry->first == next;
         ++entry)
        ++next;
    return next;
}

std::size_t Mempool::size() const
{
    std::lock_guard lock(m_mutex);
    return m_count;
}

std::size_t Mempool::bytes() const
{
    std::lock_guard lock(m_mutex);
    return m_bytes;
}

} // namespace ls::node
