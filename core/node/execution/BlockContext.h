#pragma once

#include "core/crypto/Address.h"
#include "core/node/execution/ChainParams.h"

#include <cstdint>

namespace ls::node {

// The block a transaction executes in: everything execution needs that is not in the state or
// the transaction. The producer fills it once per block and advances cumulativeGasUsed after
// each transaction (receipt.cumulativeGasUsed).
struct BlockContext {
    std::uint64_t height = 0;
    std::uint64_t timeMs = 0; // block time: publishedAt, addedAt and licence times
    crypto::Address proposer; // receives every fee of the block
    ChainParams params; // as stored in the state (ChainState::params)
    std::uint64_t cumulativeGasUsed = 0; // gas used by the block's earlier transactions
};

} // namespace ls::node
