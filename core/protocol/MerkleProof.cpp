#include "core/protocol/MerkleProof.h"

#include "core/codec/RlpEncoder.h"
#include "core/protocol/MerkleList.h"
#include "core/protocol/RlpFields.h"

#include <string>

namespace ls::protocol {

Bytes MerkleProof::encode() const
{
    codec::RlpEncoder rlp;
    rlp.beginList();
    rlp.addUInt(index);
    rlp.addUInt(count);
    rlp.beginList();
    for (const Hash256& sibling : path)
        rlp.addBytes(sibling);
    rlp.endList();
    rlp.endList();
    return rlp.finish();
}

Result<MerkleProof> MerkleProof::decode(ByteView encoded)
{
    auto fields = RlpFields::decode(encoded, "Merkle proof", { "index", "count", "path" });
    if (!fields)
        return std::unexpected(std::move(fields.error()));
    MerkleProof proof;
    LS_PROTOCOL_ASSIGN_OR_RETURN(proof.index, fields->u64(0));
    LS_PROTOCOL_ASSIGN_OR_RETURN(proof.count, fields->u64(1));
    if (proof.index >= proof.count)
        return fields->error("index " + std::to_string(proof.index)
            + " is not below the item count " + std::to_string(proof.count) + ".");
    std::vector<codec::RlpItem> siblings;
    LS_PROTOCOL_ASSIGN_OR_RETURN(siblings, fields->list(2));
    const std::size_t expected = MerkleList::proofLength(proof.index, proof.count);
    if (siblings.size() != expected)
        return fields->fieldError(2,
            "it has " + std::to_string(siblings.size()) + " sibling hashes, but item "
                + std::to_string(proof.index) + " of " + std::to_string(proof.count) + " needs "
                + std::to_string(expected) + ".");
    proof.path.reserve(siblings.size());
    for (std::size_t i = 0; i < siblings.size(); ++i) {
        auto sibling = siblings[i].toFixed<32>();
        if (!sibling)
            return fields->fieldError(
                2, "sibling " + std::to_string(i) + ": " + sibling.error().message);
        proof.path.push_back(*sibling);
    }
    return proof;
}

} // namespace ls::protocol
