// What survives a restart and what keeps seeding, with real libtorrent sessions on loopback: a
// download stopped halfway resumes from the swarm's resume directory and fetches only the pieces
// it lacked; full-seeding mode takes titles out of the queue (and a title added in that mode
// seeds at once) and normal mode puts them back.
#include "core/codec/Hex.h"

#include <QSignalSpy>

#include "tests/swarm/SwarmTestSupport.h"

using namespace ls;
using namespace ls::testing;

namespace {

constexpr int kWaitMs = 60'000;
constexpr std::size_t kFileSize = 4 * 1024 * 1024 + 4321;
constexpr std::uint32_t kPieceSize = 64 * 1024;
// The author's upload while the first download runs: the whole file would take eight seconds,
// so stopping after a third reliably stops halfway.
constexpr int kAuthorUploadLimit = 512 * 1024;

using State = swarm::TorrentStatus::State;

} // namespace

class TestSwarmResume : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<SwarmPeer> m_author;
    swarm::CreatedTorrent m_torrent;
    Bytes m_content;

    swarm::TorrentStatus statusOf(const swarm::Swarm& swarm, const Hash256& infohash) const
    {
        return swarm.status(infohash).value_or(swarm::TorrentStatus {});
    }

    bool addAndWait(swarm::Swarm& swarm, const swarm::TorrentSource& source) const
    {
        QSignalSpy added(&swarm, &swarm::Swarm::torrentAdded);
        return swarm.add(source) && (!added.isEmpty() || added.wait(kWaitMs));
    }

private Q_SLOTS:
    void initTestCase()
    {
        swarm::SwarmSettings throttled = loopbackSettings();
        throttled.uploadLimit = kAuthorUploadLimit;
        m_author = std::make_unique<SwarmPeer>(1, throttled);
        const auto file = m_author->directory() / "title-3-v1.lsc";
        m_content = randomFile(file, kFileSize);
        QCOMPARE(m_content.size(), kFileSize);
        m_torrent = swarm::makeTorrent(file, kPieceSize).value();
        QVERIFY(addAndWait(m_author->swarm,
            { m_torrent.infohash, m_torrent.torrentFile, m_author->directory(), true, true, {} }));
        QTRY_COMPARE_WITH_TIMEOUT(
            statusOf(m_author->swarm, m_torrent.infohash).state, State::Seeding, kWaitMs);
    }

    void aRestartMidDownloadResumesWhereItStopped()
    {
        QTemporaryDir dir;
        const std::filesystem::path root = dir.path().toStdString();
        swarm::SwarmSettings settings = loopbackSettings();
        settings.resumeDirectory = root / "resume";
        const swarm::SwarmIdentity buyer { kSwarmChainId, swarmKey(2) };
        m_author->policy.granted.insert(accountOf(buyer.accountKey));
        TablePolicy policy;
        policy.granted.insert(m_author->account);
        const swarm::TorrentSource source { m_torrent.infohash, m_torrent.torrentFile,
            root / "data", true, false, {} };

        std::uint64_t doneAtStop = 0, downloadedAtStop = 0;
        {
            swarm::LibtorrentSwarm first(settings, buyer, policy);
            QVERIFY(addAndWait(first, source));
            first.connectPeer(m_torrent.infohash, m_author->address());
            QTRY_VERIFY_WITH_TIMEOUT(
                statusOf(first, m_torrent.infohash).totalDone >= kFileSize / 3, kWaitMs);
            doneAtStop = statusOf(first, m_torrent.infohash).totalDone;
            downloadedAtStop = statusOf(first, m_torrent.infohash).totalDownloaded;
        } // the swarm stops here, saving its resume data
        QVERIFY2(doneAtStop < kFileSize, "the first run was meant to stop halfway");
        const auto resumeFile = root / "resume" / (codec::toHex(m_torrent.infohash) + ".resume");
        QVERIFY(std::filesystem::is_regular_file(resumeFile));

        m_author->swarm.applySettings(loopbackSettings()); // full speed for the rest
        swarm::LibtorrentSwarm second(settings, buyer, policy);
        // No resume data given: the directory's is used. (It also remembers the author, so the
        // swarm may reconnect before being told to.)
        QVERIFY(addAndWait(second, source));
        second.connectPeer(m_torrent.infohash, m_author->address());
        QTRY_COMPARE_WITH_TIMEOUT(
            statusOf(second, m_torrent.infohash).totalDone, std::uint64_t { kFileSize }, kWaitMs);
        QCOMPARE(readFile(root / "data" / "title-3-v1.lsc"), m_content);

        const swarm::TorrentStatus done = statusOf(second, m_torrent.infohash);
        qInfo("stopped with %llu bytes (%llu downloaded), then downloaded %llu more",
            static_cast<unsigned long long>(doneAtStop),
            static_cast<unsigned long long>(downloadedAtStop),
            static_cast<unsigned long long>(done.totalDownloaded));
        // Only what it lacked came over the wire (a piece of slack for one in flight at the stop).
        QVERIFY(done.totalDownloaded > 0);
        QVERIFY(done.totalDownloaded <= kFileSize - doneAtStop + kPieceSize);
    }

    void fullSeedingKeepsTitlesSeedingOutsideTheQueue()
    {
        swarm::SwarmSettings fullSeeding = loopbackSettings();
        fullSeeding.fullSeeding = true;
        m_author->swarm.applySettings(fullSeeding);
        QTRY_VERIFY_WITH_TIMEOUT(
            !statusOf(m_author->swarm, m_torrent.infohash).autoManaged, kWaitMs);
        QCOMPARE(statusOf(m_author->swarm, m_torrent.infohash).state, State::Seeding);

        // A title added in full-seeding mode seeds at once, and serves a buyer.
        const auto file = m_author->directory() / "title-4-v1.lsc";
        const Bytes content = randomFile(file, 300'000);
        const auto torrent = swarm::makeTorrent(file, kPieceSize).value();
        QVERIFY(addAndWait(m_author->swarm,
            { torrent.infohash, torrent.torrentFile, m_author->directory(), true, true, {} }));
        QTRY_COMPARE_WITH_TIMEOUT(
            statusOf(m_author->swarm, torrent.infohash).state, State::Seeding, kWaitMs);
        QVERIFY(!statusOf(m_author->swarm, torrent.infohash).autoManaged);
        SwarmPeer buyer(3);
        m_author->policy.granted.insert(buyer.account);
        buyer.policy.granted.insert(m_author->account);
        QSignalSpy finished(&buyer.swarm, &swarm::Swarm::torrentFinished);
        QVERIFY(addAndWait(buyer.swarm,
            { torrent.infohash, torrent.torrentFile, buyer.directory(), true, false, {} }));
        buyer.swarm.connectPeer(torrent.infohash, m_author->address());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty(), kWaitMs);
        QCOMPARE(readFile(buyer.directory() / "title-4-v1.lsc"), content);

        // Back to normal mode: both titles are queued again, and still seeding.
        m_author->swarm.applySettings(loopbackSettings());
        for (const Hash256& infohash : { m_torrent.infohash, torrent.infohash }) {
            QTRY_VERIFY_WITH_TIMEOUT(statusOf(m_author->swarm, infohash).autoManaged, kWaitMs);
            QCOMPARE(statusOf(m_author->swarm, infohash).state, State::Seeding);
        }
    }

    // A title's public metadata is never queued: in normal mode libtorrent's queue holds back
    // torrents beyond its active limits (three downloads by default) until its next pass, half
    // a minute later, and Discover fetches several titles' metadata at once.
    void publicMetadataStaysOutsideTheQueue()
    {
        const auto file = m_author->directory() / "metadata-5.json";
        randomFile(file, 3'000);
        const auto torrent = swarm::makeTorrent(file, kPieceSize).value();
        QVERIFY(addAndWait(m_author->swarm,
            { torrent.infohash, torrent.torrentFile, m_author->directory(), false, true, {} }));
        QTRY_COMPARE_WITH_TIMEOUT(
            statusOf(m_author->swarm, torrent.infohash).state, State::Seeding, kWaitMs);
        QVERIFY(!statusOf(m_author->swarm, torrent.infohash).autoManaged);
        QVERIFY(statusOf(m_author->swarm, m_torrent.infohash).autoManaged); // content: queued

        // Through a switch to full seeding and back it stays out, and seeding.
        swarm::SwarmSettings fullSeeding = loopbackSettings();
        fullSeeding.fullSeeding = true;
        m_author->swarm.applySettings(fullSeeding);
        m_author->swarm.applySettings(loopbackSettings());
        QTRY_VERIFY_WITH_TIMEOUT(statusOf(m_author->swarm, m_torrent.infohash).autoManaged, kWaitMs);
        QVERIFY(!statusOf(m_author->swarm, torrent.infohash).autoManaged);
        QCOMPARE(statusOf(m_author->swarm, torrent.infohash).state, State::Seeding);
    }

    void cleanupTestCase() { m_author.reset(); }
};

QTEST_GUILESS_MAIN(TestSwarmResume)
#include "tst_swarm_resume.moc"
