#pragma once

#include "core/crypto/SecureMemory.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>

namespace ls::crypto {

// SHA-256 and SHA-512 (FIPS 180-4), HMAC-SHA-512 (RFC 2104) and PBKDF2-HMAC-SHA512 (RFC 8018):
// what BIP-39 seeds, BIP-32 key derivation and Base58Check need. All of it runs on libsodium's
// implementations; this file only gives them types that wipe themselves.

FixedBytes<32> sha256(ByteView data);
FixedBytes<64> sha512(ByteView data);

// Streaming HMAC-SHA-512. The keyed state is kept, so after finish() the object is ready for a
// new message under the same key without re-keying (PBKDF2 relies on this). Every state that
// depends on the key is wiped on destruction. Not copyable: copies of keyed state are secrets.
class HmacSha512 {
public:
    static constexpr std::size_t kSize = 64;

    explicit HmacSha512(ByteView key);
    HmacSha512(const HmacSha512&) = delete;
    HmacSha512& operator=(const HmacSha512&) = delete;
    ~HmacSha512();

    void update(ByteView data);
    Secret<kSize> finish();

    // libsodium's crypto_auth_hmacsha512_state, held opaquely so this header does not pull in
    // <sodium.h>; Sha2.cpp checks the size and alignment at compile time.
    static constexpr std::size_t kStateSize = 416;

private:
    alignas(16) unsigned char m_keyed[kStateSize] {}; // state right after keying, never updated
    alignas(16) unsigned char m_running[kStateSize] {}; // the message in progress
};

Secret<HmacSha512::kSize> hmacSha512(ByteView key, ByteView data);

// PBKDF2 with HMAC-SHA-512 as the PRF. Fails only on nonsense parameters (no iterations, an
// empty or absurdly long output), never on the password or salt.
Result<SecretBytes> pbkdf2HmacSha512(
    ByteView password, ByteView salt, std::uint32_t iterations, std::size_t length);

} // namespace ls::crypto
