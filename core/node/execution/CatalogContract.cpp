#include "core/node/execution/CatalogContract.h"

#include "core/codec/AbiDecoder.h"
#include "core/node/execution/CatalogAbi.h"
#include "core/node/execution/CatalogCallSupport.h"
#include "core/node/execution/CatalogViews.h"
#include "core/node/execution/RevertReasons.h"

#include <limits>

namespace ls::node {
namespace {

using codec::AbiValue;
using codec::UInt256;
using namespace catalog;

constexpr std::size_t kMaxSubjectBytes = 64;
constexpr std::size_t kMaxNoteBytes = 256;

// The state-changing functions, for one call.
class Functions {
public:
    Functions(ChainState& state, const ContractCall& call)
        : m_state(state)
        , m_call(call)
    {
    }

    Result<CallResult> publish(const AbiValue::List& args);
    Result<CallResult> addVersion(const AbiValue::List& args);
    Result<CallResult> setPrice(const AbiValue::List& args);
    Result<CallResult> setListed(const AbiValue::List& args);
    Result<CallResult> purchase(const AbiValue::List& args);

private:
    // The title if it exists and the sender is its author; otherwise nullopt, with the revert
    // that refuses the call in `refusal`.
    Result<std::optional<TitleRecord>> ownTitle(std::uint64_t titleId, CallResult& refusal);

    ChainState& m_state;
    const ContractCall& m_call;
};

Result<std::optional<TitleRecord>> Functions::ownTitle(std::uint64_t titleId, CallResult& refusal)
{
    std::optional<TitleRecord> title;
    LS_EXEC_TRY(title, m_state.title(titleId));
    if (!title)
        refusal = CallResult::revert(revert::kUnknownTitle);
    else if (title->author != m_call.sender)
        refusal = CallResult::revert(revert::kOnlyAuthor);
    else
        return title;
    return std::optional<TitleRecord> {};
}

Result<CallResult> Functions::publish(const AbiValue::List& args)
{
    TitleRecord title;
    title.author = m_call.sender;
    title.metadataInfohash = argHash(args[0]);
    title.keyCommitment = argHash(args[1]);
    title.price = argU256(args[2]);
    title.subject = argString(args[3]);
    if (title.subject.size() > kMaxSubjectBytes)
        return CallResult::revert(revert::kSubjectTooLong);
    if (argU64(args[4]) != 0)
        return CallResult::revert(revert::kUnsupportedSalesModel);
    title.listed = true;
    title.publishedAtMs = m_call.timeMs;

    CatalogCounters counters;
    LS_EXEC_TRY(counters, m_state.counters());
    const std::uint64_t titleId = counters.nextTitleId;
    if (titleId == std::numeric_limits<std::uint64_t>::max())
        return CallResult::revert(revert::kOverflow);
    counters.nextTitleId = titleId + 1;
    m_state.setCounters(counters);
    m_state.setTitle(titleId, title);

    CallResult result;
    LS_EXEC_TRY(result, returning(CatalogFunction::Publish, { AbiValue::number(titleId) }));
    LS_EXEC_CHECK(emit(result, CatalogEvent::TitlePublished,
        { AbiValue::number(titleId), addressValue(title.author), hashValue(title.metadataInfohash),
            AbiValue::number(title.price) }));
    return result;
}

Result<CallResult> Functions::addVersion(const AbiValue::List& args)
{
    const std::uint64_t titleId = argU64(args[0]);
    CallResult refusal;
    std::optional<TitleRecord> title;
    LS_EXEC_TRY(title, ownTitle(titleId, refusal));
    if (!title)
        return refusal;
    const VersionRecord record { argHash(args[1]), argU64(args[2]), argString(args[3]),
        m_call.timeMs };
    if (record.note.size() > kMaxNoteBytes)
        return CallResult::revert(revert::kNoteTooLong);
    if (title->versionCount == std::numeric_limits<std::uint32_t>::max())
        return CallResult::revert(revert::kOverflow);
    const std::uint32_t version = title->versionCount + 1;
    title->versionCount = version;
    m_state.setTitle(titleId, *title);
    m_state.setVersion(titleId, version, record);

    CallResult result;
    LS_EXEC_TRY(result, returning(CatalogFunction::AddVersion, { AbiValue::number(version) }));
    LS_EXEC_CHECK(emit(result, CatalogEvent::VersionAdded,
        { AbiValue::number(titleId), AbiValue::number(version),
            hashValue(record.contentInfohash) }));
    return result;
}

Result<CallResult> Functions::setPrice(const AbiValue::List& args)
{
    const std::uint64_t titleId = argU64(args[0]);
    CallResult refusal;
    std::optional<TitleRecord> title;
    LS_EXEC_TRY(title, ownTitle(titleId, refusal));
    if (!title)
        return refusal;
    title->price = argU256(args[1]);
    m_state.setTitle(titleId, *title);
    CallResult result;
    LS_EXEC_CHECK(emit(result, CatalogEvent::PriceChanged,
        { AbiValue::number(titleId), AbiValue::number(title->price) }));
    return result;
}

Result<CallResult> Functions::setListed(const AbiValue::List& args)
{
    const std::uint64_t titleId = argU64(args[0]);
    CallResult refusal;
    std::optional<TitleRecord> title;
    LS_EXEC_TRY(title, ownTitle(titleId, refusal));
    if (!title)
        return refusal;
    title->listed = argBool(args[1]);
    m_state.setTitle(titleId, *title);
    CallResult result;
    LS_EXEC_CHECK(emit(result, CatalogEvent::ListingChanged,
        { AbiValue::number(titleId), AbiValue::boolean(title->listed) }));
    return result;
}

Result<CallResult> Functions::purchase(const AbiValue::List& args)
{
    const std::uint64_t titleId = argU64(args[0]);
    std::optional<TitleRecord> title;
    LS_EXEC_TRY(title, m_state.title(titleId));
    if (!title)
        return CallResult::revert(revert::kUnknownTitle);
    if (!title->listed)
        return CallResult::revert(revert::kNotListed);
    if (title->versionCount == 0)
        return CallResult::revert(revert::kNoVersion);
    if (m_call.value != title->price)
        return CallResult::revert(revert::kWrongPrice);
    std::optional<LicenceRecord> earlier;
    LS_EXEC_TRY(earlier, m_state.licence(titleId, m_call.sender));
    if (earlier)
        return CallResult::revert(revert::kAlreadyPurchased);

    // The price leaves the buyer and reaches the treasury and the author in this call; nothing
    // rests at the contract's address. Each account is re-read after the previous write, so a
    // buyer who is also the author or the treasury goes through the same code.
    AccountState buyer;
    LS_EXEC_TRY(buyer, m_state.account(m_call.sender));
    if (buyer.balance < title->price)
        return CallResult::revert(revert::kInsufficientFunds);
    buyer.balance = buyer.balance.wrappingSub(title->price);
    m_state.setAccount(m_call.sender, buyer);
    const UInt256 fee = CatalogContract::serviceFee(title->price, m_call.params.serviceFeeBps);
    const UInt256 authorShare = title->price.wrappingSub(fee); // fee ≤ price
    bool credited = false;
    LS_EXEC_TRY(credited, credit(m_state, m_call.params.treasury, fee));
    if (!credited)
        return CallResult::revert(revert::kOverflow);
    LS_EXEC_TRY(credited, credit(m_state, title->author, authorShare));
    if (!credited)
        return CallResult::revert(revert::kOverflow);

    auto revenue = title->revenue.checkedAdd(title->price);
    if (!revenue || title->salesCount == std::numeric_limits<std::uint64_t>::max())
        return CallResult::revert(revert::kOverflow);
    title->revenue = *revenue;
    title->salesCount += 1;
    m_state.setTitle(titleId, *title);
    const LicenceRecord licence { title->versionCount, title->price, m_call.timeMs,
        argHash(args[1]) };
    m_state.setLicence(titleId, m_call.sender, licence);

    CallResult result;
    LS_EXEC_CHECK(emit(result, CatalogEvent::Purchased,
        { AbiValue::number(titleId), addressValue(m_call.sender), AbiValue::number(title->price),
            AbiValue::number(licence.versionAtPurchase), AbiValue::number(fee) }));
    return result;
}

} // namespace

Result<CallResult> CatalogContract::call(
    ChainState& state, const ContractCall& call, ByteView calldata)
{
    const CatalogFunctionAbi* abi = CatalogAbi::find(calldata);
    if (!abi)
        return CallResult::revert(revert::kUnknownFunction);
    // Value sent to a function that does not take it would stay at the contract's address with
    // no way out.
    if (!abi->payable && !call.value.isZero())
        return CallResult::revert(revert::kNotPayable);
    auto args = codec::abiDecode(abi->inputs, calldata.subspan(4));
    if (!args)
        return CallResult::revert(revert::kMalformedCalldata);

    Functions functions(state, call);
    switch (abi->function) {
    case CatalogFunction::Publish:
        return functions.publish(*args);
    case CatalogFunction::AddVersion:
        return functions.addVersion(*args);
    case CatalogFunction::SetPrice:
        return functions.setPrice(*args);
    case CatalogFunction::SetListed:
        return functions.setListed(*args);
    case CatalogFunction::Purchase:
        return functions.purchase(*args);
    case CatalogFunction::Title:
        return CatalogViews::title(state, *args);
    case CatalogFunction::Version:
        return CatalogViews::version(state, *args);
    case CatalogFunction::Licence:
        return CatalogViews::licence(state, *args);
    case CatalogFunction::TitleCount:
        return CatalogViews::titleCount(state);
    }
    return CallResult::revert(revert::kUnknownFunction);
}

UInt256 CatalogContract::serviceFee(const UInt256& price, std::uint32_t serviceFeeBps)
{
    // price = q·10000 + r, so price·bps/10000 = q·bps + r·bps/10000 and only the second term is
    // rounded. q·bps ≤ price and r·bps < 10000², so nothing here can overflow.
    const std::uint64_t bps = std::min(serviceFeeBps, ChainParams::kMaxServiceFeeBps);
    auto split = price.divMod(UInt256(ChainParams::kMaxServiceFeeBps));
    if (!split) // only for a zero divisor
        return {};
    const UInt256 whole = split->quotient.checkedMul(bps).value_or(UInt256::max());
    const std::uint64_t part = split->remainder.low64() * bps / ChainParams::kMaxServiceFeeBps;
    return whole.checkedAdd(part).value_or(UInt256::max());
}

} // namespace ls::node
