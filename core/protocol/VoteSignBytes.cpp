#include "core/protocol/VoteSignBytes.h"

#include "core/codec/RlpEncoder.h"
#include "core/crypto/Keccak.h"

namespace ls::protocol {

Hash256 voteSignBytes(
    std::uint64_t chainId, std::uint64_t height, std::uint64_t round, const Hash256& blockHash)
{
    codec::RlpEncoder rlp;
    rlp.beginList();
    rlp.addText(kPrecommitDomain);
    rlp.addUInt(chainId);
    rlp.addUInt(height);
    rlp.addUInt(round);
    rlp.addBytes(blockHash);
    rlp.endList();
    return crypto::keccak256(rlp.finish());
}

} // namespace ls::protocol
