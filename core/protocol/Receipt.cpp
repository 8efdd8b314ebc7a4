#include "core/protocol/Receipt.h"

#include "core/codec/RlpEncoder.h"
#include "core/protocol/RlpFields.h"

namespace ls::protocol {
namespace {

// Well-formed UTF-8 as Unicode defines it (table 3-7): no overlong forms, no surrogates, nothing
// above U+10FFFF. A receipt's reason is shown to users, so it must be text.
bool isValidUtf8(ByteView bytes)
{
    std::size_t i = 0;
    while (i < bytes.size()) {
        const std::uint8_t b = bytes[i];
        std::size_t length = 0;
        std::uint8_t low = 0x80; // allowed range of the second byte
        std::uint8_t high = 0xbf;
        if (b < 0x80) {
            ++i;
            continue;
        }
        if (b >= 0xc2 && b <= 0xdf) {
            length = 2;
        } else if (b >= 0xe0 && b <= 0xef) {
            length = 3;
            low = b == 0xe0 ? 0xa0 : 0x80; // overlong
            high = b == 0xed ? 0x9f : 0xbf; // surrogates
        } else if (b >= 0xf0 && b <= 0xf4) {
            length = 4;
            low = b == 0xf0 ? 0x90 : 0x80; // overlong
            high = b == 0xf4 ? 0x8f : 0xbf; // above U+10FFFF
        } else {
            return false;
        }
        if (bytes.size() - i < length)
            return false;
        if (bytes[i + 1] < low || bytes[i + 1] > high)
            return false;
        for (std::size_t k = 2; k < length; ++k)
            if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf)
                return false;
        i += length;
    }
    return true;
}

} // namespace

Bytes Receipt::encode() const
{
    codec::RlpEncoder rlp;
    rlp.beginList();
    rlp.addBytes(txHash);
    rlp.addUInt(std::uint64_t { status });
    rlp.addUInt(gasUsed);
    rlp.addUInt(cumulativeGasUsed);
    rlp.addUInt(effectiveGasPrice);
    rlp.beginList();
    for (const Log& log : logs)
        log.appendTo(rlp);
    rlp.endList();
    rlp.addText(revertReason);
    rlp.endList();
    return rlp.finish();
}

Result<Receipt> Receipt::decode(ByteView encoded)
{
    auto item = codec::decodeRlp(encoded);
    if (!item)
        return fail(ErrorKind::InvalidInput, "Malformed receipt: " + item.error().message);
    return fromRlp(*item);
}

Result<Receipt> Receipt::fromRlp(const codec::RlpItem& item)
{
    auto fields = RlpFields::open(item, "receipt",
        { "txHash", "status", "gasUsed", "cumulativeGasUsed", "effectiveGasPrice", "logs",
            "revertReason" });
    if (!fields)
        return std::unexpected(std::move(fields.error()));
    Receipt receipt;
    LS_PROTOCOL_ASSIGN_OR_RETURN(receipt.txHash, fields->hash(0));
    std::uint64_t status = 0;
    LS_PROTOCOL_ASSIGN_OR_RETURN(status, fields->u64(1));
    if (status > kSuccess)
        return fields->fieldError(
            1, "it must be 0 (failure) or 1 (success), not " + std::to_string(status) + ".");
    receipt.status = static_cast<std::uint8_t>(status);
    LS_PROTOCOL_ASSIGN_OR_RETURN(receipt.gasUsed, fields->u64(2));
    LS_PROTOCOL_ASSIGN_OR_RETURN(receipt.cumulativeGasUsed, fields->u64(3));
    LS_PROTOCOL_ASSIGN_OR_RETURN(receipt.effectiveGasPrice, fields->u256(4));
    std::vector<codec::RlpItem> logs;
    LS_PROTOCOL_ASSIGN_OR_RETURN(logs, fields->list(5));
    receipt.logs.reserve(logs.size());
    for (const codec::RlpItem& entry : logs) {
        auto log = Log::fromRlp(entry);
        if (!log)
            return std::unexpected(std::move(log.error()));
        receipt.logs.push_back(std::move(*log));
    }
    Bytes reason;
    LS_PROTOCOL_ASSIGN_OR_RETURN(reason, fields->bytes(6));
    if (!isValidUtf8(reason))
        return fields->fieldError(6, "it is not valid UTF-8 text.");
    if (status == kSuccess && !reason.empty())
        return fields->fieldError(6, "a successful transaction has no revert reason.");
    receipt.revertReason.assign(reason.begin(), reason.end());
    return receipt;
}

} // namespace ls::protocol
