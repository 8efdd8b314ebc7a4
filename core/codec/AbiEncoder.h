#pragma once

#include "core/codec/AbiType.h"
#include "core/codec/AbiValue.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <vector>

namespace ls::codec {

// enc((v1, ..., vn)) of the Solidity ABI: the head/tail layout of a tuple, as used for call
// arguments, return values, event data and revert payloads. The output is in the spec's strict
// form (no gaps, offsets as small as possible), which is what AbiDecoder accepts.
//
// Each value must match its type (see AbiValue); a mismatch, an integer out of range for uint<M>
// or int<M>, a bytes<M> of the wrong length or an array of the wrong length is an InvalidInput
// error naming the argument.
Result<Bytes> abiEncode(const std::vector<AbiType>& types, const AbiValue::List& values);

} // namespace ls::codec
