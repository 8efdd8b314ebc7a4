#pragma once

#include "core/crypto/Aead.h"
#include "core/crypto/SecureMemory.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ls::library {

// The key that encrypts one version's content container (docs/protocol.md §10). It is an AEAD
// key, so the container code takes it as one; a TitleKey is deliberately a different type so that
// content can never be encrypted with the title key itself by mistake.
using VersionKey = crypto::aead::Key;

// The one random secret per title (DESIGN.md §4 "Keys"): its author holds it, buyers receive it
// sealed to their box key, and every version's key is derived from it. Its commitment is public on
// chain (Catalog `keyCommitment`), so a buyer can tell a genuine key from a bogus one before
// spending time downloading or decrypting.
class TitleKey {
public:
    static constexpr std::size_t kSize = 32;
    // crypto_kdf context (exactly 8 bytes) for version keys; the subkey id is the version number.
    static constexpr std::string_view kVersionKeyContext = "LSverkey";
    // Prefix of the commitment preimage: keeps this hash apart from every other keccak in the
    // protocol (addresses, transaction hashes, state paths).
    static constexpr std::string_view kCommitmentDomain = "lightstreams/title-key-commitment/v1";

    // A fresh key from the OS CSPRNG.
    static TitleKey generate();
    // A key received from outside (a sealed-box delivery, a backup). Exactly 32 bytes.
    static Result<TitleKey> fromBytes(ByteView bytes);

    // The key for version `version` (versions start at 1, as on chain). Different versions give
    // independent keys; the same title key and version always give the same key.
    Result<VersionKey> versionKey(std::uint32_t version) const;

    // keccak256(kCommitmentDomain ‖ key): the bytes32 `keyCommitment` published on chain. Hiding,
    // because the key is 256 random bits; binding, because keccak is collision resistant.
    Hash256 commitment() const;

    // Whether this key is the one the chain committed to, compared in constant time. Failure is
    // ErrorKind::Verification with a message fit for a buyer.
    Result<void> checkCommitment(const Hash256& onChainCommitment) const;

    // The raw key, for sealing it to a buyer. Never log or persist this unencrypted.
    ByteView bytes() const { return m_key.view(); }

private:
    explicit TitleKey(const crypto::Secret<kSize>& key)
        : m_key(key)
    {
    }

    crypto::Secret<kSize> m_key;
};

} // namespace ls::library
