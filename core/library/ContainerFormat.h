#pragma once

#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

// The content container (.lsc), docs/protocol.md §9: a header slot, then fixed-size chunks each
// sealed with XChaCha20-Poly1305. This file is the keyless part: layout, constants and the strict
// header codec. ContainerCipher does the cryptography, ContainerWriter/ContainerReader the I/O.
namespace ls::library::container {

// "LSC", NUL, CR LF, SUB, LF: the NUL and line endings make a text-mode transfer (which rewrites
// line endings) or a C-string copy visibly break the file instead of corrupting it silently.
inline constexpr FixedBytes<8> kMagic = { 'L', 'S', 'C', 0x00, 0x0d, 0x0a, 0x1a, 0x0a };
inline constexpr std::uint16_t kFormatVersion = 1;
// Suite 1: XChaCha20-Poly1305-IETF chunks, crypto_kdf version keys, SHA-256 header hash.
inline constexpr std::uint16_t kCipherSuite = 1;

// Chunk sizes are the bytes a full chunk occupies in the file, tag and index included. A power of
// two, so every BitTorrent piece size (also a power of two, and at least as large) is a whole
// number of chunks.
inline constexpr std::uint32_t kDefaultChunkSize = 64 * 1024;
inline constexpr std::uint32_t kMinChunkSize = 1024;
inline constexpr std::uint32_t kMaxChunkSize = 4 * 1024 * 1024; // bounds a reader's buffer

// Far above any real media file, and small enough that no offset computation can overflow.
inline constexpr std::uint64_t kMaxPlaintextSize = std::uint64_t { 1 } << 48;

inline constexpr std::size_t kNonceBaseSize = 16;
inline constexpr std::size_t kKeyCheckSize = 16;
inline constexpr std::size_t kTagSize = 16;
inline constexpr std::size_t kMediaTypeSize = 64;
inline constexpr std::size_t kChunkIndexSize = 8;
inline constexpr std::size_t kChunkOverhead = kChunkIndexSize + kTagSize;

// Byte offsets of the header fields (all integers big-endian).
inline constexpr std::size_t kOffsetFormatVersion = 8;
inline constexpr std::size_t kOffsetCipherSuite = 10;
inline constexpr std::size_t kOffsetChunkSize = 12;
inline constexpr std::size_t kOffsetPlaintextSize = 16;
inline constexpr std::size_t kOffsetTitleId = 24;
inline constexpr std::size_t kOffsetVersion = 32;
inline constexpr std::size_t kOffsetReserved = 36;
inline constexpr std::size_t kOffsetNonceBase = 40;
inline constexpr std::size_t kOffsetMediaType = 56;
inline constexpr std::size_t kOffsetKeyCheck = 120;
inline constexpr std::size_t kOffsetHeaderTag = 136; // the tag authenticates bytes [0, 136)
inline constexpr std::size_t kOffsetHeaderHash = 152; // SHA-256 of bytes [0, 152)
inline constexpr std::size_t kHeaderSize = 184; // then zero padding to the chunk size

struct ContainerHeader {
    std::uint32_t chunkSize = kDefaultChunkSize;
    std::uint64_t plaintextSize = 0;
    std::uint64_t titleId = 0;
    std::uint32_t version = 0;
    std::string mediaType; // e.g. "application/epub+zip", "audio/flac", "video/mp4"
    FixedBytes<kNonceBaseSize> nonceBase {};
    FixedBytes<kKeyCheckSize> keyCheck {};
    FixedBytes<kTagSize> headerTag {};
    Hash256 headerHash {}; // filled by encodeHeader / decodeHeader

    // Plaintext bytes carried by a full chunk.
    std::uint64_t chunkCapacity() const { return chunkSize - kChunkOverhead; }
    // At least one: empty content still has one (empty, final) chunk, so a file cut right after
    // its header cannot pass for empty content.
    std::uint64_t chunkCount() const;
    std::uint64_t chunkPlaintextSize(std::uint64_t index) const;
    std::uint64_t storedChunkSize(std::uint64_t index) const
    {
        return chunkPlaintextSize(index) + kChunkOverhead;
    }
    bool isFinalChunk(std::uint64_t index) const { return index + 1 == chunkCount(); }
    // Chunk i lives at (i + 1) · chunkSize: the header slot is chunk-sized, so chunks (and with
    // them BitTorrent pieces) stay aligned.
    std::uint64_t chunkOffset(std::uint64_t index) const { return (index + 1) * chunkSize; }
    std::uint64_t containerSize() const;
};

// The rules a writer's settings and a decoded header share: a power of two in [kMinChunkSize,
// kMaxChunkSize]; a lowercase MIME type of at most 64 characters ("type/subtype", RFC 6838
// restricted-name characters), lowercase so that each type has exactly one encoding.
bool isValidChunkSize(std::uint32_t chunkSize);
bool isValidMediaType(std::string_view mediaType);

// Bytes [0, kOffsetHeaderTag): what the header tag authenticates.
Bytes authenticatedHeaderPart(const ContainerHeader& header);

// All kHeaderSize bytes; sets header.headerHash.
Bytes encodeHeader(ContainerHeader& header);

// Strict decoder for the first kHeaderSize bytes of a container (more bytes are ignored: the
// caller checks the padding). Errors: not a container or damaged/invalid header
// (InvalidInput/Verification), a newer format or unknown cipher suite (Unsupported).
Result<ContainerHeader> decodeHeader(ByteView bytes);

} // namespace ls::library::container
