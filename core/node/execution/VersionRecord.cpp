#include "core/node/execution/VersionRecord.h"

#include "core/codec/RlpEncoder.h"
#include "core/protocol/RlpFields.h"

namespace ls::node {

Bytes VersionRecord::encode() const
{
    codec::RlpEncoder rlp;
    rlp.beginList();
    rlp.addBytes(contentInfohash);
    rlp.addUInt(size);
    rlp.addText(note);
    rlp.addUInt(addedAtMs);
    rlp.endList();
    return rlp.finish();
}

Result<VersionRecord> VersionRecord::decode(ByteView encoded)
{
    auto fields = protocol::RlpFields::decode(
        encoded, "version entry", { "contentInfohash", "size", "note", "addedAt" });
    if (!fields)
        return std::unexpected(std::move(fields.error()));
    VersionRecord version;
    LS_PROTOCOL_ASSIGN_OR_RETURN(version.contentInfohash, fields->hash(0));
    LS_PROTOCOL_ASSIGN_OR_RETURN(version.size, fields->u64(1));
    Bytes note;
    LS_PROTOCOL_ASSIGN_OR_RETURN(note, fields->bytes(2));
    version.note.assign(note.begin(), note.end());
    LS_PROTOCOL_ASSIGN_OR_RETURN(version.addedAtMs, fields->u64(3));
    return version;
}

} // namespace ls::node
