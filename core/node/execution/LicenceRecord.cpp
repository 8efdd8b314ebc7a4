#include "core/node/execution/LicenceRecord.h"

#include "core/codec/RlpEncoder.h"
#include "core/protocol/RlpFields.h"

#include <limits>

namespace ls::node {

Bytes LicenceRecord::encode() const
{
    codec::RlpEncoder rlp;
    rlp.beginList();
    rlp.addUInt(std::uint64_t { versionAtPurchase });
    rlp.addUInt(price);
    rlp.addUInt(timeMs);
    rlp.addBytes(buyerBoxKey);
    rlp.endList();
    return rlp.finish();
}

Result<LicenceRecord> LicenceRecord::decode(ByteView encoded)
{
    auto fields = protocol::RlpFields::decode(
        encoded, "licence entry", { "versionAtPurchase", "price", "time", "buyerBoxKey" });
    if (!fields)
        return std::unexpected(std::move(fields.error()));
    LicenceRecord licence;
    std::uint64_t version = 0;
    LS_PROTOCOL_ASSIGN_OR_RETURN(version, fields->u64(0));
    if (version > std::numeric_limits<std::uint32_t>::max())
        return fields->fieldError(0, "it must fit in 32 bits.");
    licence.versionAtPurchase = static_cast<std::uint32_t>(version);
    LS_PROTOCOL_ASSIGN_OR_RETURN(licence.price, fields->u256(1));
    LS_PROTOCOL_ASSIGN_OR_RETURN(licence.timeMs, fields->u64(2));
    LS_PROTOCOL_ASSIGN_OR_RETURN(licence.buyerBoxKey, fields->hash(3));
    return licence;
}

} // namespace ls::node
