#pragma once

#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <string>
#include <string_view>

namespace ls::codec {

// Revert data of Solidity's require(cond, "reason") / revert("reason"): a call to
// Error(string), i.e. selector 0x08c379a0 then the ABI-encoded message.
inline constexpr FixedBytes<4> kErrorStringSelector { 0x08, 0xc3, 0x79, 0xa0 };

Bytes encodeRevertReason(std::string_view message);
// The message, or an error when the data is not a well-formed Error(string) payload (other
// errors, such as Panic(uint256) or custom errors, have other selectors).
Result<std::string> decodeRevertReason(ByteView revertData);

} // namespace ls::codec
