// A 256 MiB title streams through the writer and back through a reader without either ever
// holding more than a chunk or two: the content comes from a generator device, the container goes
// into a device that verifies each chunk as it arrives and then forgets it. The process's peak
// memory (VmHWM) is compared before and after — a writer that buffered the content would add
// 256 MiB, a streaming one adds next to nothing. Own executable, so earlier tests' allocations do
// not hide anything.
#include "core/library/ContainerReader.h"
#include "core/library/ContainerWriter.h"

#include <QFile>
#include <QTest>

#include "tests/library/tst_container_support.h"
#include <optional>

using namespace ls;
using namespace ls::library;
using namespace ls::library::testing;

namespace {

constexpr std::uint64_t kContentSize = 256ull * 1024 * 1024;

// Peak resident set size of this process so far, in bytes.
std::uint64_t peakResidentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toULongLong() * 1024;
    return 0;
}

// A ContainerSource over "the header slot and whichever chunk slot arrived last" — all a reader
// needs to verify a stream chunk by chunk, and like a torrent that has only some pieces.
class WindowSource final : public ContainerSource {
public:
    std::uint64_t size() const override { return m_size; }
    Result<void> readAt(std::uint64_t offset, std::span<std::uint8_t> out) override
    {
        for (const auto& [start, bytes] : { std::pair { std::uint64_t { 0 }, &m_headerSlot },
                 std::pair { m_windowStart, &m_window } })
            if (offset >= start && offset + out.size() <= start + bytes->size()) {
                std::copy_n(
                    bytes->begin() + std::ptrdiff_t(offset - start), out.size(), out.begin());
                return {};
            }
        return fail(ErrorKind::NotFound, "not arrived");
    }

    std::uint64_t m_size = 0;
    Bytes m_headerSlot;
    std::uint64_t m_windowStart = 0;
    Bytes m_window;
};

// Receives a container sequentially and decrypts every chunk as soon as it is complete.
class VerifyingSink : public QIODevice {
public:
    explicit VerifyingSink(const VersionKey& key)
        : m_key(key)
    {
        open(QIODevice::WriteOnly);
    }

    bool isSequential() const override { return true; }
    std::uint64_t verifiedBytes() const { return m_verified; }
    std::uint64_t verifiedChunks() const { return m_nextChunk; }
    const std::string& problem() const { return m_problem; }
    std::size_t largestBuffer() const { return m_largestBuffer; }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override
    {
        auto bytes = reinterpret_cast<const std::uint8_t*>(data);
        for (qint64 used = 0; used < size;) {
            std::size_t want = expectedLength() - m_pending.size();
            auto take = std::size_t(std::min<qint64>(qint64(want), size - used));
            m_pending.insert(m_pending.end(), bytes + used, bytes + used + take);
            m_largestBuffer = std::max(m_largestBuffer, m_pending.capacity());
            used += qint64(take);
            if (m_pending.size() == expectedLength())
                consumeSlot();
        }
        return size;
    }

private:
    std::size_t expectedLength() const
    {
        if (!m_reader)
            return m_headerKnown ? std::size_t(m_header.chunkSize) : container::kHeaderSize;
        return std::size_t(m_header.storedChunkSize(m_nextChunk));
    }

    void consumeSlot()
    {
        if (!m_headerKnown) {
            auto header = container::decodeHeader(m_pending);
            if (!header) {
                m_problem = header.error().message;
                return;
            }
            m_header = *header;
            m_source.m_size = m_header.containerSize();
            m_headerKnown = true; // keep the 184 bytes pending; the padding follows
            return;
        }
        if (!m_reader) {
            m_source.m_headerSlot = std::move(m_pending);
            m_pending = Bytes();
            auto reader = ContainerReader::open(m_source, m_key);
            if (!reader) {
                m_problem = reader.error().message;
                return;
            }
            m_reader.emplace(std::move(*reader));
            return;
        }
        m_source.m_windowStart = m_header.chunkOffset(m_nextChunk);
        std::swap(m_source.m_window, m_pending);
        m_pending.clear();
        auto chunk = m_reader->readChunk(m_nextChunk);
        Bytes expected = pattern(m_verified, std::size_t(m_header.chunkPlaintextSize(m_nextChunk)));
        if (!chunk)
            m_problem = chunk.error().message;
        else if (!std::equal(chunk->begin(), chunk->end(), expected.begin(), expected.end()))
            m_problem = "chunk " + std::to_string(m_nextChunk) + " decrypted to the wrong bytes";
        else
            m_verified += chunk->size();
        ++m_nextChunk;
    }

    VersionKey m_key;
    container::ContainerHeader m_header;
    WindowSource m_source;
    bool m_headerKnown = false;
    std::optional<ContainerReader> m_reader;
    Bytes m_pending;
    std::uint64_t m_nextChunk = 0;
    std::uint64_t m_verified = 0;
    std::size_t m_largestBuffer = 0;
    std::string m_problem;
};

} // namespace

class TestContainerLargeStream : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void quarterGibibyteStreamsInConstantMemory()
    {
        const std::uint64_t peakBefore = peakResidentBytes();
        QVERIFY(peakBefore > 0);

        auto key = testKey();
        ContainerWriter writer(key, testSettings());
        QCOMPARE(writer.bufferSize(), std::size_t { container::kDefaultChunkSize });
        PatternDevice content(kContentSize);
        VerifyingSink sink(key);
        auto written = writer.write(content, kContentSize, sink);
        QVERIFY2(written, written ? "" : written.error().message.c_str());
        QVERIFY2(sink.problem().empty(), sink.problem().c_str());

        QCOMPARE(content.produced(), kContentSize);
        QCOMPARE(sink.verifiedBytes(), kContentSize);
        QCOMPARE(sink.verifiedChunks(), written->chunkCount());
        QVERIFY(sink.largestBuffer() <= 2 * container::kDefaultChunkSize);

        // Writer, reader and the test's own window together stay far below the content size.
        const std::uint64_t growth = peakResidentBytes() - peakBefore;
        qInfo("peak resident memory before %llu KiB, growth %llu KiB",
            static_cast<unsigned long long>(peakBefore / 1024),
            static_cast<unsigned long long>(growth / 1024));
        QVERIFY2(growth < 16ull * 1024 * 1024,
            qPrintable(QStringLiteral("peak memory grew by %1 bytes").arg(growth)));
    }
};

QTEST_GUILESS_MAIN(TestContainerLargeStream)
#include "tst_container_large_stream.moc"
