// The demo author of "This computer": on a real `lightstreams-node` run by ManagedLocalNetwork
// (which funds the demo author at genesis), DemoAuthor publishes the three demo titles from the
// material built into the program; a reader buys the book and downloads a byte-identical copy
// from the demo author's swarm, and finds the book's and the track's samples in its catalog; a
// restarted DemoAuthor publishes nothing again (its account sends no transaction) and serves the
// titles again. Real node, real libtorrent sessions on 127.0.0.1, real SQLite libraries.
#include "core/localnet/DemoAuthor.h"
#include "core/localnet/DemoMaterial.h"
#include "core/localnet/DemoPublicationRecord.h"
#include "core/localnet/LocalAccount.h"
#include "core/localnet/ManagedLocalNetwork.h"
#include "core/util/AtomicFile.h"

#include "tests/market/ContentTestSupport.h"

using namespace ls;
using namespace ls::testing;
using DemoState = api::DemoTitlesStatus::State;

namespace {

// The committed material, as the project's scripts made it.
std::filesystem::path materialFile(std::string_view name)
{
    // LS_TEST_DATA_DIR is tests/localnet/data (absolute), whichever directory the test runs in.
    return (std::filesystem::path(LS_TEST_DATA_DIR) / "../../../resources/demo" / name)
        .lexically_normal(); // tests/localnet/data itself need not exist
}

// Runs `author` until it seeds or fails; returns every state it reported on the way.
std::vector<DemoState> runUntilSettled(localnet::DemoAuthor& author, const std::string& profile)
{
    std::vector<DemoState> states;
    auto subscription = author.subscribeStatus(
        [&](const api::DemoTitlesStatus& status) { states.push_back(status.state); });
    author.start(profile);
    [[maybe_unused]] const bool settled = QTest::qWaitFor(
        [&] {
            return !states.empty()
                && (states.back() == DemoState::Seeding || states.back() == DemoState::Failed);
        },
        kContentWaitMs);
    return states;
}

// Where a fetch stopped, for the failure message.
std::string lastStage(const std::vector<api::FetchProgress>& progress)
{
    if (progress.empty())
        return "no progress";
    const auto& last = progress.back();
    return "stage " + std::to_string(static_cast<int>(last.stage)) + ", "
        + std::to_string(last.bytesDone) + "/" + std::to_string(last.bytesTotal) + " bytes, "
        + std::to_string(last.peers) + " peers " + last.note;
}

} // namespace

class TestDemoAuthor : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<localnet::ManagedLocalNetwork> m_network;
    std::unique_ptr<localnet::DemoAuthor> m_author;
    std::unique_ptr<ContentUser> m_reader;
    protocol::NetworkProfile m_profile;
    std::vector<std::uint64_t> m_titleIds;
    std::uint64_t m_authorNonce = 0;

    localnet::LocalNetworkFiles files() const
    {
        return localnet::LocalNetworkFiles(
            std::filesystem::path(m_dir.path().toStdString()) / "localnet");
    }
    std::string profileFile() const { return m_network->status().networkProfileFile; }
    std::filesystem::path announceFile() const
    {
        return std::filesystem::path(m_dir.path().toStdString()) / "swarm-peers" / "demo.peer";
    }

    api::AccountInfo account(ContentUser& user, const std::string& address)
    {
        [[maybe_unused]] auto height
            = await<std::uint64_t>([&](auto done) { return user.chain().update(done); });
        return await<api::AccountInfo>([&](auto done) {
            return user.chain().account(address, done);
        }).value();
    }

private Q_SLOTS:
    void initTestCase()
    {
        // The user's wallet is the dev phrase's account 0, funded at genesis as the app funds
        // the user's own wallet.
        m_network = std::make_unique<localnet::ManagedLocalNetwork>(
            localnet::LocalNetworkOptions { LS_NODE_PATH, files().directory() });
        m_network->start(std::string(kDevAccount0));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_network->status().state != api::LocalNetworkStatus::State::Starting, kContentWaitMs);
        QVERIFY2(m_network->status().state == api::LocalNetworkStatus::State::Running,
            m_network->status().error.c_str());
        m_profile = protocol::NetworkProfile::load(profileFile()).value();
        m_reader = std::make_unique<ContentUser>(m_profile, kDevPhrase);
        QVERIFY(m_reader->open());
    }

    void theNetworkFundsTheDemoAuthorAtGenesis()
    {
        const auto address = localnet::LocalAccount(files().demoAuthorDirectory()).address();
        QVERIFY2(address, address ? "" : address.error().message.c_str());
        QCOMPARE(account(*m_reader, *address).balance, baseUnits("1000"));
        // Its passphrase stays inside the private local network directory.
        const auto perms = std::filesystem::status(
            localnet::LocalAccount(files().demoAuthorDirectory()).passphraseFile())
                               .permissions();
        QCOMPARE(perms & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    }

    void theDemoAuthorPublishesTheThreeTitles()
    {
        localnet::DemoAuthorOptions options { files().demoAuthorDirectory() };
        options.announceFile = announceFile();
        m_author = std::make_unique<localnet::DemoAuthor>(options);
        const auto states = runUntilSettled(*m_author, profileFile());
        const api::DemoTitlesStatus status = m_author->status();
        QVERIFY2(status.state == DemoState::Seeding, status.error.c_str());
        QCOMPARE(states.front(), DemoState::Preparing);
        QVERIFY(std::ranges::find(states, DemoState::Publishing) != states.end());
        QCOMPARE(status.published, 3);
        QCOMPARE(status.total, 3);
        QCOMPARE(status.titleIds.size(), std::size_t { 3 });
        QVERIFY(status.peerAddress.starts_with("127.0.0.1:"));
        // Where the apps that run no demo author of their own find its swarm.
        const auto announced = readFileLimited(announceFile(), 64);
        QVERIFY(announced);
        QCOMPARE(std::string(announced->begin(), announced->end()), status.peerAddress + "\n");
        m_titleIds = status.titleIds;

        // On chain, as the demo material describes them, by the demo author.
        const auto& material = localnet::demoTitles();
        for (std::size_t i = 0; i < material.size(); ++i) {
            auto title = m_reader->title(m_titleIds[i]);
            QVERIFY(title);
            QCOMPARE(title->author, status.author);
            QCOMPARE(title->subject, material[i].metadata.subject);
            QCOMPARE(title->price, baseUnits(material[i].pricePht));
            QCOMPARE(title->versionCount, std::uint32_t { 1 });
        }
        QVERIFY(!m_reader->title(m_titleIds.back() + 1)); // three titles, not more
        auto record = localnet::DemoPublicationRecord::load(files().demoAuthorDirectory());
        QVERIFY(record && *record);
        QCOMPARE((*record)->titleIds, m_titleIds);
        QCOMPARE((*record)->genesisHash, m_profile.genesisHash);
        m_authorNonce = account(*m_reader, status.author).nonce;
        QVERIFY(m_authorNonce > 0);
    }

    void aReaderBuysTheDemoBookAndReadsAnIdenticalCopy()
    {
        QVERIFY(!m_titleIds.empty());
        const std::uint64_t book = m_titleIds[0];
        m_reader->buy(book);
        m_reader->library().addPeer(m_author->status().peerAddress);
        std::vector<api::FetchProgress> progress;
        auto fetched = m_reader->fetch(book, std::nullopt, &progress);
        QVERIFY2(
            fetched, fetched ? "" : (fetched.error().message + ": " + lastStage(progress)).c_str());
        QCOMPARE(fetched->mediaType, std::string("application/pdf"));
        const Bytes committed = fileBytes(materialFile("demo-book.pdf"));
        QVERIFY(committed.size() > 1000);
        QCOMPARE(localnet::demoResource("demo-book.pdf").value(), committed);
        QCOMPARE(m_reader->read(book, 1).value(), committed);

        // The metadata came along: what the title page shows.
        auto titles = m_reader->library().titles();
        QVERIFY(titles && titles->size() == 1);
        const api::LibraryTitle& owned = titles->front();
        const auto& material = localnet::demoTitles().front();
        QCOMPARE(owned.title, material.metadata.title);
        QCOMPARE(owned.authors, material.metadata.authors);
        QCOMPARE(owned.blurb, material.metadata.blurb);
        QCOMPARE(owned.contents, material.metadata.contents);
        QCOMPARE(owned.coverMediaType, std::string("image/png"));
        QCOMPARE(owned.cover, fileBytes(materialFile("demo-book-cover.png")));

        // Discover offers the book's and the track's samples (the committed files), not the
        // video's (it has none).
        auto refreshed = await<api::CatalogRefreshSummary>(
            [&](auto done) { return m_reader->session().catalog().refresh(nullptr, done); });
        QVERIFY2(refreshed, refreshed ? "" : refreshed.error().message.c_str());
        QCOMPARE(refreshed->metadataMissing, std::uint64_t { 0 });
        for (auto [index, file, type] :
            { std::tuple { std::size_t { 0 }, "demo-book-sample.pdf", "application/pdf" },
                std::tuple { std::size_t { 1 }, "demo-track-sample.m4a", "audio/mp4" } }) {
            auto sample = m_reader->session().catalog().sample(m_titleIds[index]);
            QVERIFY2(sample, sample ? "" : sample.error().message.c_str());
            QCOMPARE(sample->mediaType, std::string(type));
            QVERIFY(sample->data == fileBytes(materialFile(file)));
        }
        QVERIFY(!m_reader->session().catalog().sample(m_titleIds[2]));
    }

    void aRestartedDemoAuthorPublishesNothingAndSeedsAgain()
    {
        QVERIFY(!m_titleIds.empty());
        m_author.reset(); // the app quits: the demo swarm stops serving
        QVERIFY(!std::filesystem::exists(announceFile())); // and says so
        m_author = std::make_unique<localnet::DemoAuthor>(
            localnet::DemoAuthorOptions { files().demoAuthorDirectory() });
        const auto states = runUntilSettled(*m_author, profileFile());
        const api::DemoTitlesStatus status = m_author->status();
        QVERIFY2(status.state == DemoState::Seeding, status.error.c_str());
        QVERIFY(std::ranges::find(states, DemoState::Publishing) == states.end());
        QCOMPARE(status.titleIds, m_titleIds);
        QCOMPARE(status.published, 3);
        // Not one transaction: nothing was published or registered again.
        QCOMPARE(account(*m_reader, status.author).nonce, m_authorNonce);
        QVERIFY(!m_reader->title(m_titleIds.back() + 1));

        // A newcomer buys the video and gets it from the restarted demo author.
        ContentUser newcomer(m_profile);
        QVERIFY(fund(*m_reader, newcomer.address));
        QVERIFY(newcomer.open());
        const std::uint64_t video = m_titleIds[2];
        newcomer.buy(video);
        newcomer.library().addPeer(status.peerAddress);
        std::vector<api::FetchProgress> progress;
        auto fetched = newcomer.fetch(video, std::nullopt, &progress);
        QVERIFY2(
            fetched, fetched ? "" : (fetched.error().message + ": " + lastStage(progress)).c_str());
        QCOMPARE(fetched->mediaType, std::string("video/mp4"));
        QCOMPARE(newcomer.read(video, 1).value(), fileBytes(materialFile("demo-video.mp4")));
    }

    void aNetworkWithoutADemoAuthorFailsClearly()
    {
        QTemporaryDir elsewhere;
        localnet::DemoAuthor author(
            { std::filesystem::path(elsewhere.path().toStdString()) / "demo-author" });
        const auto states = runUntilSettled(author, profileFile());
        QCOMPARE(author.status().state, DemoState::Failed);
        QVERIFY2(author.status().error.starts_with("This computer's network has no demo author"),
            author.status().error.c_str());
    }

    void cleanupTestCase()
    {
        m_reader.reset();
        m_author.reset();
        m_network.reset();
    }
};

QTEST_MAIN(TestDemoAuthor)
#include "tst_demo_author.moc"
