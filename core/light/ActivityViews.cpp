#include "core/light/ActivityViews.h"

#include "core/codec/Hex.h"
#include "core/light/CatalogEvents.h"
#include "core/light/ChainViews.h"
#include "core/protocol/NativeTransfer.h"

#include <algorithm>
#include <set>

namespace ls::light {
namespace {

std::string gasFee(const protocol::Receipt& receipt)
{
    auto fee = codec::UInt256(receipt.gasUsed).checkedMul(receipt.effectiveGasPrice);
    // gasUsed < 2^64 and a price the sender could pay: an overflow cannot be in a valid block.
    return fee ? fee->toDecimalString() : std::string();
}

api::AccountActivity entry(
    api::AccountActivity::Kind kind, std::uint64_t titleId, const ConfirmedTransaction& proven)
{
    api::AccountActivity out;
    out.kind = kind;
    out.titleId = titleId;
    out.timeMs = proven.timeMs;
    out.txHash = codec::toHex(proven.receipt.txHash, true);
    out.index = proven.index;
    out.proof = provenAt(proven.height, proven.blockHash);
    return out;
}

} // namespace

std::vector<api::AccountActivity> accountActivity(const crypto::Address& account,
    std::uint64_t fromBlock, const std::vector<ConfirmedTransaction>& receipts)
{
    using Kind = api::AccountActivity::Kind;
    std::set<std::uint64_t> ownTitles;
    for (const ConfirmedTransaction& proven : receipts)
        for (const protocol::Log& log : proven.receipt.logs)
            if (auto published = catalogevents::publication(log);
                published && published->author == account)
                ownTitles.insert(published->titleId);

    std::vector<api::AccountActivity> out;
    for (const ConfirmedTransaction& proven : receipts) {
        if (proven.receipt.status != protocol::Receipt::kSuccess || proven.height < fromBlock)
            continue;
        for (const protocol::Log& log : proven.receipt.logs) {
            if (auto published = catalogevents::publication(log)) {
                if (published->author != account)
                    continue;
                auto item = entry(Kind::Publication, published->titleId, proven);
                item.amount.assign(1, '0');
                item.fee = gasFee(proven.receipt);
                out.push_back(std::move(item));
            } else if (auto bought = catalogevents::purchase(log)) {
                // One's own title bought by oneself is both a purchase and a sale.
                if (bought->buyer == account) {
                    auto item = entry(Kind::Purchase, bought->titleId, proven);
                    item.amount = bought->price.toDecimalString();
                    item.fee = gasFee(proven.receipt);
                    out.push_back(std::move(item));
                }
                if (ownTitles.contains(bought->titleId)) {
                    auto item = entry(Kind::Sale, bought->titleId, proven);
                    item.counterparty = bought->buyer.toChecksumString();
                    item.amount = bought->price.toDecimalString();
                    // The fee the Catalog took at the time, as its event records it: the rate
                    // may have changed since.
                    item.fee = bought->serviceFee.toDecimalString();
                    out.push_back(std::move(item));
                }
            } else if (auto moved = protocol::nativetransfer::decode(log)) {
                // A transfer to oneself is both: sent (with its gas fee) and received.
                if (moved->from == account) {
                    auto item = entry(Kind::SentTransfer, 0, proven);
                    item.counterparty = moved->to.toChecksumString();
                    item.amount = moved->value.toDecimalString();
                    item.fee = gasFee(proven.receipt);
                    out.push_back(std::move(item));
                }
                if (moved->to == account) {
                    auto item = entry(Kind::ReceivedTransfer, 0, proven);
                    item.counterparty = moved->from.toChecksumString();
                    item.amount = moved->value.toDecimalString();
                    out.push_back(std::move(item));
                }
            }
        }
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.proof.height != b.proof.height ? a.proof.height > b.proof.height
                                                : a.index > b.index;
    });
    return out;
}

} // namespace ls::light
