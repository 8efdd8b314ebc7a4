#pragma once

#include "core/crypto/SecureMemory.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>
#include <span>

// XChaCha20-Poly1305 (IETF construction, draft-irtf-cfrg-xchacha) through libsodium. The 24-byte
// nonce is large enough to pick at random for every message, so callers never track counters.
namespace ls::crypto::aead {

inline constexpr std::size_t kKeySize = 32;
inline constexpr std::size_t kNonceSize = 24;
inline constexpr std::size_t kTagSize = 16;

using Key = Secret<kKeySize>;
using Nonce = FixedBytes<kNonceSize>;
using Tag = FixedBytes<kTagSize>;

Key generateKey();
Nonce randomNonce();

// Returns ciphertext ‖ tag (plaintext.size() + kTagSize bytes). `ad` is authenticated, not
// encrypted.
Bytes encrypt(const Key& key, const Nonce& nonce, ByteView plaintext, ByteView ad = {});

// Reverses encrypt. A wrong key, nonce or ad, or any modified byte, gives ErrorKind::Verification
// and no plaintext.
Result<Bytes> decrypt(const Key& key, const Nonce& nonce, ByteView ciphertextAndTag,
                      ByteView ad = {});

// Same, for plaintexts that are themselves secrets: the result wipes itself.
Result<SecretBytes> decryptSecret(const Key& key, const Nonce& nonce, ByteView ciphertextAndTag,
                                  ByteView ad = {});

// Into-buffer forms for bulk data (the content container), so nothing is allocated per chunk.
// `out` must be exactly plaintext.size() + kTagSize (encrypt) or ciphertextAndTag.size() -
// kTagSize (decrypt) bytes long. `out` may start at the same address as the input (in-place) but
// must not otherwise overlap it. On a failed decryption `out` is zeroed.
Result<void> encryptInto(const Key& key, const Nonce& nonce, ByteView plaintext, ByteView ad,
                         std::span<std::uint8_t> out);
Result<void> decryptInto(const Key& key, const Nonce& nonce, ByteView ciphertextAndTag, ByteView ad,
                         std::span<std::uint8_t> out);

// Detached, in-place forms: the buffer is encrypted or decrypted where it lies and the tag is
// kept separately (e.g. in a chunk index). decryptInPlace leaves `data` zeroed when the tag does
// not verify.
Tag encryptInPlace(const Key& key, const Nonce& nonce, std::span<std::uint8_t> data,
                   ByteView ad = {});
Result<void> decryptInPlace(const Key& key, const Nonce& nonce, std::span<std::uint8_t> data,
                            const Tag& tag, ByteView ad = {});

} // namespace ls::crypto::aead
