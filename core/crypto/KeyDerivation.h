#pragma once

#include "core/crypto/SecureMemory.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

// Subkeys from one master key (libsodium crypto_kdf, BLAKE2b): the same master key, context and
// id always give the same subkey, and subkeys for different ids or contexts are independent.
namespace ls::crypto::kdf {

inline constexpr std::size_t kMasterKeySize = 32;
inline constexpr std::size_t kContextSize = 8; // e.g. "LSbox001": names the purpose
inline constexpr std::size_t kMinSubkeySize = 16;
inline constexpr std::size_t kMaxSubkeySize = 64;

using MasterKey = Secret<kMasterKeySize>;

// Fills `out` (16–64 bytes) with subkey `subkeyId` of `master` for `context` (exactly 8 chars).
Result<void> derive(std::span<std::uint8_t> out, const MasterKey& master, std::uint64_t subkeyId,
                    std::string_view context);

// The common case: a 32-byte subkey.
Result<Secret<32>> deriveKey(const MasterKey& master, std::uint64_t subkeyId,
                             std::string_view context);

} // namespace ls::crypto::kdf
