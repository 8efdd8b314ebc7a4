#include "core/library/ContainerReader.h"

#include <algorithm>
#include <string>

namespace ls::library {
namespace {

using container::ContainerHeader;

std::uint64_t readBigEndian64(const std::uint8_t* in)
{
    std::uint64_t value = 0;
    for (int i = 0; i < 8; ++i)
        value = (value << 8) | in[i];
    return value;
}

Result<void> checkPadding(ContainerSource& source, const ContainerHeader& header)
{
    Bytes padding(header.chunkSize - container::kHeaderSize);
    if (auto read = source.readAt(container::kHeaderSize, padding); !read)
        return read;
    if (!std::all_of(padding.begin(), padding.end(), [](std::uint8_t b) { return b == 0; }))
        return fail(
            ErrorKind::Verification, "The container header is damaged: its padding is not zero.");
    return {};
}

} // namespace

ContainerReader::ContainerReader(
    ContainerSource& source, ContainerHeader header, ContainerCipher cipher)
    : m_source(&source)
    , m_header(std::move(header))
    , m_cipher(std::move(cipher))
    , m_buffer(m_header.chunkSize)
{
}

Result<ContainerHeader> ContainerReader::readHeader(ContainerSource& source)
{
    const std::uint64_t size = source.size();
    Bytes headerBytes(
        static_cast<std::size_t>(std::min<std::uint64_t>(size, container::kHeaderSize)));
    if (auto read = source.readAt(0, headerBytes); !read)
        return std::unexpected(read.error());
    auto header = container::decodeHeader(headerBytes);
    if (!header)
        return header;

    const std::uint64_t expected = header->containerSize();
    if (size < expected)
        return fail(ErrorKind::InvalidInput,
            "The container is truncated: it should be " + std::to_string(expected)
                + " bytes long, but only " + std::to_string(size) + " are present.");
    if (size > expected)
        return fail(ErrorKind::InvalidInput,
            "The container has " + std::to_string(size - expected)
                + " bytes of unexpected data after its last chunk.");
    if (auto padded = checkPadding(source, *header); !padded)
        return std::unexpected(padded.error());
    return header;
}

Result<ContainerReader> ContainerReader::open(ContainerSource& source, const VersionKey& key)
{
    auto header = readHeader(source);
    if (!header)
        return std::unexpected(header.error());

    ContainerCipher cipher(key, header->nonceBase);
    // The key check comes before the tag: with a wrong key the tag fails too, and "wrong key" is
    // the accurate message. Only a header altered together with a recomputed checksum gets past
    // the checksum to fail here.
    if (!cipher.keyMatches(header->keyCheck))
        return fail(ErrorKind::Verification,
            "This key does not open the container (title " + std::to_string(header->titleId)
                + ", version " + std::to_string(header->version) + "): it is the wrong key.");
    if (!cipher.headerTagMatches(container::authenticatedHeaderPart(*header), header->headerTag))
        return fail(ErrorKind::Verification,
            "The container header has been altered: it does not match its "
            "authentication tag.");
    cipher.bindHeader(header->headerHash);
    return ContainerReader(source, std::move(*header), std::move(cipher));
}

Result<ByteView> ContainerReader::readChunk(std::uint64_t index)
{
    const std::uint64_t count = chunkCount();
    if (index >= count)
        return fail(ErrorKind::InvalidInput,
            "There is no chunk " + std::to_string(index) + " in this container; it has "
                + std::to_string(count) + ".");
    const auto plainSize = static_cast<std::size_t>(m_header.chunkPlaintextSize(index));
    auto plaintext
        = std::span<std::uint8_t>(m_buffer.data() + container::kChunkIndexSize, plainSize);
    if (m_bufferedChunk != index) {
        if (auto opened = fetchAndOpen(index, plaintext); !opened)
            return std::unexpected(opened.error());
        m_bufferedChunk = index;
    }
    return ByteView(plaintext);
}

Result<void> ContainerReader::fetchAndOpen(std::uint64_t index, std::span<std::uint8_t> plaintext)
{
    // The buffer is about to hold ciphertext (or nothing useful, on failure).
    m_bufferedChunk.reset();
    const std::uint64_t offset = m_header.chunkOffset(index);
    const std::size_t storedSize = plaintext.size() + container::kChunkOverhead;
    ByteView stored;
    if (auto view = m_source->viewAt(offset, storedSize); view && view->size() == storedSize) {
        stored = *view; // decrypt straight out of the source's memory
    } else {
        auto copy = std::span<std::uint8_t>(m_buffer.data(), storedSize);
        if (auto read = m_source->readAt(offset, copy); !read)
            return read;
        stored = copy;
    }
    const ByteView sealed = stored.subspan(container::kChunkIndexSize);

    const std::uint64_t storedIndex = readBigEndian64(stored.data());
    if (storedIndex == index) {
        if (!m_cipher.openChunk(index, m_header.isFinalChunk(index), sealed, plaintext))
            return fail(ErrorKind::Verification,
                "The container is damaged: chunk " + std::to_string(index)
                    + " failed authentication.");
        return {};
    }
    // The index in front of each chunk is only a hint (it is authenticated as part of the
    // associated data, not on its own), so a claim of "this is chunk j" is believed only if the
    // chunk really opens as chunk j. One decryption either way.
    if (storedIndex < chunkCount() && m_header.chunkPlaintextSize(storedIndex) == plaintext.size()
        && m_cipher.openChunk(storedIndex, m_header.isFinalChunk(storedIndex), sealed, plaintext)) {
        crypto::secureWipe(plaintext.data(), plaintext.size());
        return fail(ErrorKind::Verification,
            "The container's chunks are out of order: chunk " + std::to_string(storedIndex)
                + " is stored where chunk " + std::to_string(index) + " belongs.");
    }
    return fail(ErrorKind::Verification,
        "The container is damaged: chunk " + std::to_string(index) + " failed authentication.");
}

Result<void> ContainerReader::read(std::uint64_t offset, std::span<std::uint8_t> out)
{
    if (offset > plaintextSize() || out.size() > plaintextSize() - offset)
        return fail(ErrorKind::InvalidInput,
            "Cannot read past the end of the content (" + std::to_string(plaintextSize())
                + " bytes).");
    const std::uint64_t capacity = m_header.chunkCapacity();
    std::size_t done = 0;
    while (done < out.size()) {
        const std::uint64_t position = offset + done;
        const std::uint64_t index = position / capacity;
        const auto within = static_cast<std::size_t>(position % capacity);
        const auto chunkSize = static_cast<std::size_t>(m_header.chunkPlaintextSize(index));
        if (within == 0 && out.size() - done >= chunkSize && m_bufferedChunk != index) {
            // A whole chunk is wanted: decrypt it straight into the caller's buffer.
            if (auto opened = fetchAndOpen(index, out.subspan(done, chunkSize)); !opened)
                return opened;
            done += chunkSize;
            continue;
        }
        auto chunk = readChunk(index);
        if (!chunk)
            return std::unexpected(chunk.error());
        const std::size_t take = std::min(out.size() - done, chunk->size() - within);
        std::copy_n(chunk->begin() + static_cast<std::ptrdiff_t>(within), take,
            out.begin() + static_cast<std::ptrdiff_t>(done));
        done += take;
    }
    return {};
}

} // namespace ls::library
