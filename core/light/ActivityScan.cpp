#include "core/light/ActivityScan.h"

#include "core/codec/Hex.h"
#include "core/protocol/NativeTransfer.h"

#include <algorithm>
#include <set>

namespace ls::light {

void ActivityScan::start(const crypto::Address& account, std::uint64_t fromBlock,
    std::uint64_t toBlock, FetchLogs fetch, Confirm confirm,
    Reply<std::vector<ConfirmedTransaction>> done)
{
    std::shared_ptr<ActivityScan> scan(new ActivityScan);
    scan->m_account = account;
    scan->m_fromBlock = fromBlock;
    scan->m_toBlock = toBlock;
    scan->m_fetch = std::move(fetch);
    scan->m_confirm = std::move(confirm);
    scan->m_done = std::move(done);
    scan->fetchFrom(0);
}

void ActivityScan::fetchFrom(std::uint64_t from)
{
    if (from > m_toBlock)
        return selectCandidates();
    const std::uint64_t to = std::min(m_toBlock, from + kWindow - 1);
    m_fetch(from, to,
        [self = shared_from_this(), to](Result<std::vector<catalogevents::LogCandidate>> logs) {
            if (!logs)
                return self->m_done(std::unexpected(logs.error()));
            for (auto& candidate : *logs) {
                if (candidate.height > to)
                    return self->m_done(fail(ErrorKind::Verification,
                        "The server listed an event at height " + std::to_string(candidate.height)
                            + ", outside the blocks asked for."));
                self->m_listed.push_back(std::move(candidate));
            }
            self->fetchFrom(to + 1);
        });
}

void ActivityScan::selectCandidates()
{
    // The server's claims decide only which receipts to prove; a title counts as the account's
    // for sales only once its TitlePublished event is proven (see the views).
    std::set<std::uint64_t> claimedTitles;
    for (const auto& candidate : m_listed)
        if (auto published = catalogevents::publication(candidate.log);
            published && published->author == m_account)
            claimedTitles.insert(published->titleId);
    std::set<Hash256> seen;
    for (const auto& candidate : m_listed) {
        bool wanted = false;
        if (auto published = catalogevents::publication(candidate.log))
            wanted = published->author == m_account;
        else if (auto bought = catalogevents::purchase(candidate.log))
            wanted = candidate.height >= m_fromBlock
                && (bought->buyer == m_account || claimedTitles.contains(bought->titleId));
        else if (auto moved = protocol::nativetransfer::decode(candidate.log))
            wanted = candidate.height >= m_fromBlock
                && (moved->from == m_account || moved->to == m_account);
        if (wanted && seen.insert(candidate.txHash).second)
            m_toConfirm.push_back(candidate.txHash);
    }
    confirmNext(0);
}

void ActivityScan::confirmNext(std::size_t next)
{
    if (next == m_toConfirm.size())
        return m_done(std::move(m_proven));
    m_confirm(
        m_toConfirm[next], [self = shared_from_this(), next](Result<ConfirmedTransaction> proven) {
            if (!proven)
                return self->m_done(std::unexpected(proven.error()));
            if (auto ok = self->checkListed(*proven); !ok)
                return self->m_done(std::unexpected(ok.error()));
            self->m_proven.push_back(std::move(*proven));
            self->confirmNext(next + 1);
        });
}

Result<void> ActivityScan::checkListed(const ConfirmedTransaction& proven) const
{
    // Every event the server listed for this transaction must be in its proven receipt, exactly,
    // in the block the server named.
    for (const auto& candidate : m_listed) {
        if (candidate.txHash != proven.receipt.txHash)
            continue;
        const auto& logs = proven.receipt.logs;
        if (candidate.height != proven.height
            || std::find(logs.begin(), logs.end(), candidate.log) == logs.end())
            return fail(ErrorKind::Verification,
                "The server listed an event of transaction "
                    + codec::toHex(proven.receipt.txHash, true) + " that its proven receipt (block "
                    + std::to_string(proven.height) + ") does not hold: the list was altered.");
    }
    return {};
}

} // namespace ls::light
