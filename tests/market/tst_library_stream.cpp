// Playing while downloading (DESIGN.md §4 "Streaming"): a buyer fetching a video from an author
// who serves it slowly learns from the fetch's progress that the version is streamable, streams
// it, and reads its end and its beginning, byte-identical to the author's file, on a thread of its
// own while the download is still incomplete; cancelling the stream makes a read that waits for
// pieces no peer can send return at once, and so does removing the local copy. Streaming a title
// the library does not hold is a clear error, and a complete version streams as open() reads it.
// Real node, real libtorrent sessions on 127.0.0.1, real SQLite libraries.
#include "tests/market/ContentTestSupport.h"
#include <atomic>
#include <thread>

using namespace ls;
using namespace ls::testing;

namespace {

constexpr std::size_t kContentSize = 5 * 1024 * 1024 + 777;
constexpr std::size_t kBlock = 64 * 1024;
constexpr int kSlowUploadBytesPerSecond = 200 * 1024; // the whole copy takes about 26 s

Result<std::unique_ptr<api::VersionContent>> streamContent(
    api::Library& library, std::uint64_t titleId, std::uint32_t version)
{
    return await<std::unique_ptr<api::VersionContent>>(
        [&](auto done) { return library.stream(titleId, version, done); });
}

// Reads on a std::thread while the calling (swarm owner) thread keeps its event loop turning,
// which is how pieces reach the swarm.
class ReaderThread {
public:
    explicit ReaderThread(std::function<void()> work)
        : m_thread([this, work = std::move(work)] {
            work();
            m_finished = true;
        })
    {
    }
    ~ReaderThread() { m_thread.join(); }
    bool finished() const { return m_finished; }

private:
    std::atomic<bool> m_finished { false };
    std::thread m_thread;
};

// Reads the whole title block by block, as a player does: the first failure, or success.
Result<void> readWhole(api::VersionContent& content)
{
    Bytes block(kBlock);
    for (std::uint64_t offset = 0; offset < kContentSize; offset += kBlock) {
        const std::size_t n = std::min<std::uint64_t>(kBlock, kContentSize - offset);
        if (auto read = content.read(offset, { block.data(), n }); !read)
            return read;
    }
    return {};
}

} // namespace

class TestLibraryStream : public QObject {
    Q_OBJECT

private:
    DevNetwork m_node;
    std::unique_ptr<ContentUser> m_dev;
    std::unique_ptr<ContentUser> m_author;
    std::unique_ptr<ContentUser> m_buyer;
    QTemporaryDir m_files;
    Bytes m_content;
    std::uint64_t m_titleId = 0;

    std::filesystem::path files() const { return m_files.path().toStdString(); }
    api::DownloadState buyerDownload()
    {
        auto titles = m_buyer->library().titles();
        if (!titles || titles->size() != 1 || titles->front().versions.empty())
            return api::DownloadState::None;
        return titles->front().versions.front().download;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_node.start());
        m_dev = std::make_unique<ContentUser>(m_node.profile(), kDevPhrase);
        m_author = std::make_unique<ContentUser>(m_node.profile());
        m_buyer = std::make_unique<ContentUser>(m_node.profile());
        QVERIFY(fund(*m_dev, m_author->address));
        QVERIFY(fund(*m_dev, m_buyer->address));
        m_content = crypto::randomBytes(kContentSize);
        QVERIFY(writeBytes(files() / "talk.mp4", m_content));
        QVERIFY(m_author->open());
        swarm::SwarmSettings slow = loopbackSwarm();
        slow.uploadLimit = kSlowUploadBytesPerSecond;
        m_author->session().swarm().applySettings(slow);
        api::PublishRequest request;
        request.file = (files() / "talk.mp4").string();
        request.metadata = { "A talk", { "Grace Hopper" }, "Computing", "", "", {} };
        request.price = baseUnits("1");
        auto published = m_author->publish(request);
        QVERIFY2(published, published ? "" : published.error().message.c_str());
        m_titleId = published->titleId;
        QVERIFY(m_buyer->open());
    }

    void streamingATitleNotInTheLibraryIsAClearError()
    {
        auto content = streamContent(m_buyer->library(), m_titleId, 1);
        QVERIFY(!content);
        QCOMPARE(content.error().kind, ErrorKind::NotFound);
        QVERIFY2(content.error().message.find("buy the title") != std::string::npos,
            content.error().message.c_str());
    }

    void aCompleteVersionStreamsAsItOpens()
    {
        auto content = streamContent(m_author->library(), m_titleId, 1);
        QVERIFY2(content, content ? "" : content.error().message.c_str());
        QVERIFY(!(*content)->mayBlock());
        QCOMPARE((*content)->size(), std::uint64_t { kContentSize });
        Bytes first(kBlock);
        QVERIFY((*content)->read(0, first));
        QVERIFY(std::equal(first.begin(), first.end(), m_content.begin()));
    }

    void aBuyerPlaysTheEndAndTheBeginningWhileDownloadingThenCancels()
    {
        m_buyer->buy(m_titleId);
        m_buyer->library().addPeer(m_author->peerAddress());
        bool streamable = false;
        std::optional<Result<api::FetchedVersion>> fetched;
        auto fetch = m_buyer->library().fetch(
            m_titleId, 1, [&](const api::FetchProgress& p) { streamable |= p.streamable; },
            [&](Result<api::FetchedVersion> result) { fetched = std::move(result); });
        QTRY_VERIFY_WITH_TIMEOUT(streamable || fetched, kContentWaitMs);
        QVERIFY2(!fetched, "the fetch ended before the version became streamable");

        auto opened = streamContent(m_buyer->library(), m_titleId, 1);
        QVERIFY2(opened, opened ? "" : opened.error().message.c_str());
        std::unique_ptr<api::VersionContent> content = std::move(*opened);
        QVERIFY(content->mayBlock());
        QCOMPARE(content->size(), std::uint64_t { kContentSize });
        QCOMPARE(content->mediaType(), std::string("video/mp4"));

        // The end first, as a player does for an MP4 whose index is at the back, then the start.
        Bytes last(kBlock), first(kBlock);
        std::optional<Result<void>> lastRead, firstRead;
        {
            ReaderThread reader([&] {
                lastRead = content->read(kContentSize - kBlock, last);
                firstRead = content->read(0, first);
            });
            QTRY_VERIFY_WITH_TIMEOUT(reader.finished(), kContentWaitMs);
        }
        QVERIFY2(*lastRead, lastRead->has_value() ? "" : lastRead->error().message.c_str());
        QVERIFY2(*firstRead, firstRead->has_value() ? "" : firstRead->error().message.c_str());
        QVERIFY(std::equal(last.begin(), last.end(), m_content.end() - kBlock));
        QVERIFY(std::equal(first.begin(), first.end(), m_content.begin()));
        // Played before the download was complete.
        QVERIFY(!fetched);
        QVERIFY(buyerDownload() != api::DownloadState::Complete);

        // The author goes: what the buyer has not got yet can come from no one, so reading the
        // whole title waits at the first missing piece until the viewer cancels.
        m_author->close();
        std::optional<Result<void>> wholeRead;
        {
            ReaderThread reader([&] { wholeRead = readWhole(*content); });
            QTest::qWait(1'000); // lets it reach a missing piece; nothing arrives any more
            QVERIFY(!reader.finished());
            content->cancel();
            QTRY_VERIFY_WITH_TIMEOUT(reader.finished(), kContentWaitMs);
        }
        QVERIFY(!*wholeRead);
        // Cancelled, not the read timeout (whose message names the missing piece).
        QVERIFY2(wholeRead->error().message.find("cancelled") != std::string::npos,
            wholeRead->error().message.c_str());
        QVERIFY(!fetched);
        content.reset(); // before the buyer's library goes
    }

    void removingTheLocalCopyStopsItsStreams()
    {
        // Still incomplete (its only source left), still in the swarm: a stream opens and waits.
        QVERIFY(buyerDownload() != api::DownloadState::Complete);
        auto opened = streamContent(m_buyer->library(), m_titleId, 1);
        QVERIFY2(opened, opened ? "" : opened.error().message.c_str());
        std::unique_ptr<api::VersionContent> content = std::move(*opened);
        std::optional<Result<void>> wholeRead;
        {
            ReaderThread reader([&] { wholeRead = readWhole(*content); });
            QTest::qWait(1'000);
            QVERIFY(!reader.finished());
            auto removed = m_buyer->library().removeLocalCopy(m_titleId, 1);
            QVERIFY2(removed, removed ? "" : removed.error().message.c_str());
            QTRY_VERIFY_WITH_TIMEOUT(reader.finished(), kContentWaitMs);
        }
        QVERIFY(!*wholeRead);
        QVERIFY2(wholeRead->error().message.find("cancelled") != std::string::npos,
            wholeRead->error().message.c_str());
        // Nothing to stream any more, and saying so.
        auto again = streamContent(m_buyer->library(), m_titleId, 1);
        QVERIFY(!again);
        QVERIFY2(again.error().message.find("fetch it first") != std::string::npos,
            again.error().message.c_str());
    }

    void cleanupTestCase()
    {
        m_buyer.reset();
        m_author.reset();
    }
};

QTEST_GUILESS_MAIN(TestLibraryStream)
#include "tst_library_stream.moc"
