// Content containers round trip at every size that matters (empty, one byte, around a chunk,
// several MiB), decrypt chunk by chunk in any order, read at any offset across chunk boundaries,
// and work from files and from partly available sources.
#include "core/library/ContainerDeviceSource.h"
#include "core/library/ContainerReader.h"
#include "core/library/ContainerWriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "tests/library/tst_container_support.h"
#include <random>
#include <set>

using namespace ls;
using namespace ls::library;
using namespace ls::library::testing;

namespace {

constexpr std::uint64_t kCapacity64k = container::kDefaultChunkSize - container::kChunkOverhead;

// Serves only some chunk slots, like a torrent that has some pieces: everything else is
// "not downloaded yet".
class PartialSource final : public ContainerSource {
public:
    PartialSource(ByteView bytes, std::uint64_t chunkSize, std::set<std::uint64_t> presentSlots)
        : m_bytes(bytes)
        , m_chunkSize(chunkSize)
        , m_present(std::move(presentSlots))
    {
    }

    std::uint64_t size() const override { return m_bytes.size(); }
    Result<void> readAt(std::uint64_t offset, std::span<std::uint8_t> out) override
    {
        for (std::uint64_t slot = offset / m_chunkSize; slot * m_chunkSize < offset + out.size();
             ++slot)
            if (!m_present.contains(slot))
                return fail(ErrorKind::NotFound, "not downloaded yet");
        return ContainerMemorySource(m_bytes).readAt(offset, out);
    }

private:
    ByteView m_bytes;
    std::uint64_t m_chunkSize;
    std::set<std::uint64_t> m_present;
};

} // namespace

class TestContainerRoundTrip : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data()
    {
        QTest::addColumn<quint32>("chunkSize");
        QTest::addColumn<quint64>("size");
        QTest::addColumn<quint64>("chunks");
        const quint32 big = container::kDefaultChunkSize;
        const quint64 cap = kCapacity64k;
        QTest::newRow("empty") << big << quint64 { 0 } << quint64 { 1 };
        QTest::newRow("one byte") << big << quint64 { 1 } << quint64 { 1 };
        QTest::newRow("chunk - 1") << big << cap - 1 << quint64 { 1 };
        QTest::newRow("chunk") << big << cap << quint64 { 1 };
        QTest::newRow("chunk + 1") << big << cap + 1 << quint64 { 2 };
        QTest::newRow("two chunks") << big << 2 * cap << quint64 { 2 };
        QTest::newRow("5 MiB + 123") << big << quint64 { 5 * 1024 * 1024 + 123 } << quint64 { 81 };
        const quint32 small = container::kMinChunkSize;
        const quint64 smallCap = small - container::kChunkOverhead;
        QTest::newRow("1 KiB chunks, empty") << small << quint64 { 0 } << quint64 { 1 };
        QTest::newRow("1 KiB chunks, chunk") << small << smallCap << quint64 { 1 };
        QTest::newRow("1 KiB chunks, chunk + 1") << small << smallCap + 1 << quint64 { 2 };
        QTest::newRow("1 KiB chunks, 100 chunks") << small << 100 * smallCap << quint64 { 100 };
        QTest::newRow("4 MiB chunks, 9 MiB")
            << quint32 { container::kMaxChunkSize } << quint64 { 9 * 1024 * 1024 } << quint64 { 3 };
    }

    void roundTrip()
    {
        QFETCH(quint32, chunkSize);
        QFETCH(quint64, size);
        QFETCH(quint64, chunks);
        auto key = testKey();
        Bytes plaintext = pattern(0, size);
        auto sealed = encryptToBytes(key, testSettings(chunkSize), plaintext);
        QVERIFY2(sealed, sealed ? "" : sealed.error().message.c_str());

        // The file is exactly: a header slot, full chunks, and a last chunk holding the rest,
        // each chunk carrying 24 bytes of index and tag.
        const std::uint64_t capacity = chunkSize - container::kChunkOverhead;
        const std::uint64_t lastPlain = size - (chunks - 1) * capacity;
        QCOMPARE(sealed->size(), std::size_t(chunks * chunkSize + lastPlain + 24));

        auto opened = decryptAll(key, *sealed);
        QVERIFY2(opened, opened ? "" : opened.error().message.c_str());
        QVERIFY(*opened == plaintext);

        // Every chunk decrypts on its own, in any order (here: backwards).
        ContainerMemorySource source(*sealed);
        auto reader = ContainerReader::open(source, key);
        QVERIFY(reader);
        QCOMPARE(reader->chunkCount(), std::uint64_t { chunks });
        QCOMPARE(reader->header().titleId, std::uint64_t { 7 });
        QCOMPARE(reader->header().version, std::uint32_t { 2 });
        QCOMPARE(reader->header().mediaType, std::string("audio/flac"));
        for (std::uint64_t index = chunks; index-- > 0;) {
            auto chunk = reader->readChunk(index);
            QVERIFY(chunk);
            Bytes expected = pattern(
                index * capacity, std::size_t(reader->header().chunkPlaintextSize(index)));
            QVERIFY(std::equal(chunk->begin(), chunk->end(), expected.begin(), expected.end()));
        }
    }

    void chunksAreAlignedForTorrentPieces()
    {
        // The header slot is one chunk long, so chunk i starts at (i + 1) · chunkSize and a
        // 256 KiB piece holds exactly four 64 KiB chunk slots: no chunk straddles two pieces.
        auto sealed = encryptToBytes(testKey(), testSettings(), pattern(0, 10 * kCapacity64k + 5));
        QVERIFY(sealed);
        for (std::uint64_t index = 0; index < 11; ++index) {
            std::size_t at = std::size_t((index + 1) * container::kDefaultChunkSize);
            std::uint64_t stored = 0;
            for (std::size_t i = 0; i < 8; ++i)
                stored = (stored << 8) | (*sealed)[at + i];
            QCOMPARE(stored, index);
        }
        constexpr std::uint64_t kPiece = 256 * 1024;
        QCOMPARE(kPiece % container::kDefaultChunkSize, std::uint64_t { 0 });
    }

    void randomAccessAcrossChunkBoundaries()
    {
        // Small chunks so there are many boundaries to cross.
        auto key = testKey();
        const std::uint64_t capacity = container::kMinChunkSize - container::kChunkOverhead;
        const std::uint64_t size = 7 * capacity + 333;
        Bytes plaintext = pattern(0, size);
        auto sealed = encryptToBytes(key, testSettings(container::kMinChunkSize), plaintext);
        QVERIFY(sealed);
        ContainerMemorySource source(*sealed);
        auto reader = ContainerReader::open(source, key);
        QVERIFY(reader);

        auto check = [&](std::uint64_t offset, std::size_t length) {
            Bytes out(length, 0xee);
            auto read = reader->read(offset, out);
            return read
                && std::equal(out.begin(), out.end(), plaintext.begin() + std::ptrdiff_t(offset));
        };
        // Every start within three bytes of every boundary, with lengths that end before, at and
        // after the next boundaries.
        for (std::uint64_t boundary = capacity; boundary < size; boundary += capacity)
            for (std::uint64_t offset = boundary - 3; offset <= boundary + 3; ++offset)
                for (std::size_t length : { std::size_t { 0 }, std::size_t { 1 }, std::size_t { 3 },
                         std::size_t { 4 }, std::size_t(capacity), std::size_t(capacity + 7),
                         std::size_t(2 * capacity + 1) })
                    if (offset + length <= size)
                        QVERIFY2(check(offset, length),
                            qPrintable(
                                QStringLiteral("offset %1 length %2").arg(offset).arg(length)));
        std::mt19937_64 random(42);
        for (int i = 0; i < 500; ++i) {
            std::uint64_t offset = random() % size;
            std::size_t length = std::size_t(random() % (size - offset + 1));
            QVERIFY(check(offset, length));
        }
        QVERIFY(check(0, std::size_t(size)));
        QVERIFY(check(size, 0));
    }

    void readsOutsideTheContentAreRefused()
    {
        auto key = testKey();
        auto sealed = encryptToBytes(key, testSettings(), pattern(0, 1000));
        QVERIFY(sealed);
        ContainerMemorySource source(*sealed);
        auto reader = ContainerReader::open(source, key);
        QVERIFY(reader);
        Bytes out(2);
        auto past = reader->read(999, out);
        QVERIFY(!past);
        QCOMPARE(past.error().kind, ErrorKind::InvalidInput);
        QCOMPARE(past.error().message,
            std::string("Cannot read past the end of the content (1000 bytes)."));
        QVERIFY(!reader->read(std::uint64_t(-1), out));
        auto noChunk = reader->readChunk(1);
        QVERIFY(!noChunk);
        QCOMPARE(noChunk.error().message,
            std::string("There is no chunk 1 in this container; it has 1."));
    }

    void aChunkDecryptsWhenOnlyItHasArrived()
    {
        // A partly downloaded container: the header slot and chunk 5 only.
        auto key = testKey();
        const std::uint64_t capacity = container::kMinChunkSize - container::kChunkOverhead;
        Bytes plaintext = pattern(0, 20 * capacity);
        auto sealed = encryptToBytes(key, testSettings(container::kMinChunkSize), plaintext);
        QVERIFY(sealed);
        PartialSource source(*sealed, container::kMinChunkSize, { 0, 6 });
        auto reader = ContainerReader::open(source, key);
        QVERIFY2(reader, reader ? "" : reader.error().message.c_str());
        auto chunk = reader->readChunk(5);
        QVERIFY(chunk);
        QVERIFY(std::equal(
            chunk->begin(), chunk->end(), plaintext.begin() + std::ptrdiff_t(5 * capacity)));
        auto missing = reader->readChunk(6);
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);
    }

    void headerIsReadableWithoutTheKey()
    {
        auto sealed = encryptToBytes(testKey(), testSettings(), pattern(0, 12345));
        QVERIFY(sealed);
        ContainerMemorySource source(*sealed);
        auto header = ContainerReader::readHeader(source);
        QVERIFY(header);
        QCOMPARE(header->plaintextSize, std::uint64_t { 12345 });
        QCOMPARE(header->titleId, std::uint64_t { 7 });
        QCOMPARE(header->version, std::uint32_t { 2 });
        QCOMPARE(header->mediaType, std::string("audio/flac"));
    }

    void fileRoundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString plainPath = dir.filePath(QStringLiteral("song.flac"));
        const QString containerPath = dir.filePath(QStringLiteral("song.lsc"));
        Bytes plaintext = pattern(0, 3 * kCapacity64k + 99);
        {
            QFile file(plainPath);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(reinterpret_cast<const char*>(plaintext.data()), qint64(plaintext.size()));
        }
        auto key = testKey();
        ContainerWriter writer(key, testSettings());
        auto written = writer.writeFile(plainPath, containerPath);
        QVERIFY2(written, written ? "" : written.error().message.c_str());
        QCOMPARE(written->plaintextSize, std::uint64_t(plaintext.size()));

        QFile file(containerPath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(std::uint64_t(file.size()), written->containerSize());
        ContainerDeviceSource source(file);
        auto reader = ContainerReader::open(source, key);
        QVERIFY2(reader, reader ? "" : reader.error().message.c_str());
        Bytes out(plaintext.size());
        QVERIFY(reader->read(0, out));
        QVERIFY(out == plaintext);
    }

    void twoWritesOfTheSameContentDiffer()
    {
        // A fresh random nonce base per write: re-encrypting a version never reuses a nonce.
        auto key = testKey();
        Bytes plaintext = pattern(0, 5000);
        auto first = encryptToBytes(key, testSettings(), plaintext);
        auto second = encryptToBytes(key, testSettings(), plaintext);
        QVERIFY(first && second);
        QVERIFY(*first != *second);
        QVERIFY(*decryptAll(key, *first) == *decryptAll(key, *second));
    }
};

QTEST_GUILESS_MAIN(TestContainerRoundTrip)
#include "tst_container_round_trip.moc"
