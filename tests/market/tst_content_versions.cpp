// A title's next version: the author encrypts a new file under the same title key as version 2,
// seeds it and records it on chain; a buyer of version 1 fetches version 2 with the key it
// already holds (licences cover every version) and still opens version 1. An interrupted
// version publication resumes; only the author adds versions. Real node, swarm and libraries.
#include "core/market/PublishJob.h"

#include "tests/market/ContentTestSupport.h"

using namespace ls;
using namespace ls::testing;

class TestContentVersions : public QObject {
    Q_OBJECT

private:
    DevNetwork m_node;
    QTemporaryDir m_files;

    std::filesystem::path file(const std::string& name) const
    {
        return std::filesystem::path(m_files.path().toStdString()) / name;
    }

    Result<api::PublishedVersion> addVersion(ContentUser& user, std::uint64_t titleId,
        const std::filesystem::path& path, const std::string& note)
    {
        return await<api::PublishedVersion>([&](auto done) {
            return user.studio().addVersion(titleId, path.string(), note, secret(), nullptr, done);
        });
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_node.start()); }

    void buyersGetNewVersionsAndKeepOldOnes()
    {
        ContentUser dev(m_node.profile(), kDevPhrase);
        ContentUser author(m_node.profile());
        ContentUser reader(m_node.profile());
        QVERIFY(fund(dev, author.address));
        QVERIFY(fund(dev, reader.address));
        const Bytes first = crypto::randomBytes(700'000);
        const Bytes second = crypto::randomBytes(1'300'000);
        QVERIFY(writeBytes(file("edition-1.epub"), first));
        QVERIFY(writeBytes(file("edition-2.epub"), second));

        QVERIFY(author.open());
        api::PublishRequest request;
        request.file = file("edition-1.epub").string();
        request.metadata.title = "A book in editions";
        request.price = baseUnits("1");
        auto published = author.publish(request);
        QVERIFY2(published, published ? "" : published.error().message.c_str());
        const std::uint64_t titleId = published->titleId;

        QVERIFY(reader.open());
        reader.buy(titleId);
        reader.library().addPeer(author.peerAddress());
        QVERIFY(reader.fetch(titleId));
        QCOMPARE(reader.read(titleId, 1).value(), first);

        // Only the author adds versions.
        auto stolen = addVersion(reader, titleId, file("edition-2.epub"), "mine now");
        QVERIFY(!stolen);
        QVERIFY2(stolen.error().message.find("Only the author") != std::string::npos,
            stolen.error().message.c_str());

        auto added = addVersion(author, titleId, file("edition-2.epub"), "second edition");
        QVERIFY2(added, added ? "" : added.error().message.c_str());
        QCOMPARE(added->titleId, titleId);
        QCOMPARE(added->version, std::uint32_t { 2 });
        QCOMPARE(added->metadataInfohash, published->metadataInfohash);
        QVERIFY(added->contentInfohash != published->contentInfohash);
        auto title = author.title(titleId);
        QVERIFY(title);
        QCOMPARE(title->versionCount, std::uint32_t { 2 });
        QCOMPARE(author.read(titleId, 2).value(), second);

        // The reader's licence covers it; the key it holds opens it.
        auto fetched = reader.fetch(titleId); // the newest
        QVERIFY2(fetched, fetched ? "" : fetched.error().message.c_str());
        QCOMPARE(fetched->version, std::uint32_t { 2 });
        QCOMPARE(reader.read(titleId, 2).value(), second);
        QCOMPARE(reader.read(titleId, 1).value(), first);
        auto titles = reader.library().titles();
        QVERIFY(titles && titles->size() == 1);
        QCOMPARE(titles->front().versions.size(), std::size_t { 2 });
        QCOMPARE(titles->front().versions[1].note, std::string("second edition"));
        QCOMPARE(titles->front().versions[1].download, api::DownloadState::Complete);

        // An older version is fetched by number.
        auto older = reader.fetch(titleId, 1);
        QVERIFY(older);
        QCOMPARE(older->version, std::uint32_t { 1 });
        auto missing = reader.fetch(titleId, 3);
        QVERIFY(!missing);
        QVERIFY2(missing.error().message.find("has no version 3") != std::string::npos,
            missing.error().message.c_str());
    }

    void anInterruptedVersionResumes()
    {
        ContentUser dev(m_node.profile(), kDevPhrase);
        ContentUser author(m_node.profile());
        QVERIFY(fund(dev, author.address));
        const Bytes first = crypto::randomBytes(100'000);
        const Bytes second = crypto::randomBytes(200'000);
        QVERIFY(writeBytes(file("a.pdf"), first));
        QVERIFY(writeBytes(file("b.pdf"), second));
        QVERIFY(author.open());
        api::PublishRequest request;
        request.file = file("a.pdf").string();
        request.metadata.title = "Interrupted versions";
        request.price = "0";
        auto published = author.publish(request);
        QVERIFY(published);
        author.close();

        using Moment = market::PublishInterruption::Moment;
        QVERIFY(author.open({ [](Moment at, const market::PublishJob& job) {
            return at == Moment::AfterStage && job.stage == market::PublishJob::Stage::Encrypted;
        } }));
        auto interrupted = addVersion(author, published->titleId, file("b.pdf"), "");
        QVERIFY(!interrupted);
        auto unfinished = author.studio().unfinished();
        QVERIFY(unfinished && unfinished->size() == 1);
        QCOMPARE(unfinished->front().titleId, published->titleId);
        QCOMPARE(unfinished->front().version, std::uint32_t { 2 });
        QCOMPARE(unfinished->front().stage, api::PublishStage::Hashing);
        author.close();

        QVERIFY(author.open());
        auto resumed = await<api::PublishedVersion>([&](auto done) {
            return author.studio().resume(unfinished->front().id, secret(), nullptr, done);
        });
        QVERIFY2(resumed, resumed ? "" : resumed.error().message.c_str());
        QCOMPARE(resumed->version, std::uint32_t { 2 });
        QCOMPARE(author.title(published->titleId)->versionCount, std::uint32_t { 2 });
        QCOMPARE(author.read(published->titleId, 2).value(), second);
        QVERIFY(author.studio().unfinished()->empty());
    }
};

QTEST_GUILESS_MAIN(TestContentVersions)
#include "tst_content_versions.moc"
