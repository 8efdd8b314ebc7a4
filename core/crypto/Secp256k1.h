#pragma once

#include "core/crypto/SecureMemory.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <array>
#include <cstdint>

namespace ls::crypto {

class PrivateKey;
struct RecoverableSignature;

// A secp256k1 public key as its 64-byte uncompressed X‖Y (no 0x04 prefix), the form Ethereum hashes.
class PublicKey {
public:
    static Result<PublicKey> parse(ByteView serialized); // 33-byte compressed or 65-byte uncompressed
    static Result<PublicKey> fromXY(ByteView xy);        // 64 bytes

    const FixedBytes<64>& xy() const { return m_xy; }
    FixedBytes<33> compressed() const;
    FixedBytes<65> uncompressed() const;

    friend bool operator==(const PublicKey&, const PublicKey&) = default;

private:
    // Only code that got the point from libsecp256k1 (so it is known to be on the curve) may
    // skip validation.
    friend class PrivateKey;
    friend Result<PublicKey> recover(const Hash256& digest, const RecoverableSignature& signature);
    explicit PublicKey(const FixedBytes<64>& xy) : m_xy(xy) {}
    FixedBytes<64> m_xy{};
};

// A valid secp256k1 secret scalar (0 < k < n). Wiped on destruction.
class PrivateKey {
public:
    static Result<PrivateKey> fromBytes(ByteView bytes); // exactly 32 bytes, in range
    static PrivateKey generate();                        // from the OS CSPRNG

    const Secret<32>& secret() const { return m_secret; }
    PublicKey publicKey() const;

private:
    explicit PrivateKey(const Secret<32>& secret) : m_secret(secret) {}
    Secret<32> m_secret;
};

// An ECDSA signature with its recovery id, always low-S (s ≤ n/2) as Ethereum requires (EIP-2).
struct RecoverableSignature {
    FixedBytes<32> r{};
    FixedBytes<32> s{};
    std::uint8_t recoveryId = 0; // 0 or 1 (the y-parity of R)

    FixedBytes<65> toBytes() const; // r ‖ s ‖ recoveryId
    static Result<RecoverableSignature> fromBytes(ByteView bytes); // 65 bytes; v of 0/1 or 27/28
    bool isLowS() const;

    friend bool operator==(const RecoverableSignature&, const RecoverableSignature&) = default;
};

// Signs a 32-byte digest deterministically (RFC 6979 nonces) and returns a low-S signature.
RecoverableSignature sign(const PrivateKey& key, const Hash256& digest);

// Recovers the signer. Rejects high-S signatures, r or s out of range, and bad recovery ids.
Result<PublicKey> recover(const Hash256& digest, const RecoverableSignature& signature);

// True when `signature` is a valid low-S signature of `digest` by `key`.
bool verify(const PublicKey& key, const Hash256& digest, const RecoverableSignature& signature);

} // namespace ls::crypto
