#pragma once

#include "core/util/Bytes.h"

#include <cstdint>
#include <string_view>

namespace ls::protocol {

// Domain tag of precommit votes, so a vote can never be mistaken for any other signed message
// (a transaction signing hash is the keccak of a list that starts with an integer, not text).
inline constexpr std::string_view kPrecommitDomain = "lightstreams/precommit";

// The digest a validator signs to vote for a block (docs/protocol.md §5):
// keccak(rlp(["lightstreams/precommit", chainId, height, round, blockHash])).
Hash256 voteSignBytes(
    std::uint64_t chainId, std::uint64_t height, std::uint64_t round, const Hash256& blockHash);

} // namespace ls::protocol
