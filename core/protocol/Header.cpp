#include "core/protocol/Header.h"

#include "core/codec/RlpEncoder.h"
#include "core/crypto/Keccak.h"
#include "core/protocol/RlpFields.h"

namespace ls::protocol {

Bytes Header::encode() const
{
    codec::RlpEncoder rlp;
    rlp.beginList();
    rlp.addUInt(chainId);
    rlp.addUInt(height);
    rlp.addUInt(timeMs);
    rlp.addBytes(parentHash);
    rlp.addBytes(txRoot);
    rlp.addBytes(receiptsRoot);
    rlp.addBytes(stateRoot);
    rlp.addBytes(validatorsHash);
    rlp.addBytes(nextValidatorsHash);
    rlp.addBytes(proposer.view());
    rlp.endList();
    return rlp.finish();
}

Result<Header> Header::decode(ByteView encoded)
{
    auto item = codec::decodeRlp(encoded);
    if (!item)
        return fail(ErrorKind::InvalidInput, "Malformed block header: " + item.error().message);
    return fromRlp(*item);
}

Result<Header> Header::fromRlp(const codec::RlpItem& item)
{
    auto fields = RlpFields::open(item, "block header",
        { "chainId", "height", "timeMs", "parentHash", "txRoot", "receiptsRoot", "stateRoot",
            "validatorsHash", "nextValidatorsHash", "proposer" });
    if (!fields)
        return std::unexpected(std::move(fields.error()));
    Header header;
    LS_PROTOCOL_ASSIGN_OR_RETURN(header.chainId, fields->u64(0));
    LS_PROTOCOL_ASSIGN_OR_RETURN(header.height, fields->u64(1));
    LS_PROTOCOL_ASSIGN_OR_RETURN(header.timeMs, fields->u64(2));
    LS_PROTOCOL_ASSIGN_OR_RETURN(header.parentHash, fields->hash(3));
    LS_PROTOCOL_ASSIGN_OR_RETURN(header.txRoot, fields->hash(4));
    LS_PROTOCOL_ASSIGN_OR_RETURN(header.receiptsRoot, fields->hash(5));
    LS_PROTOCOL_ASSIGN_OR_RETURN(header.stateRoot, fields->hash(6));
    LS_PROTOCOL_ASSIGN_OR_RETURN(header.validatorsHash, fields->hash(7));
    LS_PROTOCOL_ASSIGN_OR_RETURN(header.nextValidatorsHash, fields->hash(8));
    LS_PROTOCOL_ASSIGN_OR_RETURN(header.proposer, fields->address(9));
    return header;
}

Hash256 Header::hash() const
{
    return crypto::keccak256(encode());
}

} // namespace ls::protocol
