// Streaming a title that is still downloading, with real libtorrent sessions on loopback: the
// author seeds a real encrypted container; a buyer who has nothing yet reads the plaintext at the
// middle, backwards and across a chunk boundary from a worker thread and gets the original bytes
// before the download is complete. A read nobody can serve fails with a clear timeout; one on the
// swarm's own thread fails at once instead of hanging; a cancelled one stops.
#include "core/library/ContainerStream.h"
#include "core/library/ContainerWriter.h"
#include "core/swarm/TorrentContainerSource.h"

#include <QSignalSpy>

#include "tests/swarm/SwarmTestSupport.h"
#include <future>

using namespace ls;
using namespace ls::testing;

namespace {

constexpr int kWaitMs = 60'000;
constexpr std::size_t kContentSize = 8'000'000; // 123 chunks, 124 pieces of 64 KiB
// Slow enough that the whole title takes half a minute, so a read that returns the middle's bytes
// while most pieces are still missing shows the deadlines at work.
constexpr int kAuthorUploadLimit = 256 * 1024;

struct Reading {
    std::string error; // empty when every read succeeded
    ErrorKind errorKind = ErrorKind::Internal;
    QByteArray middle, backwards, acrossChunks;
    qint64 size = 0;
    std::uint32_t piecesAfterFirstRead = 0, pieceCount = 0;
};

std::unique_ptr<library::ContainerStream> openStream(swarm::Swarm& swarm, const Hash256& infohash,
    const library::VersionKey& key, swarm::TorrentContainerSource::Options options,
    Reading& reading)
{
    auto source = swarm::TorrentContainerSource::open(swarm, infohash, std::move(options));
    if (!source) {
        reading.error = source.error().message;
        reading.errorKind = source.error().kind;
        return nullptr;
    }
    reading.pieceCount = (*source)->pieceCount();
    auto stream = library::ContainerStream::open(std::move(*source), key);
    if (!stream) {
        reading.error = stream.error().message;
        reading.errorKind = stream.error().kind;
        return nullptr;
    }
    return std::move(*stream);
}

} // namespace

class TestSwarmStreaming : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SwarmPeer> m_author;
    swarm::CreatedTorrent m_torrent;
    Bytes m_content;
    std::optional<library::VersionKey> m_key;

    swarm::TorrentSource sourceFor(const SwarmPeer& peer) const
    {
        return { m_torrent.infohash, m_torrent.torrentFile, peer.directory(), true, false, {} };
    }

    QByteArray original(std::size_t offset, std::size_t size) const
    {
        return QByteArray(
            reinterpret_cast<const char*>(m_content.data() + offset), static_cast<qsizetype>(size));
    }

    // A buyer the author serves, whose session has nothing of the title yet.
    std::unique_ptr<SwarmPeer> addBuyer(std::uint8_t keyByte, bool connect)
    {
        auto buyer = std::make_unique<SwarmPeer>(keyByte);
        m_author->policy.granted.insert(buyer->account);
        buyer->policy.granted.insert(m_author->account);
        QSignalSpy added(&buyer->swarm, &swarm::Swarm::torrentAdded);
        if (!buyer->swarm.add(sourceFor(*buyer)) || !added.wait(kWaitMs))
            return nullptr;
        if (connect)
            buyer->swarm.connectPeer(m_torrent.infohash, m_author->address());
        return buyer;
    }

private Q_SLOTS:
    void initTestCase()
    {
        swarm::SwarmSettings throttled = loopbackSettings();
        throttled.uploadLimit = kAuthorUploadLimit;
        m_author = std::make_unique<SwarmPeer>(1, throttled);
        const auto plainPath = m_author->directory() / "content.mp4";
        const auto containerPath = m_author->directory() / "title-7-v1.lsc";
        m_content = randomFile(plainPath, kContentSize);
        QCOMPARE(m_content.size(), kContentSize);
        m_key = library::TitleKey::generate().versionKey(1).value();
        library::ContainerWriter writer(
            *m_key, { .titleId = 7, .version = 1, .mediaType = "video/mp4" });
        auto written = writer.writeFile(QString::fromStdString(plainPath.string()),
            QString::fromStdString(containerPath.string()));
        QVERIFY2(written, written ? "" : written.error().message.c_str());
        QVERIFY(std::filesystem::remove(plainPath)); // the author keeps only the container
        m_torrent = swarm::makeTorrent(containerPath, 64 * 1024).value();

        QSignalSpy added(&m_author->swarm, &swarm::Swarm::torrentAdded);
        auto source = sourceFor(*m_author);
        source.knownComplete = true;
        QVERIFY(m_author->swarm.add(source));
        QTRY_VERIFY_WITH_TIMEOUT(!added.isEmpty(), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(m_author->swarm.status(m_torrent.infohash)->state
                == swarm::TorrentStatus::State::Seeding,
            kWaitMs);
    }

    void aReadInTheMiddleOfATitleNotYetDownloadedReturnsItsPlaintext()
    {
        auto buyer = addBuyer(2, true);
        QVERIFY(buyer);
        const std::size_t middle = kContentSize / 2;
        const std::size_t capacity = 64 * 1024 - 24; // plaintext bytes per chunk
        const std::size_t backwards = kContentSize / 5 + 777;
        const std::size_t boundary = 30 * capacity - 100; // 100 bytes before chunk 30 starts

        auto worker = std::async(std::launch::async, [&] {
            Reading reading;
            auto stream = openStream(buyer->swarm, m_torrent.infohash, *m_key, {}, reading);
            if (!stream)
                return reading;
            reading.size = stream->size();
            auto readAt = [&](std::size_t at, qint64 size, QByteArray& into) {
                if (!stream->seek(static_cast<qint64>(at)))
                    return false;
                into = stream->read(size);
                if (into.size() != size)
                    reading.error = stream->errorString().toStdString();
                return into.size() == size;
            };
            if (!readAt(middle, 100'000, reading.middle))
                return reading;
            for (std::uint32_t piece = 0; piece < reading.pieceCount; ++piece)
                reading.piecesAfterFirstRead += buyer->swarm.havePiece(m_torrent.infohash, piece);
            if (readAt(backwards, 5'000, reading.backwards))
                readAt(boundary, 300, reading.acrossChunks);
            return reading;
        });
        QTRY_VERIFY_WITH_TIMEOUT(
            worker.wait_for(std::chrono::seconds(0)) == std::future_status::ready, kWaitMs);
        const Reading reading = worker.get();
        QVERIFY2(reading.error.empty(), reading.error.c_str());
        QCOMPARE(reading.size, static_cast<qint64>(kContentSize));
        QVERIFY(reading.middle == original(middle, 100'000));
        QVERIFY(reading.backwards == original(backwards, 5'000));
        QVERIFY(reading.acrossChunks == original(boundary, 300));
        // The middle came first: when it had been read, most of the title was still missing.
        qInfo("the first read returned with %u of %u pieces", reading.piecesAfterFirstRead,
            reading.pieceCount);
        QVERIFY2(reading.piecesAfterFirstRead < reading.pieceCount / 2,
            qPrintable(QStringLiteral("%1 of %2 pieces")
                           .arg(reading.piecesAfterFirstRead)
                           .arg(reading.pieceCount)));
    }

    void aReadNoPeerCanServeFailsWithATimeout()
    {
        auto buyer = addBuyer(3, false); // knows the torrent, reaches nobody
        QVERIFY(buyer);
        auto worker = std::async(std::launch::async, [&] {
            Reading reading;
            swarm::TorrentContainerSource::Options options;
            options.timeout = std::chrono::milliseconds(1500);
            openStream(buyer->swarm, m_torrent.infohash, *m_key, options, reading);
            return reading;
        });
        QTRY_VERIFY_WITH_TIMEOUT(
            worker.wait_for(std::chrono::seconds(0)) == std::future_status::ready, kWaitMs);
        const Reading reading = worker.get();
        QCOMPARE(reading.errorKind, ErrorKind::NotFound);
        QVERIFY2(QString::fromStdString(reading.error)
                     .contains(QStringLiteral("did not arrive in time: piece 0 of 124 was not "
                                              "received within 1.5 s (no peer that has the title "
                                              "is connected)")),
            reading.error.c_str());
    }

    void aReadOnTheSwarmsOwnThreadFailsInsteadOfWaiting()
    {
        auto buyer = addBuyer(4, false);
        QVERIFY(buyer);
        swarm::TorrentContainerSource::Options options;
        options.timeout = std::chrono::milliseconds(kWaitMs); // a wait would end in NotFound
        Reading reading;
        QVERIFY(!openStream(buyer->swarm, m_torrent.infohash, *m_key, options, reading));
        QCOMPARE(reading.errorKind, ErrorKind::Internal);
        QVERIFY2(QString::fromStdString(reading.error).contains(QStringLiteral("reader thread")),
            reading.error.c_str());
    }

    void aCancelledReadStops()
    {
        auto buyer = addBuyer(5, false);
        QVERIFY(buyer);
        std::stop_source stop;
        auto worker = std::async(std::launch::async, [&] {
            Reading reading;
            swarm::TorrentContainerSource::Options options;
            options.timeout = std::chrono::milliseconds(2 * kWaitMs); // far beyond the stop
            options.stop = stop.get_token();
            openStream(buyer->swarm, m_torrent.infohash, *m_key, options, reading);
            return reading;
        });
        QTest::qWait(200);
        stop.request_stop();
        QTRY_VERIFY_WITH_TIMEOUT(
            worker.wait_for(std::chrono::seconds(0)) == std::future_status::ready, kWaitMs);
        const Reading reading = worker.get();
        QCOMPARE(reading.errorKind, ErrorKind::NotFound);
        QCOMPARE(reading.error, std::string("Reading the title was cancelled."));
    }

    void cleanupTestCase() { m_author.reset(); }
};

QTEST_GUILESS_MAIN(TestSwarmStreaming)
#include "tst_swarm_streaming.moc"
