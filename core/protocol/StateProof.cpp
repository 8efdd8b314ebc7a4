#include "core/protocol/StateProof.h"

#include "core/codec/Hex.h"
#include "core/codec/RlpDecoder.h"
#include "core/codec/RlpEncoder.h"
#include "core/crypto/Keccak.h"

#include <algorithm>
#include <array>
#include <bit>
#include <string>

namespace ls::protocol {

namespace {

Hash256 hashTagged(std::uint8_t tag, const Hash256& a, const Hash256& b)
{
    std::array<std::uint8_t, 65> input;
    input[0] = tag;
    std::ranges::copy(a, input.begin() + 1);
    std::ranges::copy(b, input.begin() + 33);
    return crypto::keccak256(input);
}

std::unexpected<Error> invalid(const std::string& what)
{
    return fail(ErrorKind::InvalidInput, "Malformed state proof: " + what + ".");
}

std::unexpected<Error> rejected(const std::string& what)
{
    return fail(ErrorKind::Verification, "State proof rejected: " + what + ".");
}

std::string shortHex(const Hash256& hash)
{
    return codec::toHex(ByteView(hash).first(6), true) + "…";
}

// Both verifications share the structural checks and the root comparison.
Result<void> checkLeadsToRoot(const StateProof& proof, const Hash256& root, const Hash256& path)
{
    if (proof.depth() > kStatePathBits)
        return rejected("it is deeper than " + std::to_string(kStatePathBits) + " levels");
    if (proof.computeRoot(path) != root)
        return rejected("it does not lead to the trusted state root " + shortHex(root));
    return {};
}

} // namespace

Hash256 statePath(std::uint8_t ns, ByteView key)
{
    crypto::Keccak256 hasher;
    hasher.update(ByteView(&ns, 1));
    hasher.update(key);
    return hasher.finish();
}

Hash256 stateLeafHash(const Hash256& path, const Hash256& valueHash)
{
    return hashTagged(0x00, path, valueHash);
}

Hash256 stateInternalHash(const Hash256& left, const Hash256& right)
{
    return hashTagged(0x01, left, right);
}

Bytes StateProof::encode() const
{
    const std::size_t d = depth();
    Bytes bitmap((d + 7) / 8, 0);
    codec::RlpEncoder rlp;
    rlp.beginList();
    rlp.addUInt(static_cast<std::uint64_t>(d));
    for (std::size_t i = 0; i < d; ++i)
        if (siblings[i] != kEmptyStateHash)
            bitmap[i / 8] = static_cast<std::uint8_t>(bitmap[i / 8] | (0x80U >> (i % 8)));
    rlp.addBytes(bitmap);
    rlp.beginList();
    for (const auto& sibling : siblings)
        if (sibling != kEmptyStateHash)
            rlp.addBytes(sibling);
    rlp.endList();
    rlp.beginList();
    if (terminal) {
        rlp.addBytes(terminal->path);
        rlp.addBytes(terminal->valueHash);
    }
    rlp.endList();
    rlp.endList();
    return rlp.finish();
}

Result<StateProof> StateProof::decode(ByteView encoded)
{
    auto top = codec::decodeRlp(encoded);
    if (!top)
        return invalid(top.error().message);
    auto fields = top->listItems();
    if (!fields || fields->size() != 4)
        return invalid("expected a list of 4 fields [depth, bitmap, siblings, terminal]");
    const auto& items = *fields;

    auto depth = items[0].toUInt64();
    if (!depth)
        return invalid("depth: " + depth.error().message);
    if (*depth > kStatePathBits)
        return invalid(
            "depth " + std::to_string(*depth) + " is more than " + std::to_string(kStatePathBits));
    const auto d = static_cast<std::size_t>(*depth);

    auto bitmap = items[1].toBytes();
    if (!bitmap)
        return invalid("bitmap: " + bitmap.error().message);
    if (bitmap->size() != (d + 7) / 8)
        return invalid("the bitmap has " + std::to_string(bitmap->size()) + " bytes, depth "
            + std::to_string(d) + " needs " + std::to_string((d + 7) / 8));
    if (d % 8 != 0 && (bitmap->back() & (0xffU >> (d % 8))) != 0)
        return invalid("the bitmap has bits set past the depth");
    std::size_t expectedSiblings = 0;
    for (auto byte : *bitmap)
        expectedSiblings += static_cast<std::size_t>(std::popcount(byte));

    auto siblingItems = items[2].listItems();
    if (!siblingItems)
        return invalid("siblings: " + siblingItems.error().message);
    if (siblingItems->size() != expectedSiblings)
        return invalid("the bitmap announces " + std::to_string(expectedSiblings)
            + " non-empty siblings but " + std::to_string(siblingItems->size()) + " are present");

    StateProof proof;
    proof.siblings.assign(d, kEmptyStateHash);
    std::size_t next = 0;
    for (std::size_t i = 0; i < d; ++i) {
        if (((*bitmap)[i / 8] & (0x80U >> (i % 8))) == 0)
            continue;
        auto sibling = (*siblingItems)[next++].toFixed<32>();
        if (!sibling)
            return invalid("sibling " + std::to_string(i) + ": " + sibling.error().message);
        if (*sibling == kEmptyStateHash)
            return invalid(
                "sibling " + std::to_string(i) + " is the empty hash, which must be left out");
        proof.siblings[i] = *sibling;
    }

    auto terminalItems = items[3].listItems();
    if (!terminalItems)
        return invalid("terminal: " + terminalItems.error().message);
    if (terminalItems->size() == 2) {
        auto path = (*terminalItems)[0].toFixed<32>();
        auto valueHash = (*terminalItems)[1].toFixed<32>();
        if (!path || !valueHash)
            return invalid("terminal leaf: " + (path ? valueHash.error() : path.error()).message);
        proof.terminal = StateLeaf { *path, *valueHash };
    } else if (!terminalItems->empty()) {
        return invalid("the terminal must be [] (empty) or [path, valueHash]");
    }
    return proof;
}

Hash256 StateProof::computeRoot(const Hash256& path) const
{
    Hash256 h = terminal ? stateLeafHash(terminal->path, terminal->valueHash) : kEmptyStateHash;
    // Bits past 255 do not exist; a deeper proof is rejected before its root matters, and is
    // folded here with bit 0 so this function stays total.
    for (std::size_t i = siblings.size(); i-- > 0;) {
        bool right = i < kStatePathBits && pathBit(path, i);
        h = right ? stateInternalHash(siblings[i], h) : stateInternalHash(h, siblings[i]);
    }
    return h;
}

Result<void> StateProof::verifyInclusion(
    const Hash256& root, const Hash256& path, ByteView value) const
{
    if (auto ok = checkLeadsToRoot(*this, root, path); !ok)
        return ok;
    if (!terminal)
        return rejected("it shows that the entry " + shortHex(path) + " is absent");
    if (terminal->path != path)
        return rejected("it shows another entry (" + shortHex(terminal->path) + ") in the place of "
            + shortHex(path) + ", so that entry is absent");
    if (terminal->valueHash != crypto::keccak256(value))
        return rejected("the entry " + shortHex(path) + " holds a different value");
    return {};
}

Result<void> StateProof::verifyNonInclusion(const Hash256& root, const Hash256& path) const
{
    if (auto ok = checkLeadsToRoot(*this, root, path); !ok)
        return ok;
    if (!terminal)
        return {};
    if (terminal->path == path)
        return rejected("it shows that the entry " + shortHex(path) + " is present");
    // The other leaf must sit exactly where `path` would be; a leaf found off the path says
    // nothing about `path` (and cannot come from an honest tree).
    for (std::size_t i = 0; i < depth(); ++i)
        if (pathBit(terminal->path, i) != pathBit(path, i))
            return rejected("its leaf " + shortHex(terminal->path) + " is not on the path of "
                + shortHex(path));
    return {};
}

} // namespace ls::protocol
