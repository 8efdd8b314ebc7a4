#pragma once

#include "core/protocol/MerkleProof.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace ls::protocol {

// The binary Merkle tree of a block's transactions and receipts (docs/protocol.md §5), shaped as
// RFC 6962 (Certificate Transparency) with keccak: leaf keccak(0x00 ‖ item), node
// keccak(0x01 ‖ left ‖ right), a list of n > 1 items split at the largest power of two below n,
// and keccak("") as the root of the empty list. The 0x00/0x01 prefixes keep a leaf from ever
// passing for a node (second-preimage attacks on the proof).
class MerkleList {
public:
    static Hash256 leafHash(ByteView item);
    static Hash256 nodeHash(const Hash256& left, const Hash256& right);
    static Hash256 emptyRoot(); // keccak("")

    static Hash256 root(std::span<const Bytes> items);
    static Hash256 rootOfLeaves(std::span<const Hash256> leafHashes);

    // The audit path of item `index`; an error if the index is not below the item count.
    static Result<MerkleProof> proveIndex(std::span<const Bytes> items, std::uint64_t index);

    // Success iff `item` is at `index` in a list of `count` items whose root is `root`.
    // The root does not commit to the count (RFC 6962 trees never do; CT signs the size next to
    // the root): a proof that verifies always shows that `item` is in the list, but its index
    // only relative to `count`, so callers that care about the position need a trusted count.
    static Result<void> verify(const Hash256& root, ByteView item, std::uint64_t index,
        std::uint64_t count, std::span<const Hash256> path);
    static Result<void> verify(const Hash256& root, ByteView item, const MerkleProof& proof)
    {
        return verify(root, item, proof.index, proof.count, proof.path);
    }

    // How many siblings the proof of leaf `index` in a list of `count` has (0 when count ≤ 1).
    static std::size_t proofLength(std::uint64_t index, std::uint64_t count);
};

} // namespace ls::protocol
