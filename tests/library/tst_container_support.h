#pragma once

// Shared by the tst_container_* tests: deterministic content that never has to be held in memory,
// and one-call helpers around ContainerWriter for in-memory containers.

#include "core/library/ContainerReader.h"
#include "core/library/ContainerWriter.h"
#include "core/library/TitleKeys.h"

#include <QBuffer>
#include <QByteArray>
#include <QIODevice>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <span>

namespace ls::library::testing {

// Content byte at any offset, computable without the bytes before it: the little-endian bytes of
// splitmix64(offset / 8). Not periodic at any chunk size, so a chunk read from the wrong place or
// a misplaced copy shows up as a mismatch.
inline void fillPattern(std::uint64_t offset, std::span<std::uint8_t> out)
{
    for (std::size_t i = 0; i < out.size();) {
        std::uint64_t position = offset + i;
        std::uint64_t z = (position / 8) + 0x9e3779b97f4a7c15ULL;
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        z ^= z >> 31;
        std::size_t within = position % 8;
        std::size_t take = std::min<std::size_t>(8 - within, out.size() - i);
        for (std::size_t j = 0; j < take; ++j)
            out[i + j] = static_cast<std::uint8_t>(z >> (8 * (within + j)));
        i += take;
    }
}

inline Bytes pattern(std::uint64_t offset, std::size_t size)
{
    Bytes out(size);
    fillPattern(offset, out);
    return out;
}

// A sequential device that produces `size` pattern bytes and then ends, like a pipe: whatever
// reads from it cannot seek back, and nothing holds the content.
class PatternDevice : public QIODevice {
public:
    explicit PatternDevice(std::uint64_t size)
        : m_size(size)
    {
        open(QIODevice::ReadOnly);
    }

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override
    {
        return static_cast<qint64>(m_size - m_position) + QIODevice::bytesAvailable();
    }
    std::uint64_t produced() const { return m_position; }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        auto take
            = std::min<std::uint64_t>(static_cast<std::uint64_t>(maxSize), m_size - m_position);
        fillPattern(m_position,
            std::span<std::uint8_t>(
                reinterpret_cast<std::uint8_t*>(data), static_cast<std::size_t>(take)));
        m_position += take;
        return static_cast<qint64>(take);
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    std::uint64_t m_size;
    std::uint64_t m_position = 0;
};

inline VersionKey testKey(std::uint8_t seed = 1)
{
    VersionKey key;
    for (std::size_t i = 0; i < key.size(); ++i)
        key.data()[i] = static_cast<std::uint8_t>(seed * 31 + i);
    return key;
}

inline ContainerWriter::Settings testSettings(
    std::uint32_t chunkSize = container::kDefaultChunkSize)
{
    return { .titleId = 7, .version = 2, .mediaType = "audio/flac", .chunkSize = chunkSize };
}

// Encrypts `plaintext` into an in-memory container; fails the calling test through the result.
inline Result<Bytes> encryptToBytes(
    const VersionKey& key, const ContainerWriter::Settings& settings, ByteView plaintext)
{
    QByteArray input(
        reinterpret_cast<const char*>(plaintext.data()), static_cast<qsizetype>(plaintext.size()));
    QBuffer in(&input);
    in.open(QIODevice::ReadOnly);
    QByteArray output;
    QBuffer out(&output);
    out.open(QIODevice::WriteOnly);
    ContainerWriter writer(key, settings);
    auto written = writer.write(in, plaintext.size(), out);
    if (!written)
        return std::unexpected(written.error());
    return Bytes(output.begin(), output.end());
}

// Opens `container` and decrypts all of it with whole-content read().
inline Result<Bytes> decryptAll(const VersionKey& key, ByteView container)
{
    ContainerMemorySource source(container);
    auto reader = ContainerReader::open(source, key);
    if (!reader)
        return std::unexpected(reader.error());
    Bytes plaintext(static_cast<std::size_t>(reader->plaintextSize()));
    if (auto read = reader->read(0, plaintext); !read)
        return std::unexpected(read.error());
    return plaintext;
}

} // namespace ls::library::testing
