#pragma once

#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace ls::codec {

// Bitcoin's Base58 (alphabet without 0, O, I and l) and Base58Check (payload followed by the
// first four bytes of SHA-256(SHA-256(payload))). Used for BIP-32 extended keys (xprv/xpub).
//
// Decoding is strict: no whitespace, no characters outside the alphabet, and every leading '1'
// stands for one zero byte, so each byte string has exactly one encoding. Base58 conversion is
// quadratic in the length, so decoding refuses input that would exceed `maxDecodedSize` bytes
// before doing the work.
inline constexpr std::size_t kBase58DefaultMaxDecodedSize = 1024;

std::string base58Encode(ByteView data);
Result<Bytes> base58Decode(
    std::string_view text, std::size_t maxDecodedSize = kBase58DefaultMaxDecodedSize);

std::string base58CheckEncode(ByteView payload);
// Verification errors (ErrorKind::Verification) mean the checksum did not match: a typo.
Result<Bytes> base58CheckDecode(
    std::string_view text, std::size_t maxDecodedSize = kBase58DefaultMaxDecodedSize);

} // namespace ls::codec
