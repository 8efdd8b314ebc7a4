// libFuzzer target for transaction and receipt Merkle lists. Odd first byte: the rest is an
// encoded proof (MerkleProof::decode), which must re-encode exactly and verify without crashing.
// Even first byte: the rest is cut into a list of short items; every item's proof must verify
// against the list's root, and must fail for a changed item.
#include "core/protocol/MerkleList.h"
#include "core/protocol/MerkleProof.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ls;
    using protocol::MerkleList;
    if (size == 0)
        return 0;
    const ByteView input(data + 1, size - 1);

    if ((data[0] & 1U) != 0) {
        auto proof = protocol::MerkleProof::decode(input);
        if (!proof)
            return 0;
        if (!std::ranges::equal(proof->encode(), input))
            std::abort();
        if (proof->index >= proof->count
            || proof->path.size() != MerkleList::proofLength(proof->index, proof->count))
            std::abort();
        const Hash256 root = proof->path.empty() ? Hash256 {} : proof->path.back();
        (void)MerkleList::verify(root, input, *proof);
        return 0;
    }

    // Each item: one length byte (0–15) and that many bytes, at most 24 items (proving
    // every index is quadratic, and larger lists add no new shapes: the split logic repeats).
    std::vector<Bytes> items;
    std::size_t at = 0;
    while (at < input.size() && items.size() < 24) {
        const std::size_t length = std::min<std::size_t>(input[at] % 16U, input.size() - at - 1);
        items.emplace_back(input.begin() + static_cast<std::ptrdiff_t>(at + 1),
            input.begin() + static_cast<std::ptrdiff_t>(at + 1 + length));
        at += 1 + length;
    }
    const Hash256 root = MerkleList::root(items);
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto proof = MerkleList::proveIndex(items, i);
        if (!proof || !MerkleList::verify(root, items[i], *proof))
            std::abort();
        auto decoded = protocol::MerkleProof::decode(proof->encode());
        if (!decoded || !(*decoded == *proof))
            std::abort();
        Bytes changed = items[i];
        changed.push_back(0x5a);
        if (MerkleList::verify(root, changed, *proof))
            std::abort();
    }
    return 0;
}
