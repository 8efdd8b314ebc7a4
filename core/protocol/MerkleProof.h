#pragma once

#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>
#include <vector>

namespace ls::protocol {

// An inclusion proof in a transaction or receipt list (docs/protocol.md §5): the item's index,
// the number of items, and the audit path — sibling hashes from the leaf up to the root.
// Encoded as rlp([index, count, [sibling…]]).
struct MerkleProof {
    std::uint64_t index = 0;
    std::uint64_t count = 0;
    std::vector<Hash256> path; // bottom-up

    Bytes encode() const;
    // Canonical encoding only, and a consistent shape: index < count, and exactly as many
    // siblings as the tree of `count` leaves has levels above leaf `index`.
    static Result<MerkleProof> decode(ByteView encoded);

    friend bool operator==(const MerkleProof&, const MerkleProof&) = default;
};

} // namespace ls::protocol
