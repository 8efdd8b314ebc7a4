#include "core/node/execution/ChainParams.h"

#include "core/codec/RlpEncoder.h"
#include "core/protocol/RlpFields.h"

#include <limits>
#include <string>

namespace ls::node {

Result<void> ChainParams::validate() const
{
    if (chainId == 0)
        return fail(ErrorKind::InvalidInput, "Invalid chain parameters: chainId must not be 0.");
    if (blockGasLimit < kMinBlockGasLimit)
        return fail(ErrorKind::InvalidInput,
            "Invalid chain parameters: blockGasLimit must be at least "
                + std::to_string(kMinBlockGasLimit) + " (one plain transfer), not "
                + std::to_string(blockGasLimit) + ".");
    if (serviceFeeBps > kMaxServiceFeeBps)
        return fail(ErrorKind::InvalidInput,
            "Invalid chain parameters: serviceFeeBps must be at most "
                + std::to_string(kMaxServiceFeeBps) + " (100 %), not "
                + std::to_string(serviceFeeBps) + ".");
    if (heartbeatMs == 0)
        return fail(
            ErrorKind::InvalidInput, "Invalid chain parameters: heartbeatMs must not be 0.");
    return {};
}

Bytes ChainParams::encode() const
{
    codec::RlpEncoder rlp;
    rlp.beginList();
    rlp.addUInt(minGasPrice);
    rlp.addUInt(blockGasLimit);
    rlp.addUInt(std::uint64_t { serviceFeeBps });
    rlp.addBytes(treasury.view());
    rlp.addUInt(heartbeatMs);
    rlp.endList();
    return rlp.finish();
}

Result<ChainParams> ChainParams::decode(ByteView encoded, std::uint64_t chainId)
{
    auto fields = protocol::RlpFields::decode(encoded, "chain parameters entry",
        { "minGasPrice", "blockGasLimit", "serviceFeeBps", "treasury", "heartbeatMs" });
    if (!fields)
        return std::unexpected(std::move(fields.error()));
    ChainParams params;
    params.chainId = chainId;
    LS_PROTOCOL_ASSIGN_OR_RETURN(params.minGasPrice, fields->u256(0));
    LS_PROTOCOL_ASSIGN_OR_RETURN(params.blockGasLimit, fields->u64(1));
    std::uint64_t bps = 0;
    LS_PROTOCOL_ASSIGN_OR_RETURN(bps, fields->u64(2));
    // Checked against the cap by validate(); this only keeps the narrowing exact.
    params.serviceFeeBps = bps > std::numeric_limits<std::uint32_t>::max()
        ? std::numeric_limits<std::uint32_t>::max()
        : static_cast<std::uint32_t>(bps);
    LS_PROTOCOL_ASSIGN_OR_RETURN(params.treasury, fields->address(3));
    LS_PROTOCOL_ASSIGN_OR_RETURN(params.heartbeatMs, fields->u64(4));
    if (auto valid = params.validate(); !valid)
        return fields->error(valid.error().message);
    return params;
}

} // namespace ls::node
