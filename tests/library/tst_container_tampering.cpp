// Everything that can go wrong with a container's bytes is detected, with its own message:
// truncation (including exactly at a chunk boundary), extra data, a damaged header, an altered
// header, a wrong key, a damaged chunk, reordered chunks, a chunk from another container, and the
// index / final-flag / header bindings of every chunk.
#include "core/crypto/Sha2.h"
#include "core/library/ContainerCipher.h"
#include "core/library/ContainerReader.h"

#include <QTest>

#include "tests/library/tst_container_support.h"
#include <string>

using namespace ls;
using namespace ls::library;
using namespace ls::library::testing;

namespace {

constexpr std::uint32_t kChunk = container::kMinChunkSize;
constexpr std::uint64_t kCapacity = kChunk - container::kChunkOverhead;
// Five chunks, the last one short.
constexpr std::uint64_t kPlainSize = 5 * kCapacity - 100;

const std::string kNotAContainer = "This is not a Lightstreams content container (.lsc file).";
const std::string kHeaderIncomplete = "The container is truncated: its header is incomplete.";
const std::string kChecksum = "The container header is damaged: its checksum does not match.";
const std::string kPadding = "The container header is damaged: its padding is not zero.";
const std::string kAltered
    = "The container header has been altered: it does not match its authentication tag.";
const std::string kWrongKey
    = "This key does not open the container (title 7, version 2): it is the wrong key.";

std::string damaged(std::uint64_t index)
{
    return "The container is damaged: chunk " + std::to_string(index) + " failed authentication.";
}

std::string truncated(std::uint64_t expected, std::uint64_t present)
{
    return "The container is truncated: it should be " + std::to_string(expected)
        + " bytes long, but only " + std::to_string(present) + " are present.";
}

Bytes sealedContainer()
{
    return *encryptToBytes(testKey(), testSettings(kChunk), pattern(0, kPlainSize));
}

Error openError(ByteView bytes, const VersionKey& key = testKey())
{
    ContainerMemorySource source(bytes);
    auto reader = ContainerReader::open(source, key);
    if (reader)
        return Error { ErrorKind::Internal, "opened" };
    return reader.error();
}

// A source that only copies, so the reader takes its buffer-and-decrypt-in-place path instead
// of decrypting from a borrowed view.
class CopyingSource final : public ContainerSource {
public:
    explicit CopyingSource(ByteView bytes)
        : m_inner(bytes)
    {
    }
    std::uint64_t size() const override { return m_inner.size(); }
    Result<void> readAt(std::uint64_t offset, std::span<std::uint8_t> out) override
    {
        return m_inner.readAt(offset, out);
    }

private:
    ContainerMemorySource m_inner;
};

// How reading chunk `index` ends, through each of the reader's three paths: readChunk from a
// borrowed view, readChunk from a copy, and read() of the chunk's whole range straight into the
// caller's buffer. They must agree.
Error chunkError(ByteView bytes, std::uint64_t index)
{
    auto outcome = [](auto result) {
        return result ? Error { ErrorKind::Internal, "decrypted" } : result.error();
    };
    ContainerMemorySource viewed(bytes);
    CopyingSource copied(bytes);
    auto fromView = ContainerReader::open(viewed, testKey());
    auto fromCopy = ContainerReader::open(copied, testKey());
    if (!fromView)
        return fromView.error();
    Error first = outcome(fromView->readChunk(index));
    Error second = outcome(fromCopy->readChunk(index));
    const auto& header = fromView->header();
    Bytes whole(std::size_t(header.chunkPlaintextSize(index)));
    auto third = fromView->read(index * header.chunkCapacity(), whole);
    Error direct = third ? Error { ErrorKind::Internal, "decrypted" } : third.error();
    if (whole.empty()) // reading nothing touches no chunk
        direct = first;
    if (first.message != second.message || first.message != direct.message)
        return Error { ErrorKind::Internal,
            "paths disagree: " + first.message + " / " + second.message + " / " + direct.message };
    return first;
}

void putBigEndian(Bytes& bytes, std::size_t offset, std::uint64_t value, std::size_t width)
{
    for (std::size_t i = 0; i < width; ++i)
        bytes[offset + i] = static_cast<std::uint8_t>(value >> (8 * (width - 1 - i)));
}

// What someone who edits a header and knows to fix the checksum (but not the key) produces.
void rehash(Bytes& bytes)
{
    Hash256 hash = crypto::sha256(ByteView(bytes).first(container::kOffsetHeaderHash));
    std::copy(hash.begin(), hash.end(), bytes.begin() + container::kOffsetHeaderHash);
}

std::size_t slot(std::uint64_t index)
{
    return std::size_t((index + 1) * kChunk);
}

} // namespace

class TestContainerTampering : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void intactContainerOpens()
    {
        // The baseline every case below departs from.
        Bytes bytes = sealedContainer();
        QCOMPARE(bytes.size(), std::size_t(5 * kChunk + (kCapacity - 100) + 24));
        QCOMPARE(openError(bytes).message, std::string("opened"));
        for (std::uint64_t i = 0; i < 5; ++i)
            QCOMPARE(chunkError(bytes, i).message, std::string("decrypted"));
    }

    void truncationIsDetectedAnywhere()
    {
        Bytes bytes = sealedContainer();
        const std::uint64_t full = bytes.size();
        QCOMPARE(openError(ByteView(bytes).first(0)).message, kNotAContainer);
        QCOMPARE(openError(ByteView(bytes).first(5)).message, kHeaderIncomplete);
        QCOMPARE(openError(ByteView(bytes).first(100)).message, kHeaderIncomplete);
        QCOMPARE(openError(ByteView(bytes).first(container::kHeaderSize - 1)).message,
            kHeaderIncomplete);
        // Header complete, then cut in the padding, at every chunk boundary, inside chunks, and
        // one byte short of the end.
        for (std::uint64_t cut : { std::uint64_t { container::kHeaderSize }, std::uint64_t { 1000 },
                 std::uint64_t { kChunk }, std::uint64_t { 2 * kChunk },
                 std::uint64_t { 3 * kChunk }, std::uint64_t { 4 * kChunk },
                 std::uint64_t { 5 * kChunk }, std::uint64_t { 2 * kChunk + 8 },
                 std::uint64_t { 3 * kChunk + 500 }, full - 1 }) {
            auto error = openError(ByteView(bytes).first(std::size_t(cut)));
            QCOMPARE(error.kind, ErrorKind::InvalidInput);
            QCOMPARE(error.message, truncated(full, cut));
        }
    }

    void truncationWithARewrittenSizeIsStillCaught()
    {
        // Cut after chunk 2 and make the header claim exactly what is left: the checksum catches
        // the edit; with the checksum recomputed, the key-bound header tag does.
        Bytes bytes = sealedContainer();
        bytes.resize(slot(3));
        putBigEndian(bytes, container::kOffsetPlaintextSize, 3 * kCapacity, 8);
        QCOMPARE(openError(bytes).message, kChecksum);
        rehash(bytes);
        QCOMPARE(openError(bytes).message, kAltered);
    }

    void extraDataIsDetected()
    {
        Bytes bytes = sealedContainer();
        bytes.push_back(0);
        QCOMPARE(openError(bytes).message,
            std::string("The container has 1 bytes of unexpected data after its last chunk."));
        Bytes repeated = sealedContainer();
        repeated.insert(repeated.end(), repeated.begin() + std::ptrdiff_t(slot(0)),
            repeated.begin() + std::ptrdiff_t(slot(1)));
        QCOMPARE(openError(repeated).kind, ErrorKind::InvalidInput);
    }

    void everyHeaderSlotByteIsCovered()
    {
        const Bytes original = sealedContainer();
        for (std::size_t at = 0; at < kChunk; ++at) {
            Bytes bytes = original;
            bytes[at] ^= 0x01;
            auto error = openError(bytes);
            std::string expected;
            if (at < container::kOffsetFormatVersion)
                expected = kNotAContainer;
            else if (at == container::kOffsetFormatVersion) // format 1 → 257
                expected = "This container was made by a newer version of Lightstreams (container "
                           "format 257); update the app to open it.";
            else if (at == container::kOffsetFormatVersion + 1) // format 1 → 0
                expected = "The container header is damaged: it names container format 0.";
            else if (at < container::kHeaderSize)
                expected = kChecksum;
            else
                expected = kPadding;
            QVERIFY2(error.message == expected,
                qPrintable(QStringLiteral("byte %1: %2")
                               .arg(at)
                               .arg(QString::fromStdString(error.message))));
        }
    }

    void alteredHeaderWithRecomputedChecksumIsDetected()
    {
        // Fields whose change keeps the file's geometry, so only authentication can object.
        const Bytes original = sealedContainer();
        for (std::size_t at : { container::kOffsetTitleId + 7, container::kOffsetVersion + 3,
                 container::kOffsetNonceBase, container::kOffsetMediaType + 1,
                 container::kOffsetHeaderTag + 15 }) {
            Bytes bytes = original;
            bytes[at] ^= 0x04; // keeps every field valid (title 3, version 6, "aqdio/flac")
            rehash(bytes);
            auto error = openError(bytes);
            QVERIFY2(error.kind == ErrorKind::Verification, error.message.c_str());
            QVERIFY2(error.message == kAltered, qPrintable(QStringLiteral("byte %1").arg(at)));
        }
        // Replacing the key check value itself reads as a wrong key: without the right key no
        // one can tell an altered check value from a key that does not fit (documented).
        Bytes bytes = original;
        bytes[container::kOffsetKeyCheck] ^= 0x02;
        rehash(bytes);
        QCOMPARE(openError(bytes).message, kWrongKey);
    }

    void wrongKeyIsDetected()
    {
        Bytes bytes = sealedContainer();
        auto error = openError(bytes, testKey(2));
        QCOMPARE(error.kind, ErrorKind::Verification);
        QCOMPARE(error.message, kWrongKey);

        // The usual way to hold a wrong key: the right title, the wrong version.
        TitleKey title = TitleKey::generate();
        Bytes v2 = *encryptToBytes(*title.versionKey(2), testSettings(kChunk), pattern(0, 10));
        QCOMPARE(openError(v2, *title.versionKey(1)).message, kWrongKey);
        QCOMPARE(openError(v2, *title.versionKey(2)).message, std::string("opened"));
    }

    void anyChangedChunkByteIsDetectedAndStaysLocal()
    {
        const Bytes original = sealedContainer();
        for (std::size_t within = 0; within < kChunk; ++within) {
            Bytes bytes = original;
            bytes[slot(2) + within] ^= 0x01;
            auto error = chunkError(bytes, 2);
            QCOMPARE(error.kind, ErrorKind::Verification);
            QVERIFY2(
                error.message == damaged(2), qPrintable(QStringLiteral("byte %1").arg(within)));
        }
        // Damage in one chunk does not stop the others from decrypting.
        Bytes bytes = sealedContainer();
        bytes[slot(2) + 100] ^= 0xff;
        for (std::uint64_t i : std::initializer_list<std::uint64_t> { 0, 1, 3, 4 })
            QCOMPARE(chunkError(bytes, i).message, std::string("decrypted"));
        // Nor does damage in the short final chunk go unnoticed.
        bytes = sealedContainer();
        bytes.back() ^= 0x01;
        QCOMPARE(chunkError(bytes, 4).message, damaged(4));
    }

    void reorderedChunksAreDetected()
    {
        Bytes bytes = sealedContainer();
        std::swap_ranges(bytes.begin() + std::ptrdiff_t(slot(1)),
            bytes.begin() + std::ptrdiff_t(slot(2)), bytes.begin() + std::ptrdiff_t(slot(2)));
        QCOMPARE(chunkError(bytes, 1).message,
            std::string("The container's chunks are out of order: chunk 2 is stored where "
                        "chunk 1 belongs."));
        QCOMPARE(chunkError(bytes, 2).message,
            std::string("The container's chunks are out of order: chunk 1 is stored where "
                        "chunk 2 belongs."));
        QCOMPARE(chunkError(bytes, 3).message, std::string("decrypted"));

        // A chunk whose index prefix was rewritten to fit its new place is still caught: the
        // index is bound into the nonce and associated data.
        putBigEndian(bytes, slot(1), 1, 8);
        QCOMPARE(chunkError(bytes, 1).message, damaged(1));
        // And a prefix that claims another place the chunk does not open for is damage.
        Bytes claims = sealedContainer();
        putBigEndian(claims, slot(1), 3, 8);
        QCOMPARE(chunkError(claims, 1).message, damaged(1));
        putBigEndian(claims, slot(1), ~std::uint64_t { 0 }, 8);
        QCOMPARE(chunkError(claims, 1).message, damaged(1));
    }

    void aChunkFromAnotherContainerIsDetected()
    {
        // Same key, same content, same position, another write (another nonce base and header).
        Bytes mine = sealedContainer();
        Bytes other = sealedContainer();
        std::copy(other.begin() + std::ptrdiff_t(slot(1)), other.begin() + std::ptrdiff_t(slot(2)),
            mine.begin() + std::ptrdiff_t(slot(1)));
        QCOMPARE(chunkError(mine, 1).message, damaged(1));
    }

    void eachChunkIsBoundToIndexFinalFlagAndHeader()
    {
        auto key = testKey();
        FixedBytes<container::kNonceBaseSize> base {};
        Hash256 headerHash {};
        headerHash[0] = 1;
        ContainerCipher cipher(key, base);
        cipher.bindHeader(headerHash);
        const Bytes plaintext = pattern(0, 64);
        Bytes sealed(plaintext.size() + container::kTagSize);
        std::copy(plaintext.begin(), plaintext.end(), sealed.begin());
        cipher.sealChunk(3, false, sealed);

        auto opens = [&](const ContainerCipher& with, std::uint64_t index, bool final) {
            Bytes copy = sealed;
            return with.openChunk(index, final, copy).has_value()
                && std::equal(plaintext.begin(), plaintext.end(), copy.begin());
        };
        QVERIFY(opens(cipher, 3, false));
        QVERIFY(!opens(cipher, 3, true)); // a non-final chunk cannot pose as the last one
        QVERIFY(!opens(cipher, 2, false));
        QVERIFY(!opens(cipher, 4, false));
        ContainerCipher otherHeader(key, base);
        Hash256 otherHash = headerHash;
        otherHash[31] ^= 1;
        otherHeader.bindHeader(otherHash);
        QVERIFY(!opens(otherHeader, 3, false));
        FixedBytes<container::kNonceBaseSize> otherBase {};
        otherBase[15] = 1;
        ContainerCipher otherNonce(key, otherBase);
        otherNonce.bindHeader(headerHash);
        QVERIFY(!opens(otherNonce, 3, false));

        // The empty final chunk of empty content is just a tag, and just as bound.
        Bytes emptyChunk(container::kTagSize);
        cipher.sealChunk(0, true, emptyChunk);
        auto emptyOpens = [&](std::uint64_t index, bool final) {
            Bytes copy = emptyChunk;
            return cipher.openChunk(index, final, copy).has_value();
        };
        QVERIFY(emptyOpens(0, true));
        QVERIFY(!emptyOpens(0, false));
        QVERIFY(!emptyOpens(1, true));
        for (std::size_t i = 0; i < emptyChunk.size(); ++i) {
            Bytes copy = emptyChunk;
            copy[i] ^= 0x10;
            QVERIFY(!cipher.openChunk(0, true, copy));
        }
    }

    void emptyContentIsAuthenticatedToo()
    {
        Bytes bytes = *encryptToBytes(testKey(), testSettings(kChunk), {});
        QCOMPARE(bytes.size(), std::size_t(kChunk + 24));
        QCOMPARE(chunkError(bytes, 0).message, std::string("decrypted"));
        bytes.back() ^= 0x01;
        QCOMPARE(chunkError(bytes, 0).message, damaged(0));
        // Cut off its one chunk and it is truncated, not empty.
        bytes.resize(kChunk);
        QCOMPARE(openError(bytes).message, truncated(kChunk + 24, kChunk));
    }
};

QTEST_GUILESS_MAIN(TestContainerTampering)
#include "tst_container_tampering.moc"
