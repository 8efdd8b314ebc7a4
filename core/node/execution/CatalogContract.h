#pragma once

#include "core/codec/UInt256.h"
#include "core/crypto/Address.h"
#include "core/node/execution/CallResult.h"
#include "core/node/execution/ChainParams.h"
#include "core/node/execution/ChainState.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>

namespace ls::node {

// Who calls, with how much, and when: the part of a transaction (or eth_call) a system contract
// sees.
struct ContractCall {
    crypto::Address sender;
    codec::UInt256 value; // still in the sender's account: a payable function moves it itself
    std::uint64_t timeMs = 0; // block time
    const ChainParams& params;
};

// The Catalog system contract (docs/protocol.md §6), executed natively. It reads and writes
// through ChainState and never rolls anything back itself: on a revert the caller discards every
// write the call made (StateOverlay checkpoint), which is why a revert may come after writes.
//
// Order of checks for every function: known selector ("unknown function"), payment only to
// payable functions, well-formed ABI arguments ("malformed call data"), then the function's own
// rules in the order the spec lists them.
class CatalogContract {
public:
    static Result<CallResult> call(ChainState& state, const ContractCall& call, ByteView calldata);

    // price · serviceFeeBps / 10000 rounded down, exact for every 256-bit price (computed without
    // the 512-bit product, so no price can overflow it). Always ≤ price for bps ≤ 10000.
    static codec::UInt256 serviceFee(const codec::UInt256& price, std::uint32_t serviceFeeBps);
};

} // namespace ls::node
