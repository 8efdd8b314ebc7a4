#pragma once

#include "core/crypto/Address.h"
#include "core/node/execution/CatalogAbi.h"
#include "core/util/Bytes.h"

#include <cstdint>

namespace ls::node {

// The fixed gas schedule of docs/protocol.md §4. There is no EVM, so the gas of a call is known
// before it runs: intrinsic gas (base + calldata bytes) plus the gas of the Catalog function the
// selector names. A call that reverts is charged the same as one that succeeds, which is what
// makes estimateGas exact.
class GasSchedule {
public:
    static constexpr std::uint64_t kTransaction = 21'000;
    static constexpr std::uint64_t kNonZeroDataByte = 16;
    static constexpr std::uint64_t kZeroDataByte = 4;
    static constexpr std::uint64_t kPublish = 150'000;
    static constexpr std::uint64_t kAddVersion = 80'000;
    static constexpr std::uint64_t kSetPrice = 30'000;
    static constexpr std::uint64_t kSetListed = 30'000;
    static constexpr std::uint64_t kPurchase = 100'000;

    // 21000 + 16 per non-zero and 4 per zero calldata byte.
    static std::uint64_t intrinsic(ByteView data);
    // The function's own gas; views cost nothing beyond the intrinsic gas.
    static std::uint64_t function(CatalogFunction function);
    // What a call to `to` with `data` adds to the intrinsic gas: the Catalog function's gas, 0
    // for a plain transfer, an unknown selector or too short calldata (those revert at once).
    static std::uint64_t operation(const crypto::Address& to, ByteView data);
    // intrinsic + operation: the gas a transaction uses, whether it succeeds or reverts.
    static std::uint64_t required(const crypto::Address& to, ByteView data);
};

} // namespace ls::node
