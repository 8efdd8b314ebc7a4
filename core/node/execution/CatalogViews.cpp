#include "core/node/execution/CatalogViews.h"

#include "core/node/execution/CatalogCallSupport.h"
#include "core/node/execution/RevertReasons.h"

namespace ls::node {

using codec::AbiValue;
using namespace catalog;

Result<CallResult> CatalogViews::title(ChainState& state, const AbiValue::List& args)
{
    std::optional<TitleRecord> title;
    LS_EXEC_TRY(title, state.title(argU64(args[0])));
    if (!title)
        return CallResult::revert(revert::kUnknownTitle);
    return returning(CatalogFunction::Title,
        { addressValue(title->author), hashValue(title->metadataInfohash),
            hashValue(title->keyCommitment), AbiValue::number(title->price),
            AbiValue::string(title->subject), AbiValue::number(title->salesModel),
            AbiValue::boolean(title->listed), AbiValue::number(title->versionCount),
            AbiValue::number(title->salesCount), AbiValue::number(title->revenue),
            AbiValue::number(title->publishedAtMs) });
}

Result<CallResult> CatalogViews::version(ChainState& state, const AbiValue::List& args)
{
    const std::uint64_t titleId = argU64(args[0]);
    const auto number = static_cast<std::uint32_t>(argU64(args[1])); // uint32 by its ABI type
    std::optional<TitleRecord> title;
    LS_EXEC_TRY(title, state.title(titleId));
    if (!title)
        return CallResult::revert(revert::kUnknownTitle);
    std::optional<VersionRecord> record;
    LS_EXEC_TRY(record, state.version(titleId, number));
    if (!record)
        return CallResult::revert(revert::kUnknownVersion);
    return returning(CatalogFunction::Version,
        { hashValue(record->contentInfohash), AbiValue::number(record->size),
            AbiValue::string(record->note), AbiValue::number(record->addedAtMs) });
}

Result<CallResult> CatalogViews::licence(ChainState& state, const AbiValue::List& args)
{
    std::optional<LicenceRecord> licence;
    LS_EXEC_TRY(licence, state.licence(argU64(args[0]), argAddress(args[1])));
    const LicenceRecord shown = licence.value_or(LicenceRecord {});
    return returning(CatalogFunction::Licence,
        { AbiValue::boolean(licence.has_value()), AbiValue::number(shown.versionAtPurchase),
            AbiValue::number(shown.price), AbiValue::number(shown.timeMs),
            hashValue(shown.buyerBoxKey) });
}

Result<CallResult> CatalogViews::titleCount(ChainState& state)
{
    CatalogCounters counters;
    LS_EXEC_TRY(counters, state.counters());
    return returning(CatalogFunction::TitleCount, { AbiValue::number(counters.titleCount()) });
}

} // namespace ls::node
