#include "core/protocol/LightBlock.h"

#include "core/codec/RlpEncoder.h"
#include "core/protocol/RlpFields.h"

namespace ls::protocol {

Bytes LightBlock::encode() const
{
    codec::RlpEncoder rlp;
    rlp.beginList();
    rlp.addEncoded(header.encode());
    rlp.addEncoded(commit.encode());
    rlp.addEncoded(validators.encode());
    rlp.endList();
    return rlp.finish();
}

Result<LightBlock> LightBlock::decode(ByteView encoded)
{
    auto fields = RlpFields::decode(encoded, "light block", { "header", "commit", "validatorSet" });
    if (!fields)
        return std::unexpected(std::move(fields.error()));
    auto header = Header::fromRlp(fields->item(0));
    if (!header)
        return std::unexpected(std::move(header.error()));
    auto commit = Commit::fromRlp(fields->item(1));
    if (!commit)
        return std::unexpected(std::move(commit.error()));
    auto validators = ValidatorSet::fromRlp(fields->item(2));
    if (!validators)
        return std::unexpected(std::move(validators.error()));
    return LightBlock { *header, std::move(*commit), std::move(*validators) };
}

} // namespace ls::protocol
