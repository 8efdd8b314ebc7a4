#include "core/node/execution/GasSchedule.h"

#include "core/node/execution/SystemContracts.h"

namespace ls::node {

std::uint64_t GasSchedule::intrinsic(ByteView data)
{
    std::uint64_t gas = kTransaction;
    for (std::uint8_t byte : data)
        gas += byte == 0 ? kZeroDataByte : kNonZeroDataByte;
    return gas;
}

std::uint64_t GasSchedule::function(CatalogFunction function)
{
    switch (function) {
    case CatalogFunction::Publish:
        return kPublish;
    case CatalogFunction::AddVersion:
        return kAddVersion;
    case CatalogFunction::SetPrice:
        return kSetPrice;
    case CatalogFunction::SetListed:
        return kSetListed;
    case CatalogFunction::Purchase:
        return kPurchase;
    case CatalogFunction::Title:
    case CatalogFunction::Version:
    case CatalogFunction::Licence:
    case CatalogFunction::TitleCount:
        return 0;
    }
    return 0;
}

std::uint64_t GasSchedule::operation(const crypto::Address& to, ByteView data)
{
    if (!isSystemContract(to))
        return 0;
    const CatalogFunctionAbi* abi = CatalogAbi::find(data);
    return abi ? function(abi->function) : 0;
}

std::uint64_t GasSchedule::required(const crypto::Address& to, ByteView data)
{
    // Calldata is bounded by the transaction size limits far below 2^64 / 16 bytes.
    return intrinsic(data) + operation(to, data);
}

} // namespace ls::node
