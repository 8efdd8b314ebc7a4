#include "core/library/ContainerWriter.h"

#include "core/crypto/Random.h"
#include "core/crypto/SecureMemory.h"
#include "core/library/ContainerCipher.h"

#include <QFile>
#include <QIODevice>
#include <QSaveFile>

#include <algorithm>
#include <span>

namespace ls::library {
namespace {

using container::ContainerHeader;

// Fills `out` from `device`; returns how many bytes it got before the device ran dry.
Result<std::size_t> readFully(QIODevice& device, std::span<std::uint8_t> out)
{
    std::size_t filled = 0;
    while (filled < out.size()) {
        qint64 got = device.read(
            reinterpret_cast<char*>(out.data() + filled), static_cast<qint64>(out.size() - filled));
        if (got < 0)
            return fail(ErrorKind::Io,
                "Could not read the content to encrypt: " + device.errorString().toStdString());
        if (got == 0)
            break;
        filled += static_cast<std::size_t>(got);
    }
    return filled;
}

Result<void> writeFully(QIODevice& device, ByteView bytes)
{
    qint64 wrote = device.write(
        reinterpret_cast<const char*>(bytes.data()), static_cast<qint64>(bytes.size()));
    if (wrote != static_cast<qint64>(bytes.size()))
        return fail(
            ErrorKind::Io, "Could not write the container: " + device.errorString().toStdString());
    return {};
}

void putBigEndian64(std::uint8_t* out, std::uint64_t value)
{
    for (int i = 0; i < 8; ++i)
        out[i] = static_cast<std::uint8_t>(value >> (8 * (7 - i)));
}

} // namespace

ContainerWriter::ContainerWriter(const VersionKey& key, Settings settings)
    : m_key(key)
    , m_settings(std::move(settings))
{
}

Result<void> ContainerWriter::checkSettings(std::uint64_t plaintextSize) const
{
    if (!container::isValidChunkSize(m_settings.chunkSize))
        return fail(ErrorKind::InvalidInput,
            "The chunk size must be a power of two from 1 KiB to 4 MiB, not "
                + std::to_string(m_settings.chunkSize) + ".");
    if (!container::isValidMediaType(m_settings.mediaType))
        return fail(ErrorKind::InvalidInput,
            "The media type \"" + m_settings.mediaType
                + "\" is not a lowercase MIME type such as \"video/mp4\" (at most 64 "
                  "characters).");
    if (m_settings.titleId == 0 || m_settings.version == 0)
        return fail(ErrorKind::InvalidInput, "Title ids and version numbers start at 1.");
    if (plaintextSize > container::kMaxPlaintextSize)
        return fail(ErrorKind::InvalidInput, "The content is too large for a container (256 TiB).");
    return {};
}

Result<ContainerHeader> ContainerWriter::write(
    QIODevice& plaintext, std::uint64_t plaintextSize, QIODevice& output)
{
    if (auto ok = checkSettings(plaintextSize); !ok)
        return std::unexpected(ok.error());

    ContainerHeader header;
    header.chunkSize = m_settings.chunkSize;
    header.plaintextSize = plaintextSize;
    header.titleId = m_settings.titleId;
    header.version = m_settings.version;
    header.mediaType = m_settings.mediaType;
    header.nonceBase
        = m_fixedNonceBase ? *m_fixedNonceBase : crypto::randomFixed<container::kNonceBaseSize>();
    header.keyCheck = ContainerCipher::keyCheck(m_key);
    ContainerCipher cipher(m_key, header.nonceBase);
    header.headerTag = cipher.headerTag(container::authenticatedHeaderPart(header));
    Bytes headerBytes = container::encodeHeader(header);
    cipher.bindHeader(header.headerHash);

    // The only buffer: the header slot first (header, zero padding), then each stored chunk as
    // index ‖ plaintext → index ‖ ciphertext ‖ tag.
    crypto::SecretBytes buffer(m_settings.chunkSize);
    std::copy(headerBytes.begin(), headerBytes.end(), buffer.data());
    if (auto wrote = writeFully(output, buffer.view()); !wrote)
        return std::unexpected(wrote.error());

    const std::uint64_t count = header.chunkCount();
    std::uint64_t done = 0;
    std::uint64_t reported = 0;
    for (std::uint64_t index = 0; index < count; ++index) {
        if (m_stop.stop_requested())
            return fail(ErrorKind::Io, "Encryption was cancelled.");
        const auto plainSize = static_cast<std::size_t>(header.chunkPlaintextSize(index));
        auto body = std::span<std::uint8_t>(
            buffer.data() + container::kChunkIndexSize, plainSize + container::kTagSize);
        auto got = readFully(plaintext, body.first(plainSize));
        if (!got)
            return std::unexpected(got.error());
        if (*got != plainSize)
            return fail(ErrorKind::InvalidInput,
                "The content to encrypt ended after " + std::to_string(done + *got) + " of "
                    + std::to_string(plaintextSize)
                    + " bytes; was it changed while it was being encrypted?");
        putBigEndian64(buffer.data(), index);
        cipher.sealChunk(index, header.isFinalChunk(index), body);
        if (auto wrote
            = writeFully(output, ByteView(buffer.data(), plainSize + container::kChunkOverhead));
            !wrote)
            return std::unexpected(wrote.error());
        done += plainSize;
        if (m_progress && (done - reported >= kProgressStep || index + 1 == count)) {
            reported = done;
            m_progress(done, plaintextSize);
        }
    }

    // Content that kept going would be silently cut: refuse instead.
    auto extra = readFully(plaintext, std::span<std::uint8_t>(buffer.data(), 1));
    if (!extra)
        return std::unexpected(extra.error());
    if (*extra != 0)
        return fail(ErrorKind::InvalidInput,
            "The content to encrypt is longer than the " + std::to_string(plaintextSize)
                + " bytes expected; was it changed while it was being encrypted?");
    return header;
}

Result<ContainerHeader> ContainerWriter::writeFile(
    const QString& plaintextPath, const QString& containerPath)
{
    QFile input(plaintextPath);
    if (!input.open(QIODevice::ReadOnly))
        return fail(ErrorKind::Io,
            "Could not open " + plaintextPath.toStdString() + ": "
                + input.errorString().toStdString());
    QSaveFile output(containerPath);
    if (!output.open(QIODevice::WriteOnly))
        return fail(ErrorKind::Io,
            "Could not create " + containerPath.toStdString() + ": "
                + output.errorString().toStdString());
    auto header = write(input, static_cast<std::uint64_t>(input.size()), output);
    if (!header) {
        output.cancelWriting(); // the temporary file is removed; containerPath is untouched
        return header;
    }
    if (!output.commit())
        return fail(ErrorKind::Io,
            "Could not save " + containerPath.toStdString() + ": "
                + output.errorString().toStdString());
    return header;
}

} // namespace ls::library
