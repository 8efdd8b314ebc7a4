#include "core/node/execution/CatalogCounters.h"

#include "core/codec/RlpEncoder.h"
#include "core/protocol/RlpFields.h"

namespace ls::node {

Bytes CatalogCounters::encode() const
{
    codec::RlpEncoder rlp;
    rlp.beginList();
    rlp.addUInt(nextTitleId);
    rlp.endList();
    return rlp.finish();
}

Result<CatalogCounters> CatalogCounters::decode(ByteView encoded)
{
    auto fields = protocol::RlpFields::decode(encoded, "catalog counters entry", { "nextTitleId" });
    if (!fields)
        return std::unexpected(std::move(fields.error()));
    CatalogCounters counters;
    LS_PROTOCOL_ASSIGN_OR_RETURN(counters.nextTitleId, fields->u64(0));
    if (counters.nextTitleId == 0)
        return fields->fieldError(0, "title ids start at 1.");
    return counters;
}

} // namespace ls::node
