// Discover's verified catalog for real: an author publishes a PDF with a cover and a sample, and
// an audio file;
// a reader's refresh proves both records on the chain and fetches their public metadata over
// the swarm (nothing goes into the reader's library); search, filters and sorts answer from the
// index; a price change and a purchase show on the next refresh; the index survives a restart;
// a title whose metadata nobody serves still appears with its chain facts. Real node, real
// libtorrent sessions on 127.0.0.1, real SQLite files.
#include "core/codec/Hex.h"
#include "core/crypto/Random.h"
#include "core/market/ChainCatalog.h"

#include "tests/market/ContentTestSupport.h"

using namespace ls;
using namespace ls::testing;

namespace {

// Long enough for a loaded machine to fetch a small torrent from a peer on loopback; short
// enough that the title nobody serves does not hold the test up for long.
constexpr std::chrono::milliseconds kMetadataTimeout { 10'000 };
// Several pieces, as a real book has: a download takes long enough for the title key to
// arrive while the peers still talk (see tst_content_publish_fetch, which uses the same size).
constexpr std::size_t kBookBody = 3 * 1024 * 1024;
// The largest sample there may be (768 KiB): the document is over 1 MiB with it, and what the
// author's library keeps of it (the document without the sample) is not.
constexpr std::size_t kSampleBytes = 768 * 1024;

api::CatalogSearch query(const std::function<void(api::CatalogSearch&)>& set)
{
    api::CatalogSearch q;
    set(q);
    return q;
}

std::vector<std::uint64_t> idsOf(const std::vector<api::CatalogTitle>& titles)
{
    std::vector<std::uint64_t> ids;
    for (const auto& title : titles)
        ids.push_back(title.titleId);
    return ids;
}

} // namespace

class TestChainCatalog : public QObject {
    Q_OBJECT

private:
    DevNetwork m_node;
    std::unique_ptr<ContentUser> m_dev;
    std::unique_ptr<ContentUser> m_author;
    std::unique_ptr<ContentUser> m_reader;
    std::unique_ptr<market::ContentSession> m_readerSession;
    QTemporaryDir m_files;
    std::uint64_t m_book = 0;
    std::uint64_t m_song = 0;
    Bytes m_sample;
    int m_changes = 0;
    api::Catalog::Handle m_subscription;

    std::filesystem::path files() const { return m_files.path().toStdString(); }

    // The reader's session as the app makes it, with a shorter wait for missing metadata.
    Result<void> openReader()
    {
        auto unlocked = market::unlockContent(
            m_reader->profile(), m_reader->profile() / "wallet.json", asBytes(kContentPassphrase));
        if (!unlocked)
            return std::unexpected(unlocked.error());
        market::ContentSessionOptions options;
        options.swarm = loopbackSwarm();
        options.catalogMetadataTimeout = kMetadataTimeout;
        m_readerSession = std::make_unique<market::ContentSession>(m_reader->profile(),
            std::move(*unlocked), m_reader->chain(), m_reader->market(), options);
        m_readerSession->library().addPeer(m_author->peerAddress());
        m_subscription = catalog().subscribe([this] { ++m_changes; });
        return {};
    }

    api::Catalog& catalog() { return m_readerSession->catalog(); }

    Result<api::CatalogRefreshSummary> refresh(
        std::vector<api::CatalogRefreshProgress>* progress = nullptr)
    {
        return await<api::CatalogRefreshSummary>([&](auto done) {
            return catalog().refresh(
                [progress](const api::CatalogRefreshProgress& p) {
                    if (progress)
                        progress->push_back(p);
                },
                done);
        });
    }

    std::vector<api::CatalogTitle> search(api::CatalogSearch query)
    {
        auto found = catalog().search(query);
        if (!found)
            qWarning("search failed: %s", found.error().message.c_str());
        return found.value_or(std::vector<api::CatalogTitle> {});
    }

    api::CatalogTitle entry(std::uint64_t titleId)
    {
        for (auto& title : search({}))
            if (title.titleId == titleId)
                return title;
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_node.start());
        m_dev = std::make_unique<ContentUser>(m_node.profile(), kDevPhrase);
        m_author = std::make_unique<ContentUser>(m_node.profile());
        m_reader = std::make_unique<ContentUser>(m_node.profile());
        QVERIFY(fund(*m_dev, m_author->address));
        QVERIFY(fund(*m_dev, m_reader->address));
        QVERIFY(m_author->open());

        QVERIFY(writeBytes(files() / "cover.png", tinyPng()));
        const std::string_view header = "%PDF-1.4\n% a treatise\n";
        Bytes pdf(header.begin(), header.end());
        const Bytes body = crypto::randomBytes(kBookBody);
        pdf.insert(pdf.end(), body.begin(), body.end());
        QVERIFY(writeBytes(files() / "treatise.pdf", pdf));
        QVERIFY(writeBytes(files() / "shanty.mp3", crypto::randomBytes(150'000)));
        const std::string_view sampleHeader = "%PDF-1.4\n% the first chapter\n";
        m_sample.assign(sampleHeader.begin(), sampleHeader.end());
        const Bytes sampleBody = crypto::randomBytes(kSampleBytes - sampleHeader.size());
        m_sample.insert(m_sample.end(), sampleBody.begin(), sampleBody.end());
        QVERIFY(writeBytes(files() / "treatise-sample.pdf", m_sample));

        api::PublishRequest book;
        book.file = (files() / "treatise.pdf").string();
        book.metadata = { "A Treatise on Engines", { "Ada Lovelace", "Charles Babbage" },
            "Engineering", "How the analytical engine computes.", (files() / "cover.png").string(),
            { "Preface", "The Mill", "The Store" } };
        book.metadata.sampleFile = (files() / "treatise-sample.pdf").string();
        book.price = baseUnits("2");
        book.note = "first edition";
        auto published = m_author->publish(book);
        QVERIFY2(published, published ? "" : published.error().message.c_str());
        m_book = published->titleId;

        api::PublishRequest song;
        song.file = (files() / "shanty.mp3").string();
        song.metadata = { "Songs of the Sea", { "The Crew" }, "Music", "A shanty.", "", {} };
        song.price = baseUnits("0.5");
        published = m_author->publish(song);
        QVERIFY2(published, published ? "" : published.error().message.c_str());
        m_song = published->titleId;

        QVERIFY(openReader());
    }

    void aRefreshShowsBothTitlesWithMetadataAndCover()
    {
        QVERIFY(search({}).empty()); // nothing read yet
        std::vector<api::CatalogRefreshProgress> progress;
        auto summary = refresh(&progress);
        QVERIFY2(summary, summary ? "" : summary.error().message.c_str());
        QCOMPARE(summary->titleCount, std::uint64_t { 2 });
        QCOMPARE(summary->newTitles, std::uint64_t { 2 });
        QCOMPARE(summary->metadataFetched, std::uint64_t { 2 });
        QCOMPARE(summary->metadataMissing, std::uint64_t { 0 });
        QVERIFY(m_changes > 0);
        QCOMPARE(progress.front().stage, api::CatalogRefreshStage::Syncing);
        QCOMPARE(progress.back().stage, api::CatalogRefreshStage::FetchingMetadata);
        QCOMPARE(progress.back().done, std::uint64_t { 2 });

        const auto all = search({});
        QCOMPARE(idsOf(all), (std::vector<std::uint64_t> { m_song, m_book })); // newest first
        const api::CatalogTitle book = entry(m_book);
        QVERIFY(book.hasMetadata);
        QCOMPARE(book.title, std::string("A Treatise on Engines"));
        QCOMPARE(book.authors, (std::vector<std::string> { "Ada Lovelace", "Charles Babbage" }));
        QCOMPARE(book.author, m_author->address);
        QCOMPARE(book.subject, std::string("Engineering"));
        QCOMPARE(book.price, baseUnits("2"));
        QCOMPARE(book.mediaType, std::string("application/pdf"));
        QCOMPARE(book.coverMediaType, std::string("image/png"));
        QCOMPARE(book.cover, tinyPng());
        QCOMPARE(book.versionCount, std::uint32_t { 1 });
        QCOMPARE(book.salesCount, std::uint64_t { 0 });
        QVERIFY(book.provenAtHeight > 0);
        const api::CatalogTitle song = entry(m_song);
        QCOMPARE(song.title, std::string("Songs of the Sea"));
        QCOMPARE(song.mediaType, std::string("audio/mpeg"));
        QVERIFY(song.cover.empty());

        // Browsing buys nothing: the reader's library is still empty.
        QVERIFY(m_readerSession->library().titles()->empty());
    }

    void searchFiltersAndSortsAnswerFromTheIndex()
    {
        QCOMPARE(idsOf(search(query([&](api::CatalogSearch& q) { q.text = "engine"; }))),
            std::vector<std::uint64_t> { m_book });
        QCOMPARE(idsOf(search(query([&](api::CatalogSearch& q) { q.text = "babb"; }))),
            std::vector<std::uint64_t> { m_book });
        QCOMPARE(idsOf(search(query([&](api::CatalogSearch& q) { q.text = "shanty"; }))),
            std::vector<std::uint64_t> { m_song });
        QVERIFY(search(query([&](api::CatalogSearch& q) { q.text = "submarine"; })).empty());
        QCOMPARE(idsOf(search(query([&](api::CatalogSearch& q) { q.subject = "Music"; }))),
            std::vector<std::uint64_t> { m_song });
        QCOMPARE(idsOf(search(
                     query([&](api::CatalogSearch& q) { q.mediaTypePrefix = "application/pdf"; }))),
            std::vector<std::uint64_t> { m_book });
        QCOMPARE(idsOf(search(query([&](api::CatalogSearch& q) { q.mediaTypePrefix = "audio/"; }))),
            std::vector<std::uint64_t> { m_song });
        QCOMPARE(idsOf(search(query([&](api::CatalogSearch& q) { q.maxPrice = baseUnits("1"); }))),
            std::vector<std::uint64_t> { m_song });
        QCOMPARE(idsOf(search(query([&](api::CatalogSearch& q) {
            q.author = m_author->address;
            q.sort = api::CatalogSort::PriceHighToLow;
        }))),
            (std::vector<std::uint64_t> { m_book, m_song }));
        QCOMPARE(idsOf(search(query(
                     [&](api::CatalogSearch& q) { q.sort = api::CatalogSort::PriceLowToHigh; }))),
            (std::vector<std::uint64_t> { m_song, m_book }));
        QCOMPARE(
            catalog().subjects().value(), (std::vector<std::string> { "Engineering", "Music" }));
    }

    void aTitlePageHasEverythingTheChainAndTheMetadataSay()
    {
        auto details = await<api::CatalogTitleDetails>(
            [&](auto done) { return catalog().details(m_book, done); });
        QVERIFY2(details, details ? "" : details.error().message.c_str());
        QCOMPARE(details->summary.title, std::string("A Treatise on Engines"));
        QCOMPARE(details->summary.cover, tinyPng());
        QCOMPARE(details->blurb, std::string("How the analytical engine computes."));
        QCOMPARE(
            details->contents, (std::vector<std::string> { "Preface", "The Mill", "The Store" }));
        QCOMPARE(details->fileName, std::string("treatise.pdf"));
        QCOMPARE(details->contentSize, std::uint64_t { kBookBody + 22 });
        QCOMPARE(details->versions.size(), std::size_t { 1 });
        QCOMPARE(details->versions[0].number, std::uint32_t { 1 });
        QCOMPARE(details->versions[0].note, std::string("first edition"));
        QVERIFY(details->versions[0].size > details->contentSize); // encrypted container
        QCOMPARE(details->metadataInfohash, m_author->title(m_book)->metadataInfohash);
        QVERIFY(details->purchaseGasLimit > 100'000);
        QVERIFY(details->proof.height > 0);

        // The sample came with the metadata torrent and is read from the index, byte for byte.
        QVERIFY(details->hasSample());
        QCOMPARE(details->sampleMediaType, std::string("application/pdf"));
        auto sample = catalog().sample(m_book);
        QVERIFY2(sample, sample ? "" : sample.error().message.c_str());
        QCOMPARE(sample->mediaType, std::string("application/pdf"));
        QVERIFY(sample->data == m_sample);
        auto songDetails = await<api::CatalogTitleDetails>(
            [&](auto done) { return catalog().details(m_song, done); });
        QVERIFY(songDetails && !songDetails->hasSample());
        auto none = catalog().sample(m_song);
        QVERIFY(!none);
        QCOMPARE(none.error().kind, ErrorKind::NotFound);
        // The author's library (at most 1 MiB of metadata a title) kept the document without
        // its sample.
        auto kept = m_author->library().titles();
        QVERIFY(kept);
        auto book = std::ranges::find(*kept, m_book, &api::LibraryTitle::titleId);
        QVERIFY(book != kept->end());
        QCOMPARE(book->title, std::string("A Treatise on Engines"));
        QCOMPARE(book->cover, tinyPng());

        auto missing = await<api::CatalogTitleDetails>(
            [&](auto done) { return catalog().details(999, done); });
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);
    }

    void aPriceChangeIsSeenOnTheNextRefresh()
    {
        auto changed = await<api::TransactionConfirmation>([&](auto done) {
            return m_author->market().setPrice(m_book, baseUnits("1.25"), secret(), nullptr, done);
        });
        QVERIFY(changed && changed->succeeded);
        QCOMPARE(entry(m_book).price, baseUnits("2")); // the index shows what was read
        const int changesBefore = m_changes;
        auto summary = refresh();
        QVERIFY2(summary, summary ? "" : summary.error().message.c_str());
        QCOMPARE(summary->newTitles, std::uint64_t { 0 });
        QCOMPARE(summary->changedTitles, std::uint64_t { 1 });
        QCOMPARE(summary->metadataFetched, std::uint64_t { 0 }); // cached already
        QCOMPARE(entry(m_book).price, baseUnits("1.25"));
        QVERIFY(m_changes > changesBefore);
        QCOMPARE(
            idsOf(search(query([&](api::CatalogSearch& q) { q.maxPrice = baseUnits("1.5"); }))),
            (std::vector<std::uint64_t> { m_song, m_book }));
    }

    void aPurchaseRaisesTheSalesCount()
    {
        QCOMPARE(idsOf(search(
                     query([&](api::CatalogSearch& q) { q.sort = api::CatalogSort::MostSold; }))),
            (std::vector<std::uint64_t> { m_song, m_book })); // a tie: the newer first
        m_reader->buy(m_book);
        auto summary = refresh();
        QVERIFY2(summary, summary ? "" : summary.error().message.c_str());
        QCOMPARE(summary->changedTitles, std::uint64_t { 1 });
        QCOMPARE(entry(m_book).salesCount, std::uint64_t { 1 });
        QCOMPARE(entry(m_song).salesCount, std::uint64_t { 0 });
        QCOMPARE(idsOf(search(
                     query([&](api::CatalogSearch& q) { q.sort = api::CatalogSort::MostSold; }))),
            (std::vector<std::uint64_t> { m_book, m_song }));

        // The catalog's own fetch of the metadata (taken out of the swarm again) does not stand
        // in the way of the purchase's: the bought title downloads with its metadata.
        auto fetched = await<api::FetchedVersion>([&](auto done) {
            return m_readerSession->library().fetch(m_book, std::nullopt, nullptr, done);
        });
        QVERIFY2(fetched, fetched ? "" : fetched.error().message.c_str());
        auto owned = m_readerSession->library().titles();
        QVERIFY(owned && owned->size() == 1);
        QCOMPARE(owned->front().title, std::string("A Treatise on Engines"));
    }

    void theIndexSurvivesARestart()
    {
        m_subscription.reset();
        m_readerSession.reset();
        QVERIFY(std::filesystem::exists(market::ChainCatalog::indexFile(m_reader->profile())));
        QVERIFY(openReader());
        const auto all = search({});
        QCOMPARE(all.size(), std::size_t { 2 });
        QCOMPARE(entry(m_book).cover, tinyPng());
        QCOMPARE(entry(m_book).salesCount, std::uint64_t { 1 });
        auto sample = catalog().sample(m_book);
        QVERIFY(sample && sample->data == m_sample);
    }

    void aTitleWhoseMetadataNobodyServesStillAppears()
    {
        // A title record whose metadata torrent no peer has.
        const std::string nowhere = "0x" + std::string(62, '0') + "42";
        api::NewTitleRecord record { baseUnits("3"), "Poetry", nowhere, "" };
        auto published = await<api::PublishedTitle>([&](auto done) {
            return m_author->market().publishRecord(record, secret(), nullptr, done);
        });
        QVERIFY2(published, published ? "" : published.error().message.c_str());
        auto summary = refresh();
        QVERIFY2(summary, summary ? "" : summary.error().message.c_str());
        QCOMPARE(summary->newTitles, std::uint64_t { 1 });
        QCOMPARE(summary->metadataMissing, std::uint64_t { 1 });
        const api::CatalogTitle orphan = entry(published->titleId);
        QCOMPARE(orphan.titleId, published->titleId);
        QVERIFY(!orphan.hasMetadata);
        QVERIFY(orphan.title.empty());
        QCOMPARE(orphan.subject, std::string("Poetry"));
        QCOMPARE(orphan.price, baseUnits("3"));
        // The torrent it tried is gone from the swarm again, its directory too.
        const Hash256 infohash = codec::fromHexFixed<32>(nowhere).value();
        QTRY_VERIFY(!m_readerSession->swarm().status(infohash));
        QVERIFY(!std::filesystem::exists(
            m_reader->profile() / "catalog" / "metadata" / std::to_string(published->titleId)));
    }

    void metadataThatWasMissingArrivesOnALaterRefresh()
    {
        // A newcomer who knows no peer yet: every title shows, none with metadata.
        ContentUser newcomer(m_node.profile());
        auto unlocked = market::unlockContent(
            newcomer.profile(), newcomer.profile() / "wallet.json", asBytes(kContentPassphrase));
        QVERIFY(unlocked);
        market::ContentSessionOptions options;
        options.swarm = loopbackSwarm();
        options.catalogMetadataTimeout = kMetadataTimeout;
        market::ContentSession session(
            newcomer.profile(), std::move(*unlocked), newcomer.chain(), newcomer.market(), options);
        auto refreshNewcomer = [&] {
            return await<api::CatalogRefreshSummary>(
                [&](auto done) { return session.catalog().refresh(nullptr, done); });
        };
        auto first = refreshNewcomer();
        QVERIFY2(first, first ? "" : first.error().message.c_str());
        QCOMPARE(first->newTitles, first->titleCount);
        QCOMPARE(first->metadataFetched, std::uint64_t { 0 });
        auto all = session.catalog().search({});
        QVERIFY(all && all->size() == 3); // the two with metadata somewhere, and the one without
        QVERIFY(std::none_of(all->begin(), all->end(), [](auto& t) { return t.hasMetadata; }));

        // Once it finds the author, the next refresh brings what was missing.
        session.library().addPeer(m_author->peerAddress());
        auto second = refreshNewcomer();
        QVERIFY2(second, second ? "" : second.error().message.c_str());
        QCOMPARE(second->newTitles, std::uint64_t { 0 });
        QCOMPARE(second->metadataFetched, std::uint64_t { 2 });
        QCOMPARE(second->metadataMissing, std::uint64_t { 1 }); // the one nobody serves
        auto found
            = session.catalog().search(query([&](api::CatalogSearch& q) { q.text = "engine"; }));
        QVERIFY(found && found->size() == 1);
        QCOMPARE(found->front().titleId, m_book);
        QCOMPARE(found->front().cover, tinyPng());
    }

    void anUnreachableNetworkIsAReadableError()
    {
        protocol::NetworkProfile offline = m_node.profile();
        offline.endpoints = { "http://127.0.0.1:1" }; // nothing listens there
        ContentUser stranded(offline);
        QVERIFY(stranded.open());
        auto summary = await<api::CatalogRefreshSummary>(
            [&](auto done) { return stranded.session().catalog().refresh(nullptr, done); });
        QVERIFY(!summary);
        QVERIFY2(summary.error().message.starts_with(
                     "Cannot reach the network to refresh the catalog: "),
            summary.error().message.c_str());
        QVERIFY(stranded.session().catalog().search({})->empty());
    }

    void cleanupTestCase()
    {
        m_subscription.reset();
        m_readerSession.reset();
        m_reader.reset();
        m_author.reset();
        m_dev.reset();
    }
};

QTEST_GUILESS_MAIN(TestChainCatalog)
#include "tst_chain_catalog.moc"
