// ls-bench-container: content container throughput (DESIGN.md §8: ≥ 0.9× raw libsodium and
// ≥ 1 GB/s), each next to its anchor measured alternately in the same run:
//   ContainerWriter, QIODevice in → QIODevice out   vs raw
//   crypto_aead_xchacha20poly1305_ietf_encrypt
//                                                      of the same chunk plaintexts (same size, AD)
//   ContainerReader::read, sequential 1 MiB reads   vs raw
//   crypto_aead_xchacha20poly1305_ietf_decrypt
//                                                      of the same container's chunks
// The content is a 1 MiB random buffer repeated (so 256 MiB of plaintext needs 1 MiB of memory);
// the writer's output goes to a device that discards it. Figures are GB/s of plaintext (10^9).
// Usage: ls-bench-container [--quick] [--mib N] [--chunk BYTES]
//   --quick: 4 MiB and tiny timings, only proves the code paths work
#include "core/crypto/Random.h"
#include "core/library/ContainerFormat.h"
#include "core/library/ContainerReader.h"
#include "core/library/ContainerWriter.h"
#include "core/library/TitleKeys.h"

#include <QBuffer>
#include <QByteArray>
#include <QIODevice>

#include <sodium.h>

#include "bench/BenchTimer.h"
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

using namespace ls;
using namespace ls::library;

namespace {

volatile std::uint8_t g_sink; // keeps results observable so the optimiser cannot drop the work

// `total` bytes of a small buffer repeated, read like a file.
class RepeatingDevice : public QIODevice {
public:
    RepeatingDevice(const Bytes& pattern, std::uint64_t total)
        : m_pattern(pattern)
        , m_total(total)
    {
        open(QIODevice::ReadOnly);
    }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char* data, qint64 maxSize) override
    {
        std::uint64_t want = std::min<std::uint64_t>(std::uint64_t(maxSize), m_total - m_position);
        std::uint64_t done = 0;
        while (done < want) {
            std::size_t at = std::size_t((m_position + done) % m_pattern.size());
            std::size_t take
                = std::size_t(std::min<std::uint64_t>(m_pattern.size() - at, want - done));
            std::memcpy(data + done, m_pattern.data() + at, take);
            done += take;
        }
        m_position += want;
        return qint64(want);
    }
    qint64 writeData(const char*, qint64) override { return -1; }

private:
    const Bytes& m_pattern;
    std::uint64_t m_total;
    std::uint64_t m_position = 0;
};

class DiscardDevice : public QIODevice {
public:
    DiscardDevice() { open(QIODevice::WriteOnly); }
    bool isSequential() const override { return true; }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override
    {
        g_sink = static_cast<std::uint8_t>(data[size - 1]);
        return size;
    }
};

void fail(const std::string& what)
{
    std::fprintf(stderr, "ls-bench-container: %s\n", what.c_str());
    std::exit(1);
}

void putBigEndian64(std::uint8_t* out, std::uint64_t value)
{
    for (int i = 0; i < 8; ++i)
        out[i] = static_cast<std::uint8_t>(value >> (8 * (7 - i)));
}

void print(const char* what, double ours, const char* anchorName, double anchor)
{
    std::printf("%-40s %7.2f GB/s | %-40s %7.2f GB/s | ratio %.2f\n", what, ours, anchorName,
        anchor, ours / anchor);
}

} // namespace

int main(int argc, char** argv)
{
    bool quick = false;
    std::uint64_t mib = 256;
    std::uint32_t chunkSize = container::kDefaultChunkSize;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--quick")
            quick = true;
        else if (arg == "--mib" && i + 1 < argc)
            mib = std::strtoull(argv[++i], nullptr, 10);
        else if (arg == "--chunk" && i + 1 < argc)
            chunkSize = std::uint32_t(std::strtoul(argv[++i], nullptr, 10));
        else
            fail("usage: ls-bench-container [--quick] [--mib N] [--chunk BYTES]");
    }
    if (quick)
        mib = 4;
    const double seconds = quick ? 0.01 : 0.5;
    const std::uint64_t total = mib * 1024 * 1024;
    const double gigabytes = double(total) / 1e9;
    if (sodium_init() < 0 || !container::isValidChunkSize(chunkSize) || total == 0)
        fail("bad settings");

    std::printf("ls-bench-container (%s run: %llu MiB per pass, %u-byte chunks; ours and anchor "
                "alternated 5 times, %.2fs each, best kept)\n\n",
        quick ? "quick" : "full", static_cast<unsigned long long>(mib), chunkSize, seconds);

    Bytes pattern = crypto::randomBytes(1 << 20);
    TitleKey titleKey = TitleKey::generate();
    VersionKey key = *titleKey.versionKey(1);
    const ContainerWriter::Settings settings {
        .titleId = 1, .version = 1, .mediaType = "video/mp4", .chunkSize = chunkSize
    };
    const std::size_t capacity = chunkSize - container::kChunkOverhead;

    // --- encrypt -----------------------------------------------------------------------
    Bytes rawOut(capacity + crypto_aead_xchacha20poly1305_ietf_ABYTES);
    std::uint8_t ad[32 + 8 + 1] = {};
    std::uint8_t nonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES] = {};
    auto encrypting = bench::compare(
        [&] {
            RepeatingDevice input(pattern, total);
            DiscardDevice output;
            ContainerWriter writer(key, settings);
            if (!writer.write(input, total, output))
                fail("the container writer failed");
        },
        [&] {
            for (std::uint64_t done = 0, index = 0; done < total; done += capacity, ++index) {
                std::size_t size = std::size_t(std::min<std::uint64_t>(capacity, total - done));
                // The writer copies the plaintext out of its device; the anchor reads it in place.
                std::size_t at = std::size_t(done % pattern.size());
                if (at + size > pattern.size())
                    at = 0;
                putBigEndian64(nonce + 16, index);
                putBigEndian64(ad + 32, index);
                unsigned long long written = 0;
                crypto_aead_xchacha20poly1305_ietf_encrypt(rawOut.data(), &written,
                    pattern.data() + at, size, ad, sizeof ad, nullptr, nonce, key.data());
                g_sink = rawOut[0];
            }
        },
        gigabytes, seconds);
    print("ContainerWriter (device → device)", encrypting.ours,
        "raw libsodium xchacha20poly1305 encrypt", encrypting.anchor);

    // --- decrypt -----------------------------------------------------------------------
    QByteArray sealed;
    {
        RepeatingDevice input(pattern, total);
        QBuffer output(&sealed);
        output.open(QIODevice::WriteOnly);
        ContainerWriter writer(key, settings);
        if (!writer.write(input, total, output))
            fail("could not build the container to decrypt");
    }
    ByteView sealedBytes(
        reinterpret_cast<const std::uint8_t*>(sealed.constData()), std::size_t(sealed.size()));
    ContainerMemorySource source(sealedBytes);
    auto reader = ContainerReader::open(source, key);
    if (!reader)
        fail(reader.error().message);
    const container::ContainerHeader& header = reader->header();
    Bytes readBuffer(1 << 20);
    Bytes rawPlain(capacity);
    std::uint8_t rawAd[32 + 8 + 1] = {};
    std::memcpy(rawAd, header.headerHash.data(), 32);
    std::uint8_t rawNonce[crypto_aead_xchacha20poly1305_ietf_NPUBBYTES] = {};
    std::memcpy(rawNonce, header.nonceBase.data(), 16);
    auto decrypting = bench::compare(
        [&] {
            for (std::uint64_t offset = 0; offset < total; offset += readBuffer.size()) {
                std::size_t size
                    = std::size_t(std::min<std::uint64_t>(readBuffer.size(), total - offset));
                if (!reader->read(offset, std::span<std::uint8_t>(readBuffer.data(), size)))
                    fail("the container reader failed");
            }
            g_sink = readBuffer[0];
        },
        [&] {
            for (std::uint64_t index = 0; index < header.chunkCount(); ++index) {
                const std::uint8_t* stored = sealedBytes.data() + header.chunkOffset(index);
                std::size_t storedSize = std::size_t(header.storedChunkSize(index));
                putBigEndian64(rawNonce + 16, index);
                putBigEndian64(rawAd + 32, index);
                rawAd[40] = header.isFinalChunk(index) ? 1 : 0;
                if (crypto_aead_xchacha20poly1305_ietf_decrypt(rawPlain.data(), nullptr, nullptr,
                        stored + container::kChunkIndexSize,
                        storedSize - container::kChunkIndexSize, rawAd, sizeof rawAd, rawNonce,
                        key.data())
                    != 0)
                    fail("raw decryption failed");
            }
            g_sink = rawPlain[0];
        },
        gigabytes, seconds);
    print("ContainerReader::read (memory, 1 MiB)", decrypting.ours,
        "raw libsodium xchacha20poly1305 decrypt", decrypting.anchor);

    std::printf("\ntargets: ratio >= 0.90 and >= 1.00 GB/s   encrypt %s, decrypt %s\n",
        encrypting.ours / encrypting.anchor >= 0.9 && encrypting.ours >= 1.0 ? "met" : "NOT met",
        decrypting.ours / decrypting.anchor >= 0.9 && decrypting.ours >= 1.0 ? "met" : "NOT met");
    return 0;
}
