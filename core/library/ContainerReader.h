#pragma once

#include "core/crypto/SecureMemory.h"
#include "core/library/ContainerCipher.h"
#include "core/library/ContainerFormat.h"
#include "core/library/ContainerSource.h"
#include "core/library/TitleKeys.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>
#include <optional>
#include <span>

namespace ls::library {

// Random-access decryption of a content container (docs/protocol.md §9). Opening checks
// everything that can be checked without touching a chunk — the header, the file size it implies,
// the key and the header's authenticity — and each chunk is then authenticated when it is read, on
// its own, so a player can seek anywhere and a partly downloaded container is readable wherever
// its chunks have arrived.
//
// The problems it tells apart, each with its own message: not a container; a newer format;
// truncated (anywhere, including exactly at a chunk boundary) or extended; a damaged header
// (checksum); a wrong key; an altered header (checksum recomputed but not the key-bound tag); a
// damaged chunk; a chunk out of place (reordered).
//
// One buffer of one chunk, allocated at open and wiped on destruction, holds the most recently
// decrypted chunk, so memory does not depend on the content size. Not thread-safe.
class ContainerReader {
public:
    // Keyless: decodes the header and checks the source's size and the header padding against
    // it. Enough to learn the title, version and media type before fetching a key.
    static Result<container::ContainerHeader> readHeader(ContainerSource& source);

    // `source` must outlive the reader.
    static Result<ContainerReader> open(ContainerSource& source, const VersionKey& key);

    const container::ContainerHeader& header() const { return m_header; }
    std::uint64_t plaintextSize() const { return m_header.plaintextSize; }
    std::uint64_t chunkCount() const { return m_header.chunkCount(); }

    // The plaintext of chunk `index`, valid until the next call on this reader.
    Result<ByteView> readChunk(std::uint64_t index);

    // Plaintext bytes [offset, offset + out.size()), which must lie within the content; crosses
    // chunk boundaries as needed. Whole chunks are decrypted straight into `out`. On failure the
    // contents of `out` are unspecified (a chunk that failed is zeroed, never half-decrypted).
    Result<void> read(std::uint64_t offset, std::span<std::uint8_t> out);

private:
    // Reads stored chunk `index` into the buffer and decrypts it into `plaintext` (the buffer's
    // own plaintext area, or the caller's memory), telling damage from misplacement.
    Result<void> fetchAndOpen(std::uint64_t index, std::span<std::uint8_t> plaintext);

    ContainerReader(
        ContainerSource& source, container::ContainerHeader header, ContainerCipher cipher);

    ContainerSource* m_source;
    container::ContainerHeader m_header;
    ContainerCipher m_cipher;
    crypto::SecretBytes m_buffer; // stored chunk: index ‖ ciphertext ‖ tag, decrypted in place
    std::optional<std::uint64_t> m_bufferedChunk;
};

} // namespace ls::library
