#include "core/protocol/MerkleList.h"

#include "core/codec/Hex.h"
#include "core/crypto/Keccak.h"

#include <array>
#include <bit>
#include <string>

namespace ls::protocol {
namespace {

// k: the largest power of two strictly below n (n > 1), where RFC 6962 splits a list.
std::uint64_t splitPoint(std::uint64_t n)
{
    return std::bit_floor(n - 1);
}

Hash256 subtreeRoot(std::span<const Hash256> leaves)
{
    if (leaves.size() == 1)
        return leaves[0];
    const auto k = static_cast<std::size_t>(splitPoint(leaves.size()));
    return MerkleList::nodeHash(subtreeRoot(leaves.first(k)), subtreeRoot(leaves.subspan(k)));
}

// RFC 6962 §2.1.1 PATH(m, D[n]): the sibling of each subtree on the way from the leaf up, so
// the deepest sibling comes first.
void auditPath(std::span<const Hash256> leaves, std::size_t m, std::vector<Hash256>& out)
{
    if (leaves.size() <= 1)
        return;
    const auto k = static_cast<std::size_t>(splitPoint(leaves.size()));
    if (m < k) {
        auditPath(leaves.first(k), m, out);
        out.push_back(subtreeRoot(leaves.subspan(k)));
    } else {
        auditPath(leaves.subspan(k), m - k, out);
        out.push_back(subtreeRoot(leaves.first(k)));
    }
}

std::unexpected<Error> rejected(const std::string& why)
{
    return fail(ErrorKind::Verification, "Merkle proof rejected: " + why + ".");
}

} // namespace

Hash256 MerkleList::leafHash(ByteView item)
{
    crypto::Keccak256 hasher;
    const std::uint8_t tag = 0x00;
    hasher.update(ByteView(&tag, 1));
    // Keccak256::update memcpy()s from data() even for an empty span, whose data() may be null
    // (undefined behaviour that UBSan reports); an empty item adds nothing anyway.
    if (!item.empty())
        hasher.update(item);
    return hasher.finish();
}

Hash256 MerkleList::nodeHash(const Hash256& left, const Hash256& right)
{
    std::array<std::uint8_t, 65> input {};
    input[0] = 0x01;
    std::ranges::copy(left, input.begin() + 1);
    std::ranges::copy(right, input.begin() + 33);
    return crypto::keccak256(input);
}

Hash256 MerkleList::emptyRoot()
{
    return crypto::keccak256({});
}

Hash256 MerkleList::root(std::span<const Bytes> items)
{
    std::vector<Hash256> leaves;
    leaves.reserve(items.size());
    for (const Bytes& item : items)
        leaves.push_back(leafHash(item));
    return rootOfLeaves(leaves);
}

Hash256 MerkleList::rootOfLeaves(std::span<const Hash256> leafHashes)
{
    return leafHashes.empty() ? emptyRoot() : subtreeRoot(leafHashes);
}

Result<MerkleProof> MerkleList::proveIndex(std::span<const Bytes> items, std::uint64_t index)
{
    if (index >= items.size())
        return fail(ErrorKind::InvalidInput,
            "Cannot prove item " + std::to_string(index) + ": the list has "
                + std::to_string(items.size()) + " items.");
    std::vector<Hash256> leaves;
    leaves.reserve(items.size());
    for (const Bytes& item : items)
        leaves.push_back(leafHash(item));
    MerkleProof proof;
    proof.index = index;
    proof.count = items.size();
    auditPath(leaves, static_cast<std::size_t>(index), proof.path);
    return proof;
}

std::size_t MerkleList::proofLength(std::uint64_t index, std::uint64_t count)
{
    std::size_t length = 0;
    while (count > 1) {
        const std::uint64_t k = splitPoint(count);
        if (index < k) {
            count = k;
        } else {
            index -= k;
            count -= k;
        }
        ++length;
    }
    return length;
}

Result<void> MerkleList::verify(const Hash256& root, ByteView item, std::uint64_t index,
    std::uint64_t count, std::span<const Hash256> path)
{
    if (index >= count)
        return rejected("index " + std::to_string(index) + " is not below the item count "
            + std::to_string(count));
    const std::size_t expected = proofLength(index, count);
    if (path.size() != expected)
        return rejected("it has " + std::to_string(path.size()) + " sibling hashes, but item "
            + std::to_string(index) + " of " + std::to_string(count) + " needs "
            + std::to_string(expected));

    // RFC 9162 §2.1.3.2: walk up from the leaf; fn is the node's index at its level, sn the
    // last index at that level. A node that is a right child, or the last node of its level
    // with no right sibling (fn == sn), takes its sibling on the left.
    std::uint64_t fn = index;
    std::uint64_t sn = count - 1;
    Hash256 h = leafHash(item);
    for (const Hash256& sibling : path) {
        if ((fn & 1U) != 0 || fn == sn) {
            h = nodeHash(sibling, h);
            // A last node without a right sibling is promoted unchanged: skip those levels.
            while ((fn & 1U) == 0 && fn != 0) {
                fn >>= 1;
                sn >>= 1;
            }
        } else {
            h = nodeHash(h, sibling);
        }
        fn >>= 1;
        sn >>= 1;
    }
    // The length check above guarantees the walk ends at the root (sn == 0).
    if (h != root)
        return rejected("item " + std::to_string(index) + " of " + std::to_string(count)
            + " does not lead to the trusted root " + codec::toHex(root, true));
    return {};
}

} // namespace ls::protocol
