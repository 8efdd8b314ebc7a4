#include "core/node/execution/CatalogAbi.h"

#include "core/crypto/Keccak.h"

#include <algorithm>

namespace ls::node {
namespace {

using codec::AbiType;

std::string signatureOf(const char* name, const std::vector<AbiType>& inputs)
{
    return std::string(name) + codec::canonicalList(inputs);
}

CatalogFunctionAbi makeFunction(CatalogFunction function, const char* name,
    std::vector<AbiType> inputs, std::vector<AbiType> outputs, bool payable, bool view)
{
    CatalogFunctionAbi abi { function, signatureOf(name, inputs), {}, std::move(inputs),
        std::move(outputs), payable, view };
    Hash256 hash = crypto::keccak256(asBytes(abi.signature));
    std::copy_n(hash.begin(), 4, abi.selector.begin());
    return abi;
}

CatalogEventAbi makeEvent(
    CatalogEvent event, const char* name, std::vector<AbiType> inputs, std::vector<bool> indexed)
{
    CatalogEventAbi abi { event, signatureOf(name, inputs), {}, std::move(inputs),
        std::move(indexed) };
    abi.topic = crypto::keccak256(asBytes(abi.signature));
    return abi;
}

std::vector<CatalogFunctionAbi> buildFunctions()
{
    const AbiType u64 = AbiType::uint(64);
    const AbiType u32 = AbiType::uint(32);
    const AbiType u8 = AbiType::uint(8);
    const AbiType u256 = AbiType::uint(256);
    const AbiType b32 = AbiType::fixedBytes(32);
    const AbiType str = AbiType::string();
    const AbiType boolean = AbiType::boolean();
    const AbiType address = AbiType::address();
    constexpr bool kPayable = true;
    constexpr bool kView = true;
    return {
        makeFunction(CatalogFunction::Publish, "publish", { b32, b32, u256, str, u8 }, { u64 },
            !kPayable, !kView),
        makeFunction(CatalogFunction::AddVersion, "addVersion", { u64, b32, u64, str }, { u32 },
            !kPayable, !kView),
        makeFunction(CatalogFunction::SetPrice, "setPrice", { u64, u256 }, {}, !kPayable, !kView),
        makeFunction(
            CatalogFunction::SetListed, "setListed", { u64, boolean }, {}, !kPayable, !kView),
        makeFunction(CatalogFunction::Purchase, "purchase", { u64, b32 }, {}, kPayable, !kView),
        makeFunction(CatalogFunction::Title, "title", { u64 },
            { address, b32, b32, u256, str, u8, boolean, u32, u64, u256, u64 }, !kPayable, kView),
        makeFunction(CatalogFunction::Version, "version", { u64, u32 }, { b32, u64, str, u64 },
            !kPayable, kView),
        makeFunction(CatalogFunction::Licence, "licence", { u64, address },
            { boolean, u32, u256, u64, b32 }, !kPayable, kView),
        makeFunction(CatalogFunction::TitleCount, "titleCount", {}, { u64 }, !kPayable, kView),
    };
}

std::vector<CatalogEventAbi> buildEvents()
{
    const AbiType u64 = AbiType::uint(64);
    const AbiType u32 = AbiType::uint(32);
    const AbiType u256 = AbiType::uint(256);
    const AbiType b32 = AbiType::fixedBytes(32);
    const AbiType address = AbiType::address();
    return {
        makeEvent(CatalogEvent::TitlePublished, "TitlePublished", { u64, address, b32, u256 },
            { true, true, false, false }),
        makeEvent(
            CatalogEvent::VersionAdded, "VersionAdded", { u64, u32, b32 }, { true, false, false }),
        makeEvent(CatalogEvent::PriceChanged, "PriceChanged", { u64, u256 }, { true, false }),
        makeEvent(CatalogEvent::ListingChanged, "ListingChanged", { u64, AbiType::boolean() },
            { true, false }),
        // serviceFee: what the treasury took from this sale, at the rate of its block.
        makeEvent(CatalogEvent::Purchased, "Purchased", { u64, address, u256, u32, u256 },
            { true, true, false, false, false }),
    };
}

} // namespace

const std::vector<CatalogFunctionAbi>& CatalogAbi::functions()
{
    static const std::vector<CatalogFunctionAbi> table = buildFunctions();
    return table;
}

const std::vector<CatalogEventAbi>& CatalogAbi::events()
{
    static const std::vector<CatalogEventAbi> table = buildEvents();
    return table;
}

// The tables list the enumerators in declaration order, so the enum value is the index.
const CatalogFunctionAbi& CatalogAbi::function(CatalogFunction function)
{
    return functions()[static_cast<std::size_t>(function)];
}

const CatalogEventAbi& CatalogAbi::event(CatalogEvent event)
{
    return events()[static_cast<std::size_t>(event)];
}

const CatalogFunctionAbi* CatalogAbi::find(ByteView calldata)
{
    if (calldata.size() < 4)
        return nullptr;
    for (const auto& abi : functions())
        if (std::equal(abi.selector.begin(), abi.selector.end(), calldata.begin()))
            return &abi;
    return nullptr;
}

} // namespace ls::node
