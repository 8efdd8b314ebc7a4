// The container header codec (docs/protocol.md §9): exact layout, strict decoding with a clear
// message for each way a header can be wrong, chunk geometry, and a pinned test vector so the
// format cannot drift unnoticed.
#include "core/codec/Hex.h"
#include "core/crypto/Sha2.h"
#include "core/library/ContainerFormat.h"
#include "core/library/ContainerReader.h"
#include "core/library/TitleKeys.h"

#include <QTest>

#include "tests/library/tst_container_support.h"
#include <functional>
#include <string>

using namespace ls;
using namespace ls::library;
using namespace ls::library::container;

namespace {

ContainerHeader sampleHeader()
{
    ContainerHeader header;
    header.chunkSize = 1 << 16;
    header.plaintextSize = 0x0102030405;
    header.titleId = 0x1122334455667788;
    header.version = 0x99aabbcc;
    header.mediaType = "video/mp4";
    for (std::size_t i = 0; i < 16; ++i) {
        header.nonceBase[i] = static_cast<std::uint8_t>(0xa0 + i);
        header.keyCheck[i] = static_cast<std::uint8_t>(0xc0 + i);
        header.headerTag[i] = static_cast<std::uint8_t>(0xe0 + i);
    }
    return header;
}

void putBigEndian(Bytes& bytes, std::size_t offset, std::uint64_t value, std::size_t width)
{
    for (std::size_t i = 0; i < width; ++i)
        bytes[offset + i] = static_cast<std::uint8_t>(value >> (8 * (width - 1 - i)));
}

// Applies `edit` to a valid encoded header and fixes its checksum, so the decoder has to judge
// the field itself.
Error decodeErrorAfter(const std::function<void(Bytes&)>& edit)
{
    ContainerHeader header = sampleHeader();
    Bytes bytes = encodeHeader(header);
    edit(bytes);
    Hash256 hash = crypto::sha256(ByteView(bytes).first(kOffsetHeaderHash));
    std::copy(hash.begin(), hash.end(), bytes.begin() + kOffsetHeaderHash);
    auto decoded = decodeHeader(bytes);
    return decoded ? Error { ErrorKind::Internal, "decoded" } : decoded.error();
}

std::string invalid(const std::string& what)
{
    return "The container header is invalid: " + what + ".";
}

} // namespace

class TestContainerFormat : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void headerLayoutIsExact()
    {
        ContainerHeader header = sampleHeader();
        Bytes bytes = encodeHeader(header);
        QCOMPARE(bytes.size(), kHeaderSize);
        const std::string hex = codec::toHex(bytes);
        auto field = [&](std::size_t offset, std::size_t size) {
            return hex.substr(2 * offset, 2 * size);
        };
        QCOMPARE(field(0, 8), std::string("4c5343000d0a1a0a"));
        QCOMPARE(field(kOffsetFormatVersion, 2), std::string("0001"));
        QCOMPARE(field(kOffsetCipherSuite, 2), std::string("0001"));
        QCOMPARE(field(kOffsetChunkSize, 4), std::string("00010000"));
        QCOMPARE(field(kOffsetPlaintextSize, 8), std::string("0000000102030405"));
        QCOMPARE(field(kOffsetTitleId, 8), std::string("1122334455667788"));
        QCOMPARE(field(kOffsetVersion, 4), std::string("99aabbcc"));
        QCOMPARE(field(kOffsetReserved, 4), std::string("00000000"));
        QCOMPARE(field(kOffsetNonceBase, 16), std::string("a0a1a2a3a4a5a6a7a8a9aaabacadaeaf"));
        QCOMPARE(field(kOffsetMediaType, 64),
            codec::toHex(asBytes("video/mp4")) + std::string(2 * (64 - 9), '0'));
        QCOMPARE(field(kOffsetKeyCheck, 16), std::string("c0c1c2c3c4c5c6c7c8c9cacbcccdcecf"));
        QCOMPARE(field(kOffsetHeaderTag, 16), std::string("e0e1e2e3e4e5e6e7e8e9eaebecedeeef"));
        QCOMPARE(field(kOffsetHeaderHash, 32),
            codec::toHex(crypto::sha256(ByteView(bytes).first(kOffsetHeaderHash))));
        QCOMPARE(field(kOffsetHeaderHash, 32), codec::toHex(header.headerHash));
        QCOMPARE(authenticatedHeaderPart(header),
            Bytes(bytes.begin(), bytes.begin() + kOffsetHeaderTag));
    }

    void decodeRoundTrips()
    {
        ContainerHeader header = sampleHeader();
        Bytes bytes = encodeHeader(header);
        auto decoded = decodeHeader(bytes);
        QVERIFY(decoded);
        QCOMPARE(decoded->chunkSize, header.chunkSize);
        QCOMPARE(decoded->plaintextSize, header.plaintextSize);
        QCOMPARE(decoded->titleId, header.titleId);
        QCOMPARE(decoded->version, header.version);
        QCOMPARE(decoded->mediaType, header.mediaType);
        QVERIFY(decoded->nonceBase == header.nonceBase);
        QVERIFY(decoded->keyCheck == header.keyCheck);
        QVERIFY(decoded->headerTag == header.headerTag);
        QVERIFY(decoded->headerHash == header.headerHash);
        QCOMPARE(encodeHeader(*decoded), bytes);

        // A 64-character media type fills its field with no terminator.
        header.mediaType = "application/" + std::string(52, 'z');
        Bytes full = encodeHeader(header);
        QCOMPARE(decodeHeader(full)->mediaType, header.mediaType);
    }

    void structuralProblemsHaveTheirOwnMessages()
    {
        ContainerHeader header = sampleHeader();
        Bytes bytes = encodeHeader(header);
        auto errorOf = [](ByteView input) {
            auto decoded = decodeHeader(input);
            return decoded ? Error { ErrorKind::Internal, "decoded" } : decoded.error();
        };
        QCOMPARE(errorOf(asBytes("%PDF-1.7 this is a pdf file")).message,
            std::string("This is not a Lightstreams content container (.lsc file)."));
        QCOMPARE(errorOf({}).kind, ErrorKind::InvalidInput);
        QCOMPARE(errorOf(ByteView(bytes).first(9)).message,
            std::string("The container is truncated: its header is incomplete."));
        QCOMPARE(errorOf(ByteView(bytes).first(kHeaderSize - 1)).message,
            std::string("The container is truncated: its header is incomplete."));

        Bytes newer = bytes;
        putBigEndian(newer, kOffsetFormatVersion, 2, 2);
        auto newerError = errorOf(newer);
        QCOMPARE(newerError.kind, ErrorKind::Unsupported);
        QCOMPARE(newerError.message,
            std::string("This container was made by a newer version of Lightstreams "
                        "(container format 2); update the app to open it."));
        // A newer format is recognised even when its header is shorter than ours.
        QCOMPARE(errorOf(ByteView(newer).first(12)).kind, ErrorKind::Unsupported);

        Bytes damaged = bytes;
        damaged[kOffsetNonceBase] ^= 1;
        auto damagedError = errorOf(damaged);
        QCOMPARE(damagedError.kind, ErrorKind::Verification);
        QCOMPARE(damagedError.message,
            std::string("The container header is damaged: its checksum does not match."));
    }

    void fieldRulesAreEnforced()
    {
        auto suite = decodeErrorAfter([](Bytes& b) { putBigEndian(b, kOffsetCipherSuite, 2, 2); });
        QCOMPARE(suite.kind, ErrorKind::Unsupported);
        QCOMPARE(suite.message,
            std::string("This container uses cipher suite 2, which this version "
                        "of Lightstreams does not support; update the app."));
        for (std::uint32_t size : { 0u, 512u, 1000u, 65535u, 8u << 20 }) {
            auto error
                = decodeErrorAfter([&](Bytes& b) { putBigEndian(b, kOffsetChunkSize, size, 4); });
            QCOMPARE(error.kind, ErrorKind::InvalidInput);
            QCOMPARE(error.message,
                invalid("chunk size " + std::to_string(size)
                    + " is not a power of two from 1 KiB to 4 MiB"));
        }
        QCOMPARE(decodeErrorAfter([](Bytes& b) {
            putBigEndian(b, kOffsetPlaintextSize, kMaxPlaintextSize + 1, 8);
        }).message,
            invalid("the content size is impossibly large"));
        QCOMPARE(decodeErrorAfter([](Bytes& b) { putBigEndian(b, kOffsetTitleId, 0, 8); }).message,
            invalid("title id 0 does not exist"));
        QCOMPARE(decodeErrorAfter([](Bytes& b) { putBigEndian(b, kOffsetVersion, 0, 4); }).message,
            invalid("version 0 does not exist"));
        QCOMPARE(decodeErrorAfter([](Bytes& b) { b[kOffsetReserved + 3] = 1; }).message,
            invalid("its reserved bytes are not zero"));
        const std::string badType = invalid("its media type is not a valid MIME type");
        QCOMPARE(decodeErrorAfter([](Bytes& b) { b[kOffsetMediaType] = 'V'; }).message, badType);
        QCOMPARE(
            decodeErrorAfter([](Bytes& b) { b[kOffsetMediaType + 5] = '-'; }).message, badType);
        QCOMPARE(decodeErrorAfter([](Bytes& b) { b[kOffsetMediaType] = 0; }).message, badType);
        // Text hidden after the terminator would make two encodings of one header.
        QCOMPARE(
            decodeErrorAfter([](Bytes& b) { b[kOffsetMediaType + 20] = 'x'; }).message, badType);
        QCOMPARE(decodeErrorAfter([](Bytes&) {}).message, std::string("decoded"));
    }

    void chunkGeometry()
    {
        ContainerHeader header;
        header.chunkSize = 1024;
        const std::uint64_t cap = 1000;
        QCOMPARE(header.chunkCapacity(), cap);
        struct Case {
            std::uint64_t size, chunks, last, fileSize;
        };
        for (auto [size, chunks, last, fileSize] :
            { Case { 0, 1, 0, 1024 + 24 }, Case { 1, 1, 1, 1024 + 25 },
                Case { cap - 1, 1, cap - 1, 2047 }, Case { cap, 1, cap, 2048 },
                Case { cap + 1, 2, 1, 2048 + 25 }, Case { 3 * cap, 3, cap, 4096 } }) {
            header.plaintextSize = size;
            QCOMPARE(header.chunkCount(), chunks);
            QCOMPARE(header.chunkPlaintextSize(chunks - 1), last);
            QCOMPARE(header.containerSize(), fileSize);
            QVERIFY(header.isFinalChunk(chunks - 1));
            QVERIFY(chunks == 1 || !header.isFinalChunk(chunks - 2));
            QCOMPARE(header.chunkOffset(chunks - 1), chunks * 1024);
        }
        // The largest content any header may declare still has exact, overflow-free geometry.
        header.plaintextSize = kMaxPlaintextSize;
        QCOMPARE(header.chunkCount(), (kMaxPlaintextSize + cap - 1) / cap);
        QVERIFY(header.containerSize() > kMaxPlaintextSize);
        QVERIFY(header.containerSize() < kMaxPlaintextSize * 2);
    }

    void pinnedTestVector()
    {
        // docs/protocol.md §9 test vector. The version key is version 1 of title key 00 01 … 1f;
        // the nonce base a0 … af; content byte i = i mod 251. The expected bytes were checked
        // once by an independent decoder written from the protocol text alone (Python:
        // HChaCha20 + the `cryptography` package's ChaCha20-Poly1305).
        Bytes titleKeyBytes(32);
        for (std::size_t i = 0; i < 32; ++i)
            titleKeyBytes[i] = static_cast<std::uint8_t>(i);
        auto key = *TitleKey::fromBytes(titleKeyBytes)->versionKey(1);
        FixedBytes<kNonceBaseSize> base {};
        for (std::size_t i = 0; i < base.size(); ++i)
            base[i] = static_cast<std::uint8_t>(0xa0 + i);
        Bytes plaintext(2500);
        for (std::size_t i = 0; i < plaintext.size(); ++i)
            plaintext[i] = static_cast<std::uint8_t>(i % 251);

        ContainerWriter writer(key,
            { .titleId = 42,
                .version = 1,
                .mediaType = "application/epub+zip",
                .chunkSize = 1024 });
        writer.setNonceBaseForTestVectors(base);
        QByteArray input(
            reinterpret_cast<const char*>(plaintext.data()), qsizetype(plaintext.size()));
        QBuffer in(&input);
        in.open(QIODevice::ReadOnly);
        QByteArray output;
        QBuffer out(&output);
        out.open(QIODevice::WriteOnly);
        QVERIFY(writer.write(in, plaintext.size(), out));
        Bytes container(output.begin(), output.end());
        QCOMPARE(container.size(), std::size_t { 3596 });
        QCOMPARE(codec::toHex(ByteView(container).first(kHeaderSize)), std::string(kVectorHeader));
        QCOMPARE(codec::toHex(crypto::sha256(container)), std::string(kVectorSha256));
        QVERIFY(*testing::decryptAll(key, container) == plaintext);
    }

private:
    static constexpr const char* kVectorHeader
        = "4c5343000d0a1a0a000100010000040000000000000009c4000000000000002a0000000100000000"
          "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf6170706c69636174696f6e2f657075622b7a697000000000"
          "00000000000000000000000000000000000000000000000000000000000000000000000000000000"
          "9ee70b1ba2ea97ad400ae56718410d924ba8e5161fc64cdb11da57b78df0156306d3b665ad495570"
          "11205ff7e7411cf0b19119e2b39386250c4efca893b742fd";
    static constexpr const char* kVectorSha256
        = "8cba994b62191bdb3eac13361f0098e21853ba36e52cb1dac4458170fce7ac80";
};

QTEST_GUILESS_MAIN(TestContainerFormat)
#include "tst_container_format.moc"
