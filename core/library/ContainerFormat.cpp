#include "core/library/ContainerFormat.h"

#include "core/crypto/Sha2.h"

#include <algorithm>
#include <bit>

namespace ls::library::container {
namespace {

void putBigEndian(Bytes& out, std::size_t offset, std::uint64_t value, std::size_t width)
{
    for (std::size_t i = 0; i < width; ++i)
        out[offset + i] = static_cast<std::uint8_t>(value >> (8 * (width - 1 - i)));
}

std::uint64_t getBigEndian(ByteView in, std::size_t offset, std::size_t width)
{
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < width; ++i)
        value = (value << 8) | in[offset + i];
    return value;
}

template <std::size_t N> FixedBytes<N> getFixed(ByteView in, std::size_t offset)
{
    FixedBytes<N> out;
    std::copy_n(in.begin() + static_cast<std::ptrdiff_t>(offset), N, out.begin());
    return out;
}

template <std::size_t N> void putFixed(Bytes& out, std::size_t offset, const FixedBytes<N>& value)
{
    std::copy(value.begin(), value.end(), out.begin() + static_cast<std::ptrdiff_t>(offset));
}

bool isRestrictedNameChar(char c, bool first)
{
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        return true;
    if (first)
        return false;
    return std::string_view("!#$&-^_.+").find(c) != std::string_view::npos;
}

bool isRestrictedName(std::string_view name)
{
    if (name.empty())
        return false;
    for (std::size_t i = 0; i < name.size(); ++i)
        if (!isRestrictedNameChar(name[i], i == 0))
            return false;
    return true;
}

std::string invalid(const std::string& what)
{
    return "The container header is invalid: " + what + ".";
}

} // namespace

std::uint64_t ContainerHeader::chunkCount() const
{
    if (plaintextSize == 0)
        return 1;
    return (plaintextSize + chunkCapacity() - 1) / chunkCapacity();
}

std::uint64_t ContainerHeader::chunkPlaintextSize(std::uint64_t index) const
{
    std::uint64_t count = chunkCount();
    if (index + 1 < count)
        return chunkCapacity();
    return plaintextSize - (count - 1) * chunkCapacity();
}

std::uint64_t ContainerHeader::containerSize() const
{
    std::uint64_t last = chunkCount() - 1;
    return chunkOffset(last) + storedChunkSize(last);
}

bool isValidChunkSize(std::uint32_t chunkSize)
{
    return std::has_single_bit(chunkSize) && chunkSize >= kMinChunkSize
        && chunkSize <= kMaxChunkSize;
}

bool isValidMediaType(std::string_view mediaType)
{
    if (mediaType.size() > kMediaTypeSize)
        return false;
    auto slash = mediaType.find('/');
    if (slash == std::string_view::npos)
        return false;
    return isRestrictedName(mediaType.substr(0, slash))
        && isRestrictedName(mediaType.substr(slash + 1)); // a second '/' is not a name char
}

Bytes authenticatedHeaderPart(const ContainerHeader& header)
{
    Bytes out(kOffsetHeaderTag, 0);
    std::copy(kMagic.begin(), kMagic.end(), out.begin());
    putBigEndian(out, kOffsetFormatVersion, kFormatVersion, 2);
    putBigEndian(out, kOffsetCipherSuite, kCipherSuite, 2);
    putBigEndian(out, kOffsetChunkSize, header.chunkSize, 4);
    putBigEndian(out, kOffsetPlaintextSize, header.plaintextSize, 8);
    putBigEndian(out, kOffsetTitleId, header.titleId, 8);
    putBigEndian(out, kOffsetVersion, header.version, 4);
    // kOffsetReserved: four zero bytes, already there.
    putFixed(out, kOffsetNonceBase, header.nonceBase);
    std::copy_n(header.mediaType.begin(), std::min(header.mediaType.size(), kMediaTypeSize),
        out.begin() + kOffsetMediaType);
    putFixed(out, kOffsetKeyCheck, header.keyCheck);
    return out;
}

Bytes encodeHeader(ContainerHeader& header)
{
    Bytes out = authenticatedHeaderPart(header);
    out.resize(kHeaderSize, 0);
    putFixed(out, kOffsetHeaderTag, header.headerTag);
    header.headerHash = crypto::sha256(ByteView(out).first(kOffsetHeaderHash));
    putFixed(out, kOffsetHeaderHash, header.headerHash);
    return out;
}

Result<ContainerHeader> decodeHeader(ByteView bytes)
{
    const auto magicPart = static_cast<std::ptrdiff_t>(std::min(bytes.size(), kMagic.size()));
    if (bytes.empty() || !std::equal(kMagic.begin(), kMagic.begin() + magicPart, bytes.begin()))
        return fail(
            ErrorKind::InvalidInput, "This is not a Lightstreams content container (.lsc file).");
    if (bytes.size() < kOffsetCipherSuite)
        return fail(
            ErrorKind::InvalidInput, "The container is truncated: its header is incomplete.");

    // The format version is read before anything else is judged: a newer format may lay out (and
    // hash) its header differently, and deserves "update the app", not "damaged".
    auto formatVersion = getBigEndian(bytes, kOffsetFormatVersion, 2);
    if (formatVersion > kFormatVersion)
        return fail(ErrorKind::Unsupported,
            "This container was made by a newer version of Lightstreams (container format "
                + std::to_string(formatVersion) + "); update the app to open it.");
    if (formatVersion != kFormatVersion)
        return fail(ErrorKind::InvalidInput,
            "The container header is damaged: it names container format 0.");
    if (bytes.size() < kHeaderSize)
        return fail(
            ErrorKind::InvalidInput, "The container is truncated: its header is incomplete.");

    Hash256 storedHash = getFixed<32>(bytes, kOffsetHeaderHash);
    if (crypto::sha256(bytes.first(kOffsetHeaderHash)) != storedHash)
        return fail(ErrorKind::Verification,
            "The container header is damaged: its checksum does not match.");

    // From here on the header is intact as written, so anything wrong was written that way.
    auto suite = getBigEndian(bytes, kOffsetCipherSuite, 2);
    if (suite != kCipherSuite)
        return fail(ErrorKind::Unsupported,
            "This container uses cipher suite " + std::to_string(suite)
                + ", which this version of Lightstreams does not support; update the app.");

    ContainerHeader header;
    header.chunkSize = static_cast<std::uint32_t>(getBigEndian(bytes, kOffsetChunkSize, 4));
    header.plaintextSize = getBigEndian(bytes, kOffsetPlaintextSize, 8);
    header.titleId = getBigEndian(bytes, kOffsetTitleId, 8);
    header.version = static_cast<std::uint32_t>(getBigEndian(bytes, kOffsetVersion, 4));
    if (!isValidChunkSize(header.chunkSize))
        return fail(ErrorKind::InvalidInput,
            invalid("chunk size " + std::to_string(header.chunkSize)
                + " is not a power of two from 1 KiB to 4 MiB"));
    if (header.plaintextSize > kMaxPlaintextSize)
        return fail(ErrorKind::InvalidInput, invalid("the content size is impossibly large"));
    if (header.titleId == 0)
        return fail(ErrorKind::InvalidInput, invalid("title id 0 does not exist"));
    if (header.version == 0)
        return fail(ErrorKind::InvalidInput, invalid("version 0 does not exist"));
    if (getBigEndian(bytes, kOffsetReserved, 4) != 0)
        return fail(ErrorKind::InvalidInput, invalid("its reserved bytes are not zero"));

    ByteView mediaField = bytes.subspan(kOffsetMediaType, kMediaTypeSize);
    auto end = std::find(mediaField.begin(), mediaField.end(), std::uint8_t { 0 });
    header.mediaType.assign(mediaField.begin(), end);
    if (!std::all_of(end, mediaField.end(), [](std::uint8_t b) { return b == 0; })
        || !isValidMediaType(header.mediaType))
        return fail(ErrorKind::InvalidInput, invalid("its media type is not a valid MIME type"));

    header.nonceBase = getFixed<kNonceBaseSize>(bytes, kOffsetNonceBase);
    header.keyCheck = getFixed<kKeyCheckSize>(bytes, kOffsetKeyCheck);
    header.headerTag = getFixed<kTagSize>(bytes, kOffsetHeaderTag);
    header.headerHash = storedHash;
    return header;
}

} // namespace ls::library::container
