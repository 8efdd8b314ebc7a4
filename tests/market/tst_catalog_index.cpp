// Discover's search index: FTS5 search that no typing can break, filters and sorts over the
// verified catalog, kept on disk and rebuilt by upserts.
#include "core/market/CatalogIndex.h"
#include "core/storage/Database.h"

#include <QTemporaryDir>
#include <QTest>

using namespace ls;
using namespace ls::market;

namespace {

const std::string kAda = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
const std::string kBob = "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC";

CatalogEntry entry(std::uint64_t id, std::string title, std::string authors, std::string subject,
    std::string price, std::uint64_t sales, std::string mediaType, const std::string& author = kAda)
{
    CatalogEntry e;
    e.titleId = id;
    e.author = author;
    e.price = std::move(price);
    e.subject = std::move(subject);
    e.versionCount = 1;
    e.salesCount = sales;
    e.publishedAtMs = 1'000 * id;
    e.provenAtHeight = 10 + id;
    e.title = std::move(title);
    e.authors = std::move(authors);
    e.blurb = "A story about " + e.title;
    e.mediaType = std::move(mediaType);
    return e;
}

std::vector<std::uint64_t> ids(const Result<std::vector<CatalogEntry>>& found)
{
    std::vector<std::uint64_t> out;
    if (!found) {
        qWarning("search failed: %s", found.error().message.c_str());
        return { 0xdead };
    }
    for (const auto& e : *found)
        out.push_back(e.titleId);
    return out;
}

using Ids = std::vector<std::uint64_t>;

} // namespace

class TestCatalogIndex : public QObject {
    Q_OBJECT

private:
    std::optional<CatalogIndex> m_index;

private Q_SLOTS:
    void init()
    {
        m_index.emplace(CatalogIndex::openInMemory().value());
        for (const auto& e : { entry(1, "The Analytical Engine", "Ada Lovelace", "Computing",
                                   "2500000000000000000", 7, "application/pdf"),
                 entry(2, "Engines of the Sea", "Bob Shipwright", "History", "900000000000000000",
                     12, "application/pdf", kBob),
                 entry(3, "Sea Shanties", "Bob Shipwright", "Music", "100000000000000000000", 3,
                     "audio/mpeg", kBob),
                 entry(4, "Café Crème", "Zoë Müller", "Cooking", "1000000000000000000", 0,
                     "video/mp4") })
            QVERIFY(m_index->upsert(e));
    }

    void searchMatchesEveryWordAsAPrefix()
    {
        QCOMPARE(ids(m_index->search({ .text = "engine" })), (Ids { 1, 2 }));
        QCOMPARE(ids(m_index->search({ .text = "sea eng" })), (Ids { 2 }));
        QCOMPARE(ids(m_index->search({ .text = "shipwright" })).size(), std::size_t { 2 });
        // Accents do not matter, either way.
        QCOMPARE(ids(m_index->search({ .text = "cafe creme" })), (Ids { 4 }));
        QCOMPARE(ids(m_index->search({ .text = "MÜLLER" })), (Ids { 4 }));
        QCOMPARE(ids(m_index->search({ .text = "nothing like this" })), (Ids {}));
    }

    void whateverIsTypedIsNeverASyntaxError()
    {
        for (const char* typed : { "\"", "engine\"", "AND OR NOT", "(", "*", "sea NEAR(", "-x",
                 "title:engine", "'; DROP TABLE titles; --", "" }) {
            auto found = m_index->search({ .text = typed });
            QVERIFY2(found, typed);
        }
        QCOMPARE(ids(m_index->search({ .text = "title:engine" })), (Ids {}));
        QCOMPARE(ftsQueryFor("sea, \"engine\"!"), std::string("\"sea\"* \"engine\"*"));
        QCOMPARE(ids(m_index->search({})).size(), std::size_t { 4 }); // the table survived
    }

    void filtersNarrowTheResults()
    {
        QCOMPARE(ids(m_index->search({ .subject = "Music" })), (Ids { 3 }));
        QCOMPARE(ids(m_index->search({ .author = kBob, .sort = CatalogQuery::Sort::Newest })),
            (Ids { 3, 2 }));
        QCOMPARE(ids(m_index->search({ .mediaTypePrefix = "video/" })), (Ids { 4 }));
        QCOMPARE(ids(m_index->search(
                     { .mediaTypePrefix = "application/pdf", .sort = CatalogQuery::Sort::Newest })),
            (Ids { 2, 1 }));
        // 1 PHT or less: prices compare as numbers, not as text.
        QCOMPARE(ids(m_index->search({ .maxPrice = "1000000000000000000",
                     .sort = CatalogQuery::Sort::PriceLowToHigh })),
            (Ids { 2, 4 }));
        QVERIFY(!m_index->search({ .maxPrice = "1.5" }));
    }

    void sortsOrderTheResults()
    {
        QCOMPARE(
            ids(m_index->search({ .sort = CatalogQuery::Sort::Newest })), (Ids { 4, 3, 2, 1 }));
        QCOMPARE(
            ids(m_index->search({ .sort = CatalogQuery::Sort::MostSold })), (Ids { 2, 1, 3, 4 }));
        QCOMPARE(ids(m_index->search({ .sort = CatalogQuery::Sort::PriceHighToLow })),
            (Ids { 3, 1, 4, 2 }));
        QCOMPARE(ids(m_index->search({ .limit = 2, .offset = 1 })), (Ids { 3, 2 }));
    }

    // The author filter: each publishing account once, named as its newest title names it.
    void authorsListEachPublisherWithItsNewestNames()
    {
        using Author = std::pair<std::string, std::string>;
        QCOMPARE(m_index->authors().value(),
            (std::vector<Author> { { kBob, "Bob Shipwright" }, { kAda, "Zoë Müller" } }));
        CatalogQuery byBob;
        byBob.author = kBob;
        QCOMPARE(ids(m_index->search(byBob)), (Ids { 3, 2 }));
    }

    void anUpdateReplacesTheEntryAndItsText()
    {
        auto changed = entry(1, "The Difference Engine", "Ada Lovelace", "Computing",
            "2500000000000000000", 8, "application/pdf");
        changed.listed = false;
        QVERIFY(m_index->upsert(changed));
        QCOMPARE(ids(m_index->search({ .text = "analytical" })), (Ids {}));
        QCOMPARE(ids(m_index->search({ .text = "difference" })), (Ids {}));
        QCOMPARE(
            ids(m_index->search({ .text = "difference", .includeUnlisted = true })), (Ids { 1 }));
        QCOMPARE(*m_index->find(1).value(), changed);
        QCOMPARE(m_index->highestTitleId().value(), std::uint64_t { 4 });
        QCOMPARE(m_index->subjects().value(),
            (std::vector<std::string> { "Cooking", "History", "Music" }));
    }

    void theIndexPersists()
    {
        QTemporaryDir dir;
        const auto file = std::filesystem::path(dir.path().toStdString()) / "catalog.db";
        {
            auto index = CatalogIndex::open(file).value();
            QVERIFY(index.upsert(entry(9, "Kept", "Someone", "Misc", "1", 0, "application/pdf")));
        }
        auto reopened = CatalogIndex::open(file).value();
        QCOMPARE(ids(reopened.search({ .text = "kept" })), (Ids { 9 }));
    }

    void aDocumentKeepsItsSampleApartFromTheGrid()
    {
        const Bytes sample { '%', 'P', 'D', 'F', '-', '1', '.', '4' };
        QVERIFY(m_index->storeDocument(1,
            { "0xaa", Bytes { '{', '}' }, "image/png", Bytes { 1, 2 }, "application/pdf",
                sample }));
        QVERIFY(m_index->storeDocument(2, { "0xbb", Bytes { '{', '}' }, "", {}, "", {} }));
        auto stored = m_index->sample(1).value();
        QVERIFY(stored);
        QCOMPARE(stored->metadataInfohash, std::string("0xaa"));
        QCOMPARE(stored->mediaType, std::string("application/pdf"));
        QCOMPARE(stored->data, sample);
        QVERIFY(!m_index->sample(2).value()); // a document without a sample
        QVERIFY(!m_index->sample(3).value()); // no document
        auto whole = m_index->document(1).value();
        QVERIFY(whole && whole->document == (Bytes { '{', '}' }));
        QCOMPARE(whole->sampleMediaType, std::string("application/pdf"));
        QVERIFY(whole->sample.empty()); // read with sample() only
        auto forGrid = m_index->document(1, false).value();
        QVERIFY(forGrid && forGrid->document.empty());
        QCOMPARE(forGrid->cover, (Bytes { 1, 2 }));
    }

    void anIndexFromBeforeSamplesFetchesItsDocumentsAgain()
    {
        QTemporaryDir dir;
        const auto file = std::filesystem::path(dir.path().toStdString()) / "catalog.db";
        {
            // Schema 1, as the first release wrote it: documents without samples.
            auto index = CatalogIndex::open(file).value();
            QVERIFY(index.upsert(entry(9, "Kept", "Someone", "Misc", "1", 0, "application/pdf")));
        }
        {
            auto database = storage::Database::open(file).value();
            QVERIFY(database.exec(
                "DROP TABLE title_documents; CREATE TABLE title_documents (title_id INTEGER "
                "PRIMARY KEY, metadata_infohash TEXT NOT NULL, document BLOB NOT NULL, "
                "cover_media_type TEXT NOT NULL, cover BLOB NOT NULL); INSERT INTO "
                "title_documents VALUES (9, '0x99', x'7b7d', '', x''); UPDATE catalog_meta SET "
                "value = '1' WHERE key = 'schema';"));
        }
        auto upgraded = CatalogIndex::open(file).value();
        QCOMPARE(ids(upgraded.search({ .text = "kept" })), (Ids { 9 })); // the titles stay
        QVERIFY(!upgraded.documentInfohash(9).value()); // the next refresh fetches it again
        const Bytes sample { 'I', 'D', '3', 4 };
        QVERIFY(upgraded.storeDocument(9, { "0x99", {}, "", {}, "audio/mpeg", sample }));
        QCOMPARE(upgraded.sample(9).value()->data, sample);
    }
};

QTEST_GUILESS_MAIN(TestCatalogIndex)
#include "tst_catalog_index.moc"
