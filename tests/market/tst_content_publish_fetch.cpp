// Publishing and fetching for real: an author publishes a file (encrypted container, content and
// metadata torrents, Catalog records, key in the library); a buyer buys, downloads from the
// author and decrypts a byte-identical copy; with the author gone, a second buyer gets pieces
// and key from the first buyer alone; a peer without a licence gets no payload and no key; a
// forged key is refused and the next holder's taken. Real node, real libtorrent sessions on
// 127.0.0.1, real SQLite libraries.
#include "core/codec/Hex.h"
#include "core/crypto/SealedBox.h"
#include "core/market/ContentPaths.h"

#include <QSignalSpy>

#include "tests/market/ContentTestSupport.h"
#include "tests/swarm/SwarmTestSupport.h"

using namespace ls;
using namespace ls::testing;

namespace {

constexpr std::size_t kContentSize = 3 * 1024 * 1024 + 4321;

bool anyNoteContains(const std::vector<api::FetchProgress>& progress, std::string_view text)
{
    return std::any_of(progress.begin(), progress.end(),
        [&](const auto& p) { return p.note.find(text) != std::string::npos; });
}

} // namespace

class TestContentPublishFetch : public QObject {
    Q_OBJECT

private:
    DevNetwork m_node;
    std::unique_ptr<ContentUser> m_dev;
    std::unique_ptr<ContentUser> m_author;
    std::unique_ptr<ContentUser> m_first;
    QTemporaryDir m_files;
    Bytes m_content;
    std::uint64_t m_titleId = 0;
    api::PublishedVersion m_published;

    std::filesystem::path files() const { return m_files.path().toStdString(); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_node.start());
        m_dev = std::make_unique<ContentUser>(m_node.profile(), kDevPhrase);
        m_author = std::make_unique<ContentUser>(m_node.profile());
        m_first = std::make_unique<ContentUser>(m_node.profile());
        QVERIFY(fund(*m_dev, m_author->address));
        QVERIFY(fund(*m_dev, m_first->address));
        m_content = crypto::randomBytes(kContentSize);
        QVERIFY(writeBytes(files() / "lecture.mp4", m_content));
        QVERIFY(writeBytes(files() / "cover.png", tinyPng()));
    }

    void theAuthorPublishesATitleAndSeedsIt()
    {
        QVERIFY(m_author->open());
        api::PublishRequest request;
        request.file = (files() / "lecture.mp4").string();
        request.metadata = { "A lecture", { "Ada Lovelace", "Charles Babbage" }, "Mathematics",
            "Notes on the engine.", (files() / "cover.png").string(), { "Part 1", "Part 2" } };
        request.price = baseUnits("2.5");
        request.note = "first edition";
        std::vector<api::PublishProgress> progress;
        auto published = m_author->publish(request, &progress);
        QVERIFY2(published, published ? "" : published.error().message.c_str());
        m_published = *published;
        m_titleId = published->titleId;
        QCOMPARE(published->version, std::uint32_t { 1 });

        // Every stage in its order, none resumed.
        using S = api::PublishStage;
        std::vector<S> stages;
        for (const auto& p : progress)
            if (stages.empty() || stages.back() != p.stage)
                stages.push_back(p.stage);
        QCOMPARE(stages,
            (std::vector<S> { S::Preparing, S::Registering, S::Encrypting, S::Hashing,
                S::Registering, S::Seeding }));
        QVERIFY(std::none_of(progress.begin(), progress.end(), [](auto& p) { return p.resumed; }));

        // The chain has what the author's library has: metadata infohash, key commitment, v1.
        auto title = m_author->title(m_titleId);
        QVERIFY(title);
        QCOMPARE(title->author, m_author->address);
        QCOMPARE(title->metadataInfohash, published->metadataInfohash);
        QCOMPARE(title->price, baseUnits("2.5"));
        QCOMPARE(title->subject, std::string("Mathematics"));
        QCOMPARE(title->versionCount, std::uint32_t { 1 });
        auto key = m_author->session().database().titles().key(m_titleId);
        QVERIFY(key);
        QCOMPARE(codec::toHex(key->commitment(), true), title->keyCommitment);

        auto mine = m_author->studio().titles();
        QVERIFY(mine && mine->size() == 1);
        const api::LibraryTitle& listed = mine->front();
        QCOMPARE(listed.title, std::string("A lecture"));
        QCOMPARE(listed.authors, (std::vector<std::string> { "Ada Lovelace", "Charles Babbage" }));
        QCOMPARE(listed.coverMediaType, std::string("image/png"));
        QCOMPARE(listed.cover, tinyPng());
        QCOMPARE(listed.mediaType, std::string("video/mp4"));
        QVERIFY(listed.authoredHere && listed.hasKey);
        QCOMPARE(listed.versions.size(), std::size_t { 1 });
        QCOMPARE(listed.versions[0].download, api::DownloadState::Complete);
        QCOMPARE(listed.versions[0].size, published->containerSize);
        QVERIFY(m_author->studio().unfinished()->empty());
        // The container on disk is encrypted: the plaintext is nowhere in it.
        const Bytes container = fileBytes(market::content::directory(m_author->profile())
            / market::content::containerName(m_titleId, 1));
        QCOMPARE(container.size(), published->containerSize);
        QVERIFY(std::search(
                    container.begin(), container.end(), m_content.begin(), m_content.begin() + 64)
            == container.end());
        // And the author reads its own title back.
        QCOMPARE(m_author->read(m_titleId, 1).value(), m_content);
    }

    void aBuyerDownloadsFromTheAuthorAndDecryptsAnIdenticalCopy()
    {
        QVERIFY(m_titleId != 0);
        QVERIFY(m_first->open());
        const api::Purchase bought = m_first->buy(m_titleId);
        QCOMPARE(bought.licence.versionAtPurchase, std::uint32_t { 1 });
        m_first->library().addPeer(m_author->peerAddress());
        std::vector<api::FetchProgress> progress;
        auto fetched = m_first->fetch(m_titleId, std::nullopt, &progress);
        QVERIFY2(fetched, fetched ? "" : fetched.error().message.c_str());
        QCOMPARE(fetched->version, std::uint32_t { 1 });
        QCOMPARE(fetched->plaintextSize, std::uint64_t { kContentSize });
        QCOMPARE(fetched->mediaType, std::string("video/mp4"));
        QCOMPARE(progress.back().stage, api::FetchStage::Done);
        // The fetch said when the metadata was in (the Library then shows the name and cover).
        QVERIFY(!progress.front().described);
        QVERIFY(progress.back().described);
        QCOMPARE(m_first->read(m_titleId, 1).value(), m_content);

        auto titles = m_first->library().titles();
        QVERIFY(titles && titles->size() == 1);
        const api::LibraryTitle& owned = titles->front();
        QVERIFY(!owned.authoredHere);
        QVERIFY(owned.hasKey);
        QCOMPARE(owned.author, m_author->address);
        QCOMPARE(owned.title, std::string("A lecture")); // the metadata torrent came too
        QCOMPARE(owned.versions.at(0).download, api::DownloadState::Complete);
        QCOMPARE(owned.versions.at(0).contentInfohash, m_published.contentInfohash);
    }

    void withTheAuthorGoneASecondBuyerGetsEverythingFromTheFirst()
    {
        QVERIFY(m_titleId != 0);
        m_author->close(); // the author's swarm stops serving
        // The first buyer quits and starts again: its library is served as it was left.
        m_first->close();
        QVERIFY(m_first->open());
        auto seeded = await<int>([&](auto done) {
            m_first->session().seedLibrary([done](int added) { done(added); });
            return api::Chain::Handle();
        });
        QCOMPARE(seeded.value(), 2); // the title's metadata and its version 1
        ContentUser second(m_node.profile());
        QVERIFY(fund(*m_dev, second.address));
        QVERIFY(second.open());
        second.buy(m_titleId);
        second.library().addPeer(m_first->peerAddress());
        auto fetched = second.fetch(m_titleId);
        QVERIFY2(fetched, fetched ? "" : fetched.error().message.c_str());
        QCOMPARE(second.read(m_titleId, 1).value(), m_content);
        QVERIFY(m_author->address != m_first->address);
    }

    void aPeerWithoutALicenceGetsNoPayloadAndNoKey()
    {
        QVERIFY(m_titleId != 0);
        // A client that skips every check of its own: it grants everyone and asks for the key.
        const crypto::PrivateKey strangerKey = crypto::PrivateKey::generate();
        TablePolicy grantsAll;
        swarm::LibtorrentSwarm stranger(loopbackSwarm(),
            swarm::SwarmIdentity { m_node.profile().chainId, strangerKey }, grantsAll);
        grantsAll.granted.insert(crypto::Address::parse(m_first->address).value());
        QSignalSpy events(&stranger, &swarm::Swarm::permitEvent);
        QSignalSpy keys(&stranger, &swarm::Swarm::titleKeyArrived);
        QSignalSpy added(&stranger, &swarm::Swarm::torrentAdded);
        QTemporaryDir dir;
        const Hash256 infohash = codec::fromHexFixed<32>(m_published.contentInfohash).value();
        QVERIFY(stranger.add({ infohash, {}, dir.path().toStdString(), true, false, {} }));
        QTRY_VERIFY_WITH_TIMEOUT(!added.isEmpty(), kContentWaitMs);
        stranger.setKeyWanted(infohash, true);
        stranger.connectPeer(infohash, m_first->peerAddress());
        QTRY_VERIFY_WITH_TIMEOUT(std::any_of(events.begin(), events.end(),
                                     [](const QList<QVariant>& event) {
                                         return event.at(1).toString().contains(
                                             QStringLiteral("no licence for title"));
                                     }),
            kContentWaitMs);
        QTest::qWait(1500); // status updates come twice a second
        const auto status = stranger.status(infohash);
        QVERIFY(status);
        QCOMPARE(status->totalDownloaded, std::uint64_t { 0 });
        QCOMPARE(status->totalDone, std::uint64_t { 0 });
        QVERIFY(keys.isEmpty());

        // Our own client does not even try without a licence.
        ContentUser unlicensed(m_node.profile());
        QVERIFY(unlicensed.open());
        unlicensed.library().addPeer(m_first->peerAddress());
        auto refused = unlicensed.fetch(m_titleId);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::NotFound);
        QVERIFY2(refused.error().message.find("holds no licence") != std::string::npos,
            refused.error().message.c_str());
        QVERIFY(unlicensed.library().titles()->empty());
    }

    void aForgedKeyIsRefusedAndTheNextHoldersKeyIsTaken()
    {
        QVERIFY(m_titleId != 0);
        // Mallory holds a licence and the content, and hands out a key of her own making.
        ContentUser mallory(m_node.profile());
        ContentUser buyer(m_node.profile());
        QVERIFY(fund(*m_dev, mallory.address));
        QVERIFY(fund(*m_dev, buyer.address));
        mallory.buy(m_titleId);
        const api::Purchase bought = buyer.buy(m_titleId);
        const auto boxKey = codec::fromHexFixed<32>(bought.licence.buyerBoxKey).value();
        const Bytes forged = crypto::sealedbox::seal(boxKey, crypto::randomBytes(32)).value();
        const crypto::PrivateKey malloryKey = market::unlockAccountKey(
            mallory.profile() / "wallet.json", asBytes(kContentPassphrase))
                                                  .value();
        TablePolicy forger;
        forger.granted.insert(crypto::Address::parse(buyer.address).value());
        forger.sealedKey.emplace();
        std::copy(forged.begin(), forged.end(), forger.sealedKey->begin());
        swarm::LibtorrentSwarm malloryPeer(
            loopbackSwarm(), swarm::SwarmIdentity { m_node.profile().chainId, malloryKey }, forger);
        QTemporaryDir dir;
        const Hash256 infohash = codec::fromHexFixed<32>(m_published.contentInfohash).value();
        const std::string name = market::content::containerName(m_titleId, 1);
        QVERIFY(writeBytes(std::filesystem::path(dir.path().toStdString()) / name,
            fileBytes(market::content::directory(m_author->profile()) / name)));
        QSignalSpy added(&malloryPeer, &swarm::Swarm::torrentAdded);
        QVERIFY(malloryPeer.add(
            { infohash, fileBytes(market::content::torrentFile(m_author->profile(), infohash)),
                dir.path().toStdString(), true, true, {} }));
        QTRY_VERIFY_WITH_TIMEOUT(!added.isEmpty(), kContentWaitMs);

        QVERIFY(buyer.open());
        buyer.library().addPeer("127.0.0.1:" + std::to_string(malloryPeer.listenPort()));
        std::vector<api::FetchProgress> progress;
        std::optional<Result<api::FetchedVersion>> result;
        auto handle = buyer.library().fetch(
            m_titleId, std::nullopt, [&](const api::FetchProgress& p) { progress.push_back(p); },
            [&](Result<api::FetchedVersion> r) { result = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(anyNoteContains(progress, "Refused the key"), kContentWaitMs);
        QVERIFY(anyNoteContains(progress, "does not match the key commitment"));
        QVERIFY(!result); // still waiting for a good key
        QVERIFY(!buyer.session().database().titles().hasKey(m_titleId).value());
        buyer.library().addPeer(m_first->peerAddress());
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), kContentWaitMs);
        QVERIFY2(*result, *result ? "" : (*result).error().message.c_str());
        QCOMPARE(buyer.read(m_titleId, 1).value(), m_content);
    }

    void cleanupTestCase()
    {
        m_first.reset();
        m_author.reset();
        m_dev.reset();
    }
};

QTEST_GUILESS_MAIN(TestContentPublishFetch)
#include "tst_content_publish_fetch.moc"
