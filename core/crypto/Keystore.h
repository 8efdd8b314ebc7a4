#pragma once

#include "core/crypto/Address.h"
#include "core/crypto/Aead.h"
#include "core/crypto/PasswordHash.h"
#include "core/crypto/SecureMemory.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string_view>

namespace ls::crypto {

// What a key file protects.
enum class KeystorePayload {
    Mnemonic,   // a BIP-39 phrase as UTF-8 text (the whole HD wallet)
    PrivateKey, // one raw 32-byte secp256k1 key (an imported account)
};

// An encrypted wallet secret on disk (DESIGN.md §3): the passphrase goes through Argon2id, the
// resulting key encrypts the secret with XChaCha20-Poly1305. The file is a small JSON document:
//
//   { "format": "lightstreams-keystore", "version": 1,
//     "address": "0x…" (EIP-55; public so the account can be shown before unlocking),
//     "kind": "mnemonic" | "private-key",
//     "kdf": { "name": "argon2id", "opslimit": 3, "memlimit": 268435456, "salt": "<32 hex>" },
//     "cipher": { "name": "xchacha20poly1305", "nonce": "<48 hex>" },
//     "ciphertext": "<hex: encrypted secret ‖ 16-byte tag>" }
//
// Every header field is bound into the AEAD's associated data, so editing any of them (say, the
// address shown to the user, or weaker KDF parameters) makes decryption fail.
class Keystore {
public:
    static constexpr std::uint32_t kFormatVersion = 1;
    static constexpr std::string_view kFormatName = "lightstreams-keystore";
    static constexpr std::size_t kMaxFileSize = 64 * 1024; // real files are under 1 KiB
    static constexpr std::size_t kMaxMnemonicSize = 1024;  // 24 words need ~220 bytes

    enum class Overwrite { No, Yes };

    // Encrypts `secret` under `passphrase` (non-empty). For PrivateKey the secret must be a valid
    // key whose address is `address`; for Mnemonic it must be non-empty UTF-8 text. `address`
    // cannot be checked against a mnemonic here: the caller derives it (BIP-44 account 0).
    static Result<Keystore> create(KeystorePayload kind, const SecretBytes& secret,
                                   const Address& address, ByteView passphrase,
                                   const pwhash::Params& params = pwhash::Params::moderate());

    // Strict parser for key file bytes. Unknown versions give ErrorKind::Unsupported; anything
    // malformed, oversized or with absurd KDF parameters gives ErrorKind::InvalidInput.
    static Result<Keystore> parse(ByteView bytes);
    Bytes serialize() const;

    static Result<Keystore> load(const std::filesystem::path& path);
    // Atomic, owner-only (0600). Refuses to replace an existing file unless told to.
    Result<void> save(const std::filesystem::path& path, Overwrite overwrite = Overwrite::No) const;

    // Decrypts the secret. A wrong passphrase (or an edited header) gives
    // ErrorKind::WrongPassphrase.
    Result<SecretBytes> unlock(ByteView passphrase) const;

    // The same secret under a new passphrase, with fresh salt and nonce. `oldPassphrase` is
    // verified first. `params` defaults to this key file's own parameters.
    Result<Keystore> withNewPassphrase(ByteView oldPassphrase, ByteView newPassphrase,
                                       std::optional<pwhash::Params> params = {}) const;

    // Loads `path`, re-encrypts under `newPassphrase` and atomically replaces the file. A wrong
    // old passphrase or a damaged file leaves the file untouched.
    static Result<void> changePassphrase(const std::filesystem::path& path, ByteView oldPassphrase,
                                         ByteView newPassphrase,
                                         std::optional<pwhash::Params> params = {});

    KeystorePayload kind() const { return m_kind; }
    const Address& address() const { return m_address; }
    const pwhash::Params& kdfParams() const { return m_params; }

private:
    Keystore() = default;
    Bytes associatedData() const;

    KeystorePayload m_kind = KeystorePayload::Mnemonic;
    Address m_address;
    pwhash::Params m_params;
    pwhash::Salt m_salt{};
    aead::Nonce m_nonce{};
    Bytes m_ciphertext; // encrypted secret ‖ tag
};

} // namespace ls::crypto
