#pragma once

#include "core/codec/UInt256.h"
#include "core/crypto/Address.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>

namespace ls::node {

// The network's economic and timing parameters, fixed at genesis (docs/protocol.md §7). The
// state entry (namespace 0x06, key "params") is rlp([minGasPrice, blockGasLimit, serviceFeeBps,
// treasury, heartbeatMs]); the chain id is not part of it (headers and the genesis file carry
// it) but rides along here because every user of the parameters needs it too.
struct ChainParams {
    static constexpr std::uint32_t kMaxServiceFeeBps = 10'000; // 100 %
    static constexpr std::uint64_t kMinBlockGasLimit = 21'000; // room for one plain transfer

    std::uint64_t chainId = 0;
    codec::UInt256 minGasPrice; // also the constant baseFeePerGas of every block
    std::uint64_t blockGasLimit = 0;
    std::uint32_t serviceFeeBps = 0; // share of each sale for the treasury, in 1/10000
    crypto::Address treasury;
    std::uint64_t heartbeatMs = 0; // empty-block interval of the consensus

    // chainId ≥ 1, blockGasLimit ≥ 21000, serviceFeeBps ≤ 10000, heartbeatMs ≥ 1; the message
    // names the parameter.
    Result<void> validate() const;

    Bytes encode() const; // the state entry's value
    // Canonical encoding of valid parameters only; `chainId` comes from the caller.
    static Result<ChainParams> decode(ByteView encoded, std::uint64_t chainId);

    friend bool operator==(const ChainParams&, const ChainParams&) = default;
};

} // namespace ls::node
