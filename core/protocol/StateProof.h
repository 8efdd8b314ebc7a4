#pragma once

#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

// The chain state tree as docs/protocol.md §2 defines it: hashing, paths and proofs. Both the full
// node (core/node, which builds the tree) and the light client (which only verifies) use these
// definitions, so this file depends on core/codec, core/crypto and core/util only.
namespace ls::protocol {

inline constexpr std::size_t kStatePathBits = 256;

// `E`, the hash of an empty subtree: 32 zero bytes.
inline constexpr Hash256 kEmptyStateHash {};

// Path of an entry: keccak(namespace ‖ key).
Hash256 statePath(std::uint8_t ns, ByteView key);
// Bit `index` (0…255) of a path, bit 0 being the most significant bit of path[0].
inline bool pathBit(const Hash256& path, std::size_t index)
{
    unsigned byte = path[index / 8];
    return ((byte >> (7U - static_cast<unsigned>(index % 8))) & 1U) != 0;
}
// keccak(0x00 ‖ path ‖ valueHash)
Hash256 stateLeafHash(const Hash256& path, const Hash256& valueHash);
// keccak(0x01 ‖ left ‖ right)
Hash256 stateInternalHash(const Hash256& left, const Hash256& right);

struct StateLeaf {
    Hash256 path {};
    Hash256 valueHash {};
    bool operator==(const StateLeaf&) const = default;
};

// Proof that an entry is, or is not, in the state whose root is known. `siblings.size()` is the
// depth d at which the walk along the path ends; siblings[i] is the child at depth i + 1 that is
// not on the path (E where that subtree is empty). `terminal` is what the walk found at depth d:
// nothing (Empty) or a leaf — the entry itself, or for an absent key the entry occupying its place.
struct StateProof {
    std::vector<Hash256> siblings;
    std::optional<StateLeaf> terminal;

    std::size_t depth() const { return siblings.size(); }

    // rlp([d, bitmap, [non-empty siblings top-down], terminal]) — protocol.md §2. Every proof has
    // exactly one encoding; a proof deeper than 256 cannot be encoded meaningfully and is written
    // as is (decode and verification reject it).
    Bytes encode() const;
    // Refuses (InvalidInput, saying what is wrong) anything but the canonical encoding.
    static Result<StateProof> decode(ByteView encoded);

    // The root this proof leads to for `path`: the terminal's hash folded with the siblings.
    Hash256 computeRoot(const Hash256& path) const;

    // Success iff the proof shows (path, value) in the state with `root`. Verification errors
    // say which check failed (absent, other value, other key, wrong root).
    Result<void> verifyInclusion(const Hash256& root, const Hash256& path, ByteView value) const;
    // Success iff the proof shows that no entry has `path` in the state with `root`.
    Result<void> verifyNonInclusion(const Hash256& root, const Hash256& path) const;

    bool operator==(const StateProof&) const = default;
};

} // namespace ls::protocol
