// Every table of the library through its API: owned titles and versions, download state, the
// library screen's listing, reading positions, bookmarks, annotations and page reads — and bad
// input refused with nothing changed.
#include "tst_library_support.h"

using namespace ls;
using namespace ls::library;
using namespace ls::library::testing;

class TestLibraryTables : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    FakeClock m_clock;
    std::optional<Library> m_library;

    std::filesystem::path profile() const { return profileOf(m_dir); }

private Q_SLOTS:
    void init()
    {
        m_library.reset();
        std::filesystem::remove(Library::databaseFile(profile()));
        auto library = Library::open(profile(), text("pass"), lightOptions(m_clock));
        QVERIFY(library);
        m_library.emplace(std::move(*library));
    }

    void cleanup() { m_library.reset(); }

    void titlesAddReadUpdateRemove()
    {
        auto titles = m_library->titles();
        auto versions = std::vector { sampleVersion(5, 1), sampleVersion(5, 2) };
        auto added = titles.add(sampleTitle(5), versions);
        LS_VERIFY_OK(added);
        QVERIFY(added->addedAtMs > 0);
        auto read = titles.title(5);
        LS_VERIFY_OK(read);
        QCOMPARE(*read, *added);
        QCOMPARE(read->licence.price, codec::UInt256(2'500'000'000'000'000'000ULL));
        QCOMPARE(titles.versions(5).value(), versions);
        QCOMPARE(titles.version(5, 2).value(), versions[1]);
        QCOMPARE(titles.version(5, 3).error().kind, ErrorKind::NotFound);
        QCOMPARE(titles.count().value(), 1u);

        auto duplicate = titles.add(sampleTitle(5));
        QVERIFY(!duplicate);
        QCOMPARE(duplicate.error().kind, ErrorKind::InvalidInput);

        OwnedTitle changed = *read;
        changed.metadataJson = R"({"title":"Book 5, revised"})";
        changed.licence.versionAtPurchase = 2;
        LS_VERIFY_OK(titles.update(changed));
        QCOMPARE(titles.title(5).value(), changed);
        OwnedTitle absent = changed;
        absent.titleId = 6;
        QCOMPARE(titles.update(absent).error().kind, ErrorKind::NotFound);

        LS_VERIFY_OK(titles.storeKey(5, sampleKey(5)));
        LS_VERIFY_OK(m_library->downloads().begin(5, 1, "content/5-1.lsc", 1000));
        LS_VERIFY_OK(m_library->reading().setPosition(5, 1, "page=3"));
        LS_VERIFY_OK(titles.remove(5));
        QCOMPARE(titles.contains(5).value(), false);
        QCOMPARE(titles.title(5).error().kind, ErrorKind::NotFound);
        QCOMPARE(titles.remove(5).error().kind, ErrorKind::NotFound);
        auto raw = rawDatabase(profile());
        for (const char* table : { "title_version", "title_key", "download" })
            QCOMPARE(integerOf(raw, std::string("SELECT count(*) FROM ") + table), 0);
        // The user's reading state outlives the title until it is forgotten explicitly.
        QCOMPARE(m_library->reading().position(5, 1).value()->position, std::string("page=3"));
        LS_VERIFY_OK(m_library->reading().forgetTitle(5));
        QVERIFY(!m_library->reading().position(5, 1).value());
    }

    void versionsNeverChange()
    {
        auto titles = m_library->titles();
        LS_VERIFY_OK(titles.add(sampleTitle(1)));
        auto first = std::vector { sampleVersion(1, 1) };
        LS_VERIFY_OK(titles.addVersions(1, first));
        LS_VERIFY_OK(titles.addVersions(1, first)); // the same facts again: fine
        auto rewritten = first;
        rewritten[0].contentInfohash[0] ^= 1;
        auto mixed = std::vector { sampleVersion(1, 2), rewritten[0] };
        auto refused = titles.addVersions(1, mixed);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::InvalidInput);
        // All or nothing: version 2, listed before the bad one, was not kept either.
        QCOMPARE(titles.versions(1).value(), first);
        QCOMPARE(titles.addVersions(9, first).error().kind, ErrorKind::NotFound);
    }

    void badTitleInputIsRefused()
    {
        auto titles = m_library->titles();
        auto notJson = sampleTitle(1);
        notJson.metadataJson = "{\"title\": ";
        QCOMPARE(titles.add(notJson).error().kind, ErrorKind::InvalidInput);
        auto array = sampleTitle(1);
        array.metadataJson = "[1, 2]";
        QCOMPARE(titles.add(array).error().kind, ErrorKind::InvalidInput);
        auto badUtf8 = sampleTitle(1);
        badUtf8.metadataJson = "{\"title\": \"\xc3\x28\"}";
        QCOMPARE(titles.add(badUtf8).error().kind, ErrorKind::InvalidInput);
        auto huge = sampleTitle(1);
        huge.titleId = std::uint64_t { 1 } << 63;
        QCOMPARE(titles.add(huge).error().kind, ErrorKind::InvalidInput);
        auto badNote = std::vector { sampleVersion(1, 1) };
        badNote[0].note = std::string(LibraryTitles::kMaxNoteBytes + 1, 'n');
        QCOMPARE(titles.add(sampleTitle(1), badNote).error().kind, ErrorKind::InvalidInput);
        // The refused add left nothing behind, not even the title row.
        QCOMPARE(titles.count().value(), 0u);
    }

    void downloadStateFollowsTheCopy()
    {
        auto titles = m_library->titles();
        auto versions = std::vector { sampleVersion(3, 1), sampleVersion(3, 2) };
        LS_VERIFY_OK(titles.add(sampleTitle(3), versions));
        LS_VERIFY_OK(titles.storeKey(3, sampleKey(3)));
        auto downloads = m_library->downloads();

        auto none = downloads.download(3, 1);
        LS_VERIFY_OK(none);
        QCOMPARE(none->state, DownloadState::None);
        QCOMPARE(none->totalSize, versions[0].size);
        QCOMPARE(downloads.download(3, 9).error().kind, ErrorKind::NotFound);
        QCOMPARE(downloads.recordProgress(3, 1, 10, {}).error().kind, ErrorKind::InvalidInput);

        auto started = downloads.begin(3, 1, "content/./3-1.lsc", 4096);
        LS_VERIFY_OK(started);
        QCOMPARE(started->state, DownloadState::Downloading);
        QCOMPARE(started->containerFile, std::string("content/3-1.lsc"));
        const Bytes half { 0xf0 };
        LS_VERIFY_OK(downloads.recordProgress(3, 1, 2048, half));
        QCOMPARE(downloads.recordProgress(3, 1, 4097, half).error().kind, ErrorKind::InvalidInput);
        auto resumed = downloads.begin(3, 1, "content/3-1.lsc", 4096);
        LS_VERIFY_OK(resumed);
        QCOMPARE(resumed->bytesVerified, 2048u);
        QCOMPARE(resumed->pieceBitfield, half);
        QCOMPARE(downloads.download(3, 1).value(), *resumed);

        const Bytes all { 0xff };
        LS_VERIFY_OK(downloads.markComplete(3, 1, all));
        auto complete = downloads.download(3, 1).value();
        QCOMPARE(complete.state, DownloadState::Complete);
        QCOMPARE(complete.bytesVerified, 4096u);
        QCOMPARE(complete.pieceBitfield, all);
        QCOMPARE(downloads.containerPath(complete), profile() / "content" / "3-1.lsc");
        QCOMPARE(downloads.downloads(3).value(), std::vector { complete });

        // Removing the local copy deletes the file and keeps the licence and the key.
        std::filesystem::create_directories(profile() / "content");
        writeFile(profile() / "content" / "3-1.lsc", "ciphertext");
        LS_VERIFY_OK(m_library->removeLocalCopy(3, 1));
        QVERIFY(!std::filesystem::exists(profile() / "content" / "3-1.lsc"));
        auto removed = downloads.download(3, 1).value();
        QCOMPARE(removed.state, DownloadState::Removed);
        QCOMPARE(removed.bytesVerified, 0u);
        QVERIFY(removed.pieceBitfield.empty());
        QCOMPARE(removed.containerFile, std::string("content/3-1.lsc"));
        QVERIFY(titles.contains(3).value());
        QCOMPARE(titles.title(3)->licence, sampleTitle(3).licence);
        QVERIFY(std::ranges::equal(titles.key(3)->bytes(), sampleKey(3).bytes()));
        LS_VERIFY_OK(m_library->removeLocalCopy(3, 1)); // already removed: nothing to do
        QCOMPARE(m_library->removeLocalCopy(3, 2).error().kind, ErrorKind::NotFound);

        // Downloading again starts from nothing.
        auto again = downloads.begin(3, 1, "content/3-1.lsc", 4096);
        LS_VERIFY_OK(again);
        QCOMPARE(again->state, DownloadState::Downloading);
        QCOMPARE(again->bytesVerified, 0u);
    }

    void containerPathsStayInsideTheProfile()
    {
        LS_VERIFY_OK(m_library->titles().add(sampleTitle(1), std::vector { sampleVersion(1, 1) }));
        auto downloads = m_library->downloads();
        for (const char* bad : { "", "/etc/passwd", "../outside.lsc", "content/../../x.lsc",
                 "content/inner/../1-1.lsc", "content/", ".", "a\xff.lsc" }) {
            auto refused = downloads.begin(1, 1, bad, 10);
            QVERIFY2(!refused, bad);
            QCOMPARE(refused.error().kind, ErrorKind::InvalidInput);
        }
        QCOMPARE(downloads.download(1, 1)->state, DownloadState::None);
        LS_VERIFY_OK(downloads.begin(1, 1, "content//1-1.lsc", 10));
        QCOMPARE(downloads.download(1, 1)->containerFile, std::string("content/1-1.lsc"));
    }

    void shelfListsEverythingTheLibraryScreenDraws()
    {
        auto titles = m_library->titles();
        LS_VERIFY_OK(titles.add(sampleTitle(1), std::vector { sampleVersion(1, 1) }));
        LS_VERIFY_OK(
            titles.add(sampleTitle(2), std::vector { sampleVersion(2, 1), sampleVersion(2, 2) }));
        LS_VERIFY_OK(titles.add(sampleTitle(3)));
        LS_VERIFY_OK(titles.storeKey(2, sampleKey(2)));
        LS_VERIFY_OK(m_library->downloads().begin(2, 2, "content/2-2.lsc", 100));
        LS_VERIFY_OK(m_library->downloads().recordProgress(2, 2, 50, Bytes { 0x80 }));
        LS_VERIFY_OK(m_library->reading().setPosition(2, 1, "page=9"));
        LS_VERIFY_OK(m_library->reading().setPosition(2, 2, "page=1"));
        LS_VERIFY_OK(m_library->reading().setPosition(77, 1, "not owned"));

        auto entries = m_library->shelf().entries();
        LS_VERIFY_OK(entries);
        QCOMPARE(entries->size(), 3u);
        // Most recently added first.
        QCOMPARE((*entries)[0].title.titleId, 3u);
        QCOMPARE((*entries)[1].title.titleId, 2u);
        QCOMPARE((*entries)[2].title.titleId, 1u);
        const LibraryEntry& two = (*entries)[1];
        QCOMPARE(two.title, titles.title(2).value());
        QCOMPARE(two.versions, titles.versions(2).value());
        QCOMPARE(two.hasKey, true);
        QCOMPARE(two.downloads.size(), 1u);
        QCOMPARE(two.downloads[0].bytesVerified, 50u);
        QVERIFY(two.lastPosition);
        QCOMPARE(two.lastPosition->version, 2u);
        QCOMPARE(two.lastPosition->position, std::string("page=1"));
        QCOMPARE((*entries)[2].hasKey, false);
        QVERIFY((*entries)[2].downloads.empty());
        QVERIFY(!(*entries)[0].lastPosition);
        QVERIFY((*entries)[0].versions.empty());
    }

    void readingPositions()
    {
        auto reading = m_library->reading();
        QVERIFY(!reading.position(1, 1).value());
        QVERIFY(!reading.lastPosition(1).value());
        LS_VERIFY_OK(reading.setPosition(1, 1, "page=4;y=0.25"));
        LS_VERIFY_OK(reading.setPosition(1, 2, "page=1"));
        LS_VERIFY_OK(reading.setPosition(1, 1, "page=5"));
        auto one = reading.position(1, 1).value();
        QVERIFY(one);
        QCOMPARE(one->position, std::string("page=5"));
        QCOMPARE(reading.lastPosition(1).value()->version, 1u);
        LS_VERIFY_OK(reading.clearPosition(1, 1));
        QVERIFY(!reading.position(1, 1).value());
        QCOMPARE(reading.lastPosition(1).value()->version, 2u);
        QCOMPARE(reading.setPosition(1, 1, std::string(5000, 'p')).error().kind,
            ErrorKind::InvalidInput);
    }

    void bookmarks()
    {
        auto reading = m_library->reading();
        auto first = reading.addBookmark(4, 1, "page=10", "Chapter 2");
        auto second = reading.addBookmark(4, 1, "page=3", "Figure 1");
        auto other = reading.addBookmark(4, 2, "page=3", "v2");
        LS_VERIFY_OK(first);
        LS_VERIFY_OK(second);
        LS_VERIFY_OK(other);
        QVERIFY(first->id != second->id);
        QCOMPARE(reading.bookmarks(4, 1).value(), (std::vector { *first, *second }));
        LS_VERIFY_OK(reading.renameBookmark(second->id, "Figure 1.1"));
        QCOMPARE(reading.bookmarks(4, 1).value()[1].label, std::string("Figure 1.1"));
        LS_VERIFY_OK(reading.removeBookmark(first->id));
        QCOMPARE(reading.removeBookmark(first->id).error().kind, ErrorKind::NotFound);
        QCOMPARE(reading.renameBookmark(first->id, "x").error().kind, ErrorKind::NotFound);
        QCOMPARE(reading.bookmarks(4, 1).value().size(), 1u);
        // Ids are never reused, so a stale id in the UI cannot hit a newer bookmark.
        auto third = reading.addBookmark(4, 1, "page=1", "");
        QVERIFY(third->id > other->id);
        QCOMPARE(reading.addBookmark(4, 1, "p", "\xc0\xaf").error().kind, ErrorKind::InvalidInput);
    }

    void annotations()
    {
        auto reading = m_library->reading();
        Annotation draft;
        draft.titleId = 4;
        draft.version = 1;
        draft.range = { 12, 40, 13, 5 };
        draft.quote = "a highlighted sentence";
        draft.note = "check this";
        draft.colour = 0x4caf50;
        auto later = reading.addAnnotation(draft);
        draft.range = { 2, 0, 2, 10 };
        draft.note.clear();
        auto earlier = reading.addAnnotation(draft);
        LS_VERIFY_OK(later);
        LS_VERIFY_OK(earlier);
        QVERIFY(later->createdAtMs > 0);
        QCOMPARE(later->createdAtMs, later->updatedAtMs);
        QCOMPARE(reading.annotations(4, 1).value(), (std::vector { *earlier, *later }));

        auto updated = reading.updateAnnotation(later->id, "checked", 0xff0000);
        LS_VERIFY_OK(updated);
        QCOMPARE(updated->note, std::string("checked"));
        QCOMPARE(updated->colour, 0xff0000u);
        QVERIFY(updated->updatedAtMs > later->updatedAtMs);
        QCOMPARE(updated->range, later->range);
        QCOMPARE(reading.annotations(4, 1).value()[1], *updated);

        LS_VERIFY_OK(reading.removeAnnotation(earlier->id));
        QCOMPARE(reading.removeAnnotation(earlier->id).error().kind, ErrorKind::NotFound);
        QCOMPARE(reading.updateAnnotation(earlier->id, "", 0).error().kind, ErrorKind::NotFound);

        Annotation backwards = draft;
        backwards.range = { 5, 10, 5, 9 };
        QCOMPARE(reading.addAnnotation(backwards).error().kind, ErrorKind::InvalidInput);
        Annotation badColour = draft;
        badColour.colour = 0x1000000;
        QCOMPARE(reading.addAnnotation(badColour).error().kind, ErrorKind::InvalidInput);
        QCOMPARE(reading.updateAnnotation(later->id, "", 0x1000000).error().kind,
            ErrorKind::InvalidInput);
        QCOMPARE(reading.annotations(4, 1).value().size(), 1u);
    }

    void pageReadsForSubscriptions()
    {
        auto reading = m_library->reading();
        auto first = reading.recordPageRead(8, 1, 1, 30);
        LS_VERIFY_OK(first);
        auto again = reading.recordPageRead(8, 1, 1, 15);
        LS_VERIFY_OK(again);
        QCOMPARE(again->seconds, 45);
        QCOMPARE(again->firstReadAtMs, first->firstReadAtMs);
        LS_VERIFY_OK(reading.recordPageRead(8, 2, 1, 5)); // same page number, another version
        LS_VERIFY_OK(reading.recordPageRead(8, 1, 2, 1'000'000)); // capped at a day
        const std::int64_t boundary = *m_clock.now + 1;
        LS_VERIFY_OK(reading.recordPageRead(9, 1, 7, 20));
        QCOMPARE(reading.recordPageRead(9, 1, 8, -1).error().kind, ErrorKind::InvalidInput);

        auto pages = reading.pageReads(8).value();
        QCOMPARE(pages.size(), 3u);
        QCOMPARE(pages[0].page, 1u);
        QCOMPARE(pages[1].page, 2u);
        QCOMPARE(pages[1].seconds, LibraryReading::kMaxSecondsPerRecord);
        QCOMPARE(pages[2].version, 2u);

        auto before = reading.pageReadTotals(0, boundary).value();
        QCOMPARE(before,
            (std::vector {
                PageReadTotal { 8, 2, 45 + 5 + LibraryReading::kMaxSecondsPerRecord } }));
        auto after = reading.pageReadTotals(boundary, std::numeric_limits<std::int64_t>::max());
        QCOMPARE(after.value(), (std::vector { PageReadTotal { 9, 1, 20 } }));
    }

    void callerTransactionGroupsChanges()
    {
        {
            auto purchase = m_library->beginTransaction();
            LS_VERIFY_OK(purchase);
            LS_VERIFY_OK(
                m_library->titles().add(sampleTitle(1), std::vector { sampleVersion(1, 1) }));
            LS_VERIFY_OK(m_library->titles().storeKey(1, sampleKey(1)));
            // Abandoned: rolled back with everything in it.
        }
        QCOMPARE(m_library->titles().count().value(), 0u);
        {
            auto purchase = m_library->beginTransaction();
            LS_VERIFY_OK(purchase);
            LS_VERIFY_OK(
                m_library->titles().add(sampleTitle(1), std::vector { sampleVersion(1, 1) }));
            LS_VERIFY_OK(m_library->titles().storeKey(1, sampleKey(1)));
            LS_VERIFY_OK(purchase->commit());
        }
        m_library.reset();
        auto reopened = Library::open(profile(), text("pass"), lightOptions());
        LS_VERIFY_OK(reopened);
        QVERIFY(reopened->titles().hasKey(1).value());
    }
};

QTEST_GUILESS_MAIN(TestLibraryTables)
#include "tst_library_tables.moc"
