#pragma once

#include "core/codec/AbiType.h"
#include "core/codec/AbiValue.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <vector>

namespace ls::codec {

// Decodes enc((v1, ..., vn)) for the given types (no selector; see AbiSignature::decodeCall).
//
// The decoder is strict: it accepts exactly the bytes abiEncode produces, so every input has one
// meaning and decode-then-encode gives the input back. Refused with ErrorKind::InvalidInput and
// the byte offset: data too short; offsets that are not the next free position (gaps, overlaps,
// pointers backwards or out of range); lengths past the end; nonzero padding; bool other than 0
// or 1; uint<M> wider than M bits; int<M> not sign-extended; address with nonzero upper bytes;
// array counts larger than the remaining data could hold (so a short input cannot make it
// allocate much); and bytes left over after the last value.
Result<AbiValue::List> abiDecode(const std::vector<AbiType>& types, ByteView data);

} // namespace ls::codec
