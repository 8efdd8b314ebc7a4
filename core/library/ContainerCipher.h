#pragma once

#include "core/crypto/Aead.h"
#include "core/library/ContainerFormat.h"
#include "core/library/TitleKeys.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace ls::library {

// The cryptography of one container (docs/protocol.md §9), shared by the writer and the reader so
// both build nonces and associated data the same way:
//   chunk i:    nonce = nonceBase ‖ be64(i),        ad = headerHash ‖ be64(i) ‖ final (1 byte)
//   header tag: nonce = nonceBase ‖ be64(2^64 − 1), ad = header bytes [0, 136), empty plaintext
// Chunk indices stay below 2^48, so the header tag's nonce is never a chunk's.
class ContainerCipher {
public:
    static constexpr std::size_t kAdSize = 32 + 8 + 1;
    // crypto_kdf context of the key check value (subkey id 0 of the version key).
    static constexpr std::string_view kKeyCheckContext = "LSCkeyck";

    ContainerCipher(const VersionKey& key, const FixedBytes<container::kNonceBaseSize>& nonceBase);

    // A one-way fingerprint of the key stored in the header: a reader learns "wrong key" up front
    // instead of a failure on every chunk that would look like damage.
    static FixedBytes<container::kKeyCheckSize> keyCheck(const VersionKey& key);
    bool keyMatches(const FixedBytes<container::kKeyCheckSize>& storedKeyCheck) const;

    crypto::aead::Tag headerTag(ByteView authenticatedPart) const;
    bool headerTagMatches(ByteView authenticatedPart, const crypto::aead::Tag& tag) const;

    // Every chunk's associated data carries the header hash, so chunks cannot be moved between
    // containers or decrypted under an edited header. Call before sealing or opening chunks.
    void bindHeader(const Hash256& headerHash) { m_headerHash = headerHash; }

    // `chunk` holds the plaintext followed by kTagSize spare bytes; afterwards it holds
    // ciphertext ‖ tag. Nothing is allocated.
    void sealChunk(std::uint64_t index, bool final, std::span<std::uint8_t> chunk) const;
    // The reverse: `plaintext` (exactly ciphertextAndTag.size() − kTagSize bytes) receives the
    // content. It may start at the ciphertext's own address (in place) or be a separate buffer
    // (a reader's caller's, saving a copy); on failure (ErrorKind::Verification) it is zeroed.
    Result<void> openChunk(std::uint64_t index, bool final, ByteView ciphertextAndTag,
        std::span<std::uint8_t> plaintext) const;
    // In place: afterwards the first chunk.size() − kTagSize bytes are the plaintext.
    Result<void> openChunk(std::uint64_t index, bool final, std::span<std::uint8_t> chunk) const
    {
        if (chunk.size() < container::kTagSize)
            return openChunk(index, final, chunk, {});
        return openChunk(index, final, chunk, chunk.first(chunk.size() - container::kTagSize));
    }

private:
    crypto::aead::Tag tagOfEmptyMessage(const crypto::aead::Nonce& nonce, ByteView ad) const;
    crypto::aead::Nonce nonceFor(std::uint64_t index) const;
    FixedBytes<kAdSize> adFor(std::uint64_t index, bool final) const;

    VersionKey m_key;
    FixedBytes<container::kNonceBaseSize> m_nonceBase;
    Hash256 m_headerHash {};
};

} // namespace ls::library
