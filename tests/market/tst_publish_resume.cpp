// A publication stopped at any stage — right after each durable step, in the middle of
// encrypting, and with a Catalog transaction accepted but its outcome never seen — continues
// where it stopped when the author publishes again: exactly one title on chain, one version,
// the key in the library matching the chain's commitment, and content that decrypts to the
// original. Real node, real library files, real swarm.
#include "core/codec/Hex.h"
#include "core/market/PublishJob.h"

#include "tests/market/ContentTestSupport.h"

using namespace ls;
using namespace ls::testing;

using Moment = market::PublishInterruption::Moment;
using Stage = market::PublishJob::Stage;

namespace {

constexpr std::size_t kContentSize = 2 * 1024 * 1024 + 777; // more than one progress step

std::uint64_t titleCount(ContentUser& user)
{
    [[maybe_unused]] auto height
        = await<std::uint64_t>([&](auto done) { return user.chain().update(done); });
    return await<api::NetworkParameters>([&](auto done) { return user.chain().parameters(done); })
        .value()
        .titleCount;
}

} // namespace

class TestPublishResume : public QObject {
    Q_OBJECT

private:
    DevNetwork m_node;
    std::unique_ptr<ContentUser> m_author;
    QTemporaryDir m_files;
    int m_case = 0;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_node.start());
        ContentUser dev(m_node.profile(), kDevPhrase);
        m_author = std::make_unique<ContentUser>(m_node.profile());
        QVERIFY(fund(dev, m_author->address, "1000"));
    }

    void resumesAfterAnInterruption_data()
    {
        QTest::addColumn<int>("moment");
        QTest::addColumn<int>("stage"); // the job's stage at the moment
        QTest::newRow("prepared") << int(Moment::AfterStage) << int(Stage::Prepared);
        QTest::newRow("title sent, outcome unknown")
            << int(Moment::TransactionAccepted) << int(Stage::Prepared);
        QTest::newRow("title registered") << int(Moment::AfterStage) << int(Stage::TitleRegistered);
        QTest::newRow("while encrypting") << int(Moment::Encrypting) << int(Stage::TitleRegistered);
        QTest::newRow("encrypted") << int(Moment::AfterStage) << int(Stage::Encrypted);
        QTest::newRow("hashed") << int(Moment::AfterStage) << int(Stage::Hashed);
        QTest::newRow("version sent, outcome unknown")
            << int(Moment::TransactionAccepted) << int(Stage::Hashed);
        QTest::newRow("version registered")
            << int(Moment::AfterStage) << int(Stage::VersionRegistered);
    }

    void resumesAfterAnInterruption()
    {
        QFETCH(int, moment);
        QFETCH(int, stage);
        const Bytes content = crypto::randomBytes(kContentSize);
        const auto file = std::filesystem::path(m_files.path().toStdString())
            / ("book-" + std::to_string(++m_case) + ".pdf");
        QVERIFY(writeBytes(file, content));
        api::PublishRequest request;
        request.file = file.string();
        request.metadata.title = "Resumed " + std::to_string(m_case);
        request.metadata.subject = "Tests";
        const auto sample = file.parent_path() / ("sample-" + std::to_string(m_case) + ".pdf");
        QVERIFY(writeBytes(sample, asBytes("%PDF-1.4\n% the first pages\n")));
        request.metadata.sampleFile = sample.string();
        request.price = baseUnits("1");
        const std::uint64_t before = titleCount(*m_author);

        bool stopped = false;
        market::PublishInterruption interruption { [&](Moment at, const market::PublishJob& job) {
            if (stopped || at != Moment(moment) || job.stage != Stage(stage))
                return false;
            stopped = true;
            return true;
        } };
        QVERIFY(m_author->open(interruption));
        auto first = m_author->publish(request);
        QVERIFY(!first);
        QVERIFY2(first.error().message.find("interrupted") != std::string::npos,
            first.error().message.c_str());
        QVERIFY(stopped);
        auto unfinished = m_author->studio().unfinished();
        QVERIFY(unfinished && unfinished->size() == 1);
        QCOMPARE(unfinished->front().file, file.string());
        // The record keeps the sample with the rest of the request, for the run that resumes.
        auto jobs = market::PublishJob::list(m_author->profile());
        QVERIFY(jobs && jobs->size() == 1);
        QCOMPARE(jobs->front().request.metadata.sampleFile, sample.string());
        m_author->close(); // as if the process had died there

        if (Moment(moment) == Moment::TransactionAccepted) {
            // The transaction lands while nobody is watching.
            const bool titleSent = Stage(stage) == Stage::Prepared;
            QTRY_VERIFY_WITH_TIMEOUT(titleSent
                    ? titleCount(*m_author) == before + 1
                    : m_author->title(before + 1).value_or(api::TitleInfo {}).versionCount == 1,
                30'000);
        }

        QVERIFY(m_author->open());
        std::vector<api::PublishProgress> progress;
        auto resumed = m_author->publish(request, &progress);
        QVERIFY2(resumed, resumed ? "" : resumed.error().message.c_str());
        QVERIFY(!progress.empty() && progress.front().resumed);
        QCOMPARE(titleCount(*m_author), before + 1); // never published twice
        QCOMPARE(resumed->titleId, before + 1);
        QCOMPARE(resumed->version, std::uint32_t { 1 });
        auto title = m_author->title(resumed->titleId);
        QVERIFY(title);
        QCOMPARE(title->author, m_author->address);
        QCOMPARE(title->versionCount, std::uint32_t { 1 });
        QCOMPARE(title->metadataInfohash, resumed->metadataInfohash);
        auto key = m_author->session().database().titles().key(resumed->titleId);
        QVERIFY(key);
        QCOMPARE(codec::toHex(key->commitment(), true), title->keyCommitment);
        QCOMPARE(m_author->read(resumed->titleId, 1).value(), content);
        QVERIFY(m_author->studio().unfinished()->empty());
        m_author->close();
    }

    void aBadRequestMakesNothing()
    {
        QVERIFY(m_author->open());
        const std::uint64_t before = titleCount(*m_author);
        api::PublishRequest request;
        request.file
            = (std::filesystem::path(m_files.path().toStdString()) / "missing.pdf").string();
        request.metadata.title = "Nothing";
        request.price = baseUnits("1");
        auto missing = m_author->publish(request);
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);

        const auto file = std::filesystem::path(m_files.path().toStdString()) / "ok.pdf";
        QVERIFY(writeBytes(file, crypto::randomBytes(1000)));
        const auto cover = std::filesystem::path(m_files.path().toStdString()) / "cover.txt";
        QVERIFY(writeBytes(cover, asBytes("not an image")));
        request.file = file.string();
        request.metadata.coverImageFile = cover.string();
        auto badCover = m_author->publish(request);
        QVERIFY(!badCover);
        QVERIFY2(badCover.error().message.find("not a PNG, JPEG or WebP") != std::string::npos,
            badCover.error().message.c_str());

        request.metadata.coverImageFile.clear();
        const auto sample = std::filesystem::path(m_files.path().toStdString()) / "sample.pdf";
        QVERIFY(writeBytes(sample, asBytes("not a PDF")));
        request.metadata.sampleFile = sample.string();
        auto badSample = m_author->publish(request);
        QVERIFY(!badSample);
        QVERIFY2(badSample.error().message.starts_with(
                     "The sample must be a PDF, audio or video file of at most 768 KiB"),
            badSample.error().message.c_str());

        request.metadata.sampleFile.clear();
        request.metadata.subject = std::string(65, 's');
        auto longSubject = m_author->publish(request);
        QVERIFY(!longSubject);
        QCOMPARE(titleCount(*m_author), before);
        QVERIFY(m_author->studio().unfinished()->empty());
        m_author->close();
    }

    void cleanupTestCase() { m_author.reset(); }
};

QTEST_GUILESS_MAIN(TestPublishResume)
#include "tst_publish_resume.moc"
