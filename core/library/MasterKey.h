#pragma once

#include "core/crypto/Aead.h"
#include "core/crypto/SecureMemory.h"
#include "core/library/TitleKeys.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>

namespace ls::library {

// The library's master key: 32 random bytes made once, when the library is created, and kept
// only wrapped under the passphrase (MasterKeyRecord) on disk. Title keys are wrapped under a
// subkey of it, so changing the passphrase re-wraps this key alone and no title key is rewritten.
//
// A wrapped title key is one blob:
//
//   format (1 byte, = 1) ‖ nonce (24) ‖ XChaCha20-Poly1305(title key) ‖ tag (16)   = 73 bytes
//
// with associated data "lightstreams-library-title-key" ‖ 0 ‖ format ‖ title id (8, big-endian).
// Binding the title id means a wrapped key copied onto another title's row does not unwrap.
class MasterKey {
public:
    static constexpr std::uint8_t kTitleKeyFormat = 1;
    static constexpr std::size_t kWrappedTitleKeySize
        = 1 + crypto::aead::kNonceSize + TitleKey::kSize + crypto::aead::kTagSize;

    // A fresh random master key.
    static Result<MasterKey> generate();
    // The master key whose bytes were just unwrapped.
    static Result<MasterKey> fromBytes(const crypto::Secret<32>& bytes);

    // The raw key, only for wrapping it under a passphrase.
    const crypto::Secret<32>& bytes() const { return m_key; }

    Bytes wrapTitleKey(std::uint64_t titleId, const TitleKey& titleKey) const;
    // ErrorKind::Verification when the blob was altered, belongs to another title or to another
    // library; the message says so without revealing anything about the key.
    Result<TitleKey> unwrapTitleKey(std::uint64_t titleId, ByteView wrapped) const;

private:
    MasterKey() = default;

    crypto::Secret<32> m_key;
    crypto::aead::Key m_titleKeyWrapping; // crypto_kdf subkey 1, context "LSlibttl"
};

} // namespace ls::library
