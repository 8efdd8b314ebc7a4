#include "core/node/execution/TitleRecord.h"

#include "core/codec/RlpEncoder.h"
#include "core/protocol/RlpFields.h"

#include <limits>

namespace ls::node {

Bytes TitleRecord::encode() const
{
    codec::RlpEncoder rlp;
    rlp.beginList();
    rlp.addBytes(author.view());
    rlp.addBytes(metadataInfohash);
    rlp.addBytes(keyCommitment);
    rlp.addUInt(price);
    rlp.addText(subject);
    rlp.addUInt(std::uint64_t { salesModel });
    rlp.addUInt(std::uint64_t { listed ? 1U : 0U });
    rlp.addUInt(std::uint64_t { versionCount });
    rlp.addUInt(salesCount);
    rlp.addUInt(revenue);
    rlp.addUInt(publishedAtMs);
    rlp.endList();
    return rlp.finish();
}

Result<TitleRecord> TitleRecord::decode(ByteView encoded)
{
    auto fields = protocol::RlpFields::decode(encoded, "title entry",
        { "author", "metadataInfohash", "keyCommitment", "price", "subject", "salesModel", "listed",
            "versionCount", "salesCount", "revenue", "publishedAt" });
    if (!fields)
        return std::unexpected(std::move(fields.error()));
    TitleRecord title;
    LS_PROTOCOL_ASSIGN_OR_RETURN(title.author, fields->address(0));
    LS_PROTOCOL_ASSIGN_OR_RETURN(title.metadataInfohash, fields->hash(1));
    LS_PROTOCOL_ASSIGN_OR_RETURN(title.keyCommitment, fields->hash(2));
    LS_PROTOCOL_ASSIGN_OR_RETURN(title.price, fields->u256(3));
    Bytes subject;
    LS_PROTOCOL_ASSIGN_OR_RETURN(subject, fields->bytes(4));
    title.subject.assign(subject.begin(), subject.end());
    std::uint64_t salesModel = 0;
    LS_PROTOCOL_ASSIGN_OR_RETURN(salesModel, fields->u64(5));
    if (salesModel > std::numeric_limits<std::uint8_t>::max())
        return fields->fieldError(5, "it must fit in 8 bits.");
    title.salesModel = static_cast<std::uint8_t>(salesModel);
    std::uint64_t listed = 0;
    LS_PROTOCOL_ASSIGN_OR_RETURN(listed, fields->u64(6));
    if (listed > 1)
        return fields->fieldError(6, "it must be 0 or 1.");
    title.listed = listed == 1;
    std::uint64_t versionCount = 0;
    LS_PROTOCOL_ASSIGN_OR_RETURN(versionCount, fields->u64(7));
    if (versionCount > std::numeric_limits<std::uint32_t>::max())
        return fields->fieldError(7, "it must fit in 32 bits.");
    title.versionCount = static_cast<std::uint32_t>(versionCount);
    LS_PROTOCOL_ASSIGN_OR_RETURN(title.salesCount, fields->u64(8));
    LS_PROTOCOL_ASSIGN_OR_RETURN(title.revenue, fields->u256(9));
    LS_PROTOCOL_ASSIGN_OR_RETURN(title.publishedAtMs, fields->u64(10));
    return title;
}

} // namespace ls::node
