#pragma once

#include "core/crypto/SecureMemory.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstddef>

// Anonymous public-key encryption to an X25519 key (libsodium crypto_box_seal): anyone holding
// the recipient's public key can seal; only the recipient can open, and learns nothing about the
// sender. Used to hand content keys to buyers and to send private feedback to authors.
namespace ls::crypto::sealedbox {

inline constexpr std::size_t kPublicKeySize = 32;
inline constexpr std::size_t kSecretKeySize = 32;
inline constexpr std::size_t kSeedSize = 32;
inline constexpr std::size_t kOverhead = 48; // ephemeral public key + MAC

using PublicKey = FixedBytes<kPublicKeySize>;

struct KeyPair {
    PublicKey publicKey{};
    Secret<kSecretKeySize> secretKey; // wiped when the key pair is destroyed

    static KeyPair generate();
    // Deterministic: the same seed always gives the same key pair (e.g. derived from a wallet).
    static KeyPair fromSeed(const Secret<kSeedSize>& seed);
};

// Seals `message` to `recipient`. Fails only for a degenerate public key (a low-order point that
// would make the shared secret predictable).
Result<Bytes> seal(const PublicKey& recipient, ByteView message);

// Opens a sealed message. A wrong key pair or damaged data gives ErrorKind::Verification.
Result<SecretBytes> open(ByteView sealed, const KeyPair& recipient);

} // namespace ls::crypto::sealedbox
