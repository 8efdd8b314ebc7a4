#include "core/codec/AbiRevert.h"

#include "core/codec/AbiDecoder.h"
#include "core/codec/AbiEncoder.h"

#include <algorithm>

namespace ls::codec {

Bytes encodeRevertReason(std::string_view message)
{
    // Encoding a string as a string cannot fail.
    Bytes arguments = *abiEncode({ AbiType::string() }, { AbiValue::string(std::string(message)) });
    return concat({ kErrorStringSelector, arguments });
}

Result<std::string> decodeRevertReason(ByteView revertData)
{
    if (revertData.size() < kErrorStringSelector.size()
        || !std::ranges::equal(revertData.first(4), kErrorStringSelector))
        return fail(ErrorKind::InvalidInput,
            "The revert data is not an Error(string) message (selector 0x08c379a0).");
    auto values = abiDecode({ AbiType::string() }, revertData.subspan(4));
    if (!values)
        return std::unexpected(std::move(values.error()));
    const std::string* message = values->front().asString();
    if (message == nullptr)
        return fail(ErrorKind::Internal, "The ABI decoder returned a non-string for a string.");
    return *message;
}

} // namespace ls::codec
