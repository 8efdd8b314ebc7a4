#pragma once

#include "core/crypto/Secp256k1.h"
#include "core/crypto/SecureMemory.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ls::crypto {

// A BIP-32 extended private key: a secp256k1 key plus the chain code that lets it derive
// children, with its place in the tree (depth, parent fingerprint, child number). Only private
// derivation is offered; an extended public key can be exported (xpub) but not imported.
class HdKey {
public:
    static constexpr std::uint32_t kHardened = 0x80000000u;
    static constexpr std::uint32_t kPrivateVersion = 0x0488ADE4u; // mainnet "xprv"
    static constexpr std::uint32_t kPublicVersion = 0x0488B21Eu; // mainnet "xpub"

    // The master key of a 16–64 byte seed (HMAC-SHA512 keyed with "Bitcoin seed").
    static Result<HdKey> fromSeed(ByteView seed);

    // Parses a serialised extended private key ("xprv…"), checking everything BIP-32 lists as
    // invalid: checksum, version, key prefix and range, and a master key's zero parent fields.
    static Result<HdKey> fromExtendedPrivateKey(std::string_view xprv);

    // CKDpriv. `index` ≥ kHardened derives a hardened child. Fails, as BIP-32 prescribes, in
    // the (probability < 2^-127) case that the index gives no valid key — the caller moves on
    // to the next index — and when the tree would exceed depth 255.
    Result<HdKey> deriveChild(std::uint32_t index) const;
    Result<HdKey> derivePath(std::span<const std::uint32_t> path) const;
    // A path such as "m/44'/60'/0'/0/0" (see parseDerivationPath); only valid on a master key.
    Result<HdKey> derivePath(std::string_view path) const;

    const PrivateKey& privateKey() const { return m_key; }
    const PublicKey& publicKey() const { return m_publicKey; }
    const Secret<32>& chainCode() const { return m_chainCode; }
    std::uint8_t depth() const { return m_depth; }
    std::uint32_t childNumber() const { return m_childNumber; }
    const FixedBytes<4>& parentFingerprint() const { return m_parentFingerprint; }
    // First four bytes of RIPEMD-160(SHA-256(compressed public key)): how children name it.
    FixedBytes<4> fingerprint() const;

    // Base58Check serialisations. The xprv is as secret as the key itself, hence SecretBytes.
    SecretBytes toExtendedPrivateKey() const;
    std::string toExtendedPublicKey() const;

private:
    HdKey(PrivateKey key, const Secret<32>& chainCode, std::uint8_t depth,
        const FixedBytes<4>& parentFingerprint, std::uint32_t childNumber);

    PrivateKey m_key;
    PublicKey m_publicKey;
    Secret<32> m_chainCode;
    std::uint8_t m_depth = 0;
    FixedBytes<4> m_parentFingerprint {};
    std::uint32_t m_childNumber = 0;
};

// Parses "m", "m/0", "m/44'/60'/0'/0/7": a leading "m", then decimal indexes below 2^31 without
// leading zeros, each optionally marked hardened with ', h or H. Anything else is an error that
// names the offending step.
Result<std::vector<std::uint32_t>> parseDerivationPath(std::string_view path);
// The inverse, writing hardened steps with "'".
std::string formatDerivationPath(std::span<const std::uint32_t> path);

// BIP-44 path of Ethereum account `index`: m/44'/60'/0'/0/index, what MetaMask, Ledger and
// ethers.js use, so a phrase opens the same accounts here as there (DESIGN.md §3).
std::vector<std::uint32_t> ethereumAccountPath(std::uint32_t index);
// The private key of that account for a BIP-39 seed. `index` must be below 2^31.
Result<PrivateKey> ethereumAccountKey(const Secret<64>& seed, std::uint32_t index);

} // namespace ls::crypto
