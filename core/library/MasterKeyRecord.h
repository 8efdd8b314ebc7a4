#pragma once

#include "core/crypto/Aead.h"
#include "core/crypto/PasswordHash.h"
#include "core/library/MasterKey.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>

namespace ls::storage {
class Database;
}

namespace ls::library {

// The master key as the library database keeps it (table master_key, one row): wrapped with
// XChaCha20-Poly1305 under a key that Argon2id derives from the passphrase, with the salt and
// Argon2id parameters stored beside it. The associated data binds every stored field
//
//   "lightstreams-library-master-key" ‖ 0 ‖ format (4, BE) ‖ "argon2id" ‖ 0 ‖ opslimit (8, BE)
//   ‖ memlimit (8, BE) ‖ salt (16) ‖ "xchacha20poly1305" ‖ 0 ‖ nonce (24)
//
// so the tag doubles as the passphrase verifier (libsodium checks it in constant time): a wrong
// passphrase, and equally an edited salt or weakened parameters, fails to unwrap and is reported
// as ErrorKind::WrongPassphrase before anything is written.
class MasterKeyRecord {
public:
    static constexpr std::uint32_t kFormatVersion = 1;

    // Wraps `masterKey` under `passphrase` (non-empty) with a fresh salt and nonce. Takes as long
    // as Argon2id with `params` (about a second at moderate): never on the GUI thread.
    static Result<MasterKeyRecord> seal(
        const MasterKey& masterKey, ByteView passphrase, const crypto::pwhash::Params& params);

    // ErrorKind::WrongPassphrase for a wrong passphrase or an edited record.
    Result<MasterKey> unlock(ByteView passphrase) const;

    // Reads the row; a missing row or impossible values mean a damaged database (Io), parameters
    // outside pwhash's caps are refused (InvalidInput) before any derivation is attempted.
    static Result<MasterKeyRecord> load(storage::Database& database);
    // Writes (replaces) the row. The caller owns the transaction.
    Result<void> store(storage::Database& database) const;

    const crypto::pwhash::Params& kdfParams() const { return m_params; }
    // True when both records hold the same stored bytes (detects a change by another program).
    bool sameStoredBytes(const MasterKeyRecord& other) const;

private:
    MasterKeyRecord() = default;
    Bytes associatedData() const;

    std::uint32_t m_format = kFormatVersion;
    crypto::pwhash::Params m_params;
    crypto::pwhash::Salt m_salt {};
    crypto::aead::Nonce m_nonce {};
    Bytes m_wrappedKey; // encrypted master key ‖ tag (48 bytes)
};

} // namespace ls::library
