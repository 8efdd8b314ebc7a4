// The library's schema history: a new file gets every step, a later step (simulated here as the
// v2 a future build would add) applies in order on top of a real v1 library and keeps its data,
// a failing step leaves the file exactly at its old version, and a file from a newer build is
// refused.
#include "core/library/LibrarySchema.h"
#include "core/storage/Transaction.h"

#include "tst_library_support.h"
#include <array>
#include <vector>

using namespace ls;
using namespace ls::library;
using namespace ls::library::testing;

namespace {

std::vector<int> g_applied; // which test steps ran, in order

Result<void> addShelfColumn(storage::Database& database)
{
    g_applied.push_back(2);
    return database.exec("ALTER TABLE title ADD COLUMN shelf TEXT NOT NULL DEFAULT 'unsorted';"
                         "CREATE INDEX title_by_shelf ON title (shelf)");
}

Result<void> addRatingTable(storage::Database& database)
{
    g_applied.push_back(3);
    return database.exec("CREATE TABLE rating (title_id INTEGER PRIMARY KEY, stars INTEGER)");
}

Result<void> failHalfway(storage::Database& database)
{
    g_applied.push_back(3);
    if (auto created = database.exec("CREATE TABLE rating (title_id INTEGER PRIMARY KEY)");
        !created)
        return created;
    return fail(ErrorKind::Io, "disk full (simulated)");
}

// The production steps followed by test steps, as a future build would have them.
std::vector<LibraryMigration> withFutureSteps(std::initializer_list<LibraryMigration> extra)
{
    auto steps = std::vector<LibraryMigration>(
        LibrarySchema::migrations().begin(), LibrarySchema::migrations().end());
    steps.insert(steps.end(), extra);
    return steps;
}

std::vector<std::string> tableNames(storage::Database& db)
{
    std::vector<std::string> names;
    auto select = db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'index') "
                             "AND name NOT LIKE 'sqlite%' ORDER BY name");
    while (select && select->step().value_or(false))
        names.push_back(select->columnText(0));
    return names;
}

} // namespace

class TestLibrarySchema : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::filesystem::path profile() const { return profileOf(m_dir); }

    // A real v1 library with one title and its key.
    void makeVersion1Library()
    {
        std::filesystem::remove(Library::databaseFile(profile()));
        auto library = Library::open(profile(), text("pass"), lightOptions());
        QVERIFY(library);
        QVERIFY(library->titles().add(sampleTitle(1), std::vector { sampleVersion(1, 1) }));
        QVERIFY(library->titles().storeKey(1, sampleKey(1)));
    }

private Q_SLOTS:
    void init() { g_applied.clear(); }

    void productionStepsAreOrdered()
    {
        auto steps = LibrarySchema::migrations();
        QVERIFY(!steps.empty());
        for (std::size_t i = 0; i < steps.size(); ++i) {
            QCOMPARE(steps[i].version, static_cast<int>(i) + 1);
            QVERIFY(steps[i].apply != nullptr);
            QVERIFY(!steps[i].summary.empty());
        }
        QCOMPARE(LibrarySchema::currentVersion(), steps.back().version);
    }

    void emptyDatabaseGetsEveryStep()
    {
        auto db = storage::Database::openInMemory();
        QVERIFY(db);
        QCOMPARE(LibrarySchema::readVersion(*db).value(), 0);
        auto reached = LibrarySchema::migrate(*db);
        LS_VERIFY_OK(reached);
        QCOMPARE(*reached, LibrarySchema::currentVersion());
        QCOMPARE(LibrarySchema::readVersion(*db).value(), LibrarySchema::currentVersion());
        LS_VERIFY_OK(LibrarySchema::checkTables(*db));
        // Running again changes nothing.
        auto before = tableNames(*db);
        QCOMPARE(LibrarySchema::migrate(*db).value(), LibrarySchema::currentVersion());
        QCOMPARE(tableNames(*db), before);
    }

    void laterStepsApplyInOrderAndKeepTheData()
    {
        makeVersion1Library();
        auto steps = withFutureSteps({ LibraryMigration { 2, "add shelves", &addShelfColumn },
            LibraryMigration { 3, "add ratings", &addRatingTable } });
        {
            auto raw = rawDatabase(profile());
            QCOMPARE(LibrarySchema::readVersion(raw, steps).value(), 1);
            auto reached = LibrarySchema::migrate(raw, steps);
            LS_VERIFY_OK(reached);
            QCOMPARE(*reached, 3);
            QCOMPARE(g_applied, (std::vector { 2, 3 }));
            QCOMPARE(integerOf(raw, "SELECT version FROM library_schema"), 3);
            QCOMPARE(integerOf(raw, "SELECT count(*) FROM title WHERE shelf = 'unsorted'"), 1);
            QCOMPARE(integerOf(raw, "SELECT count(*) FROM rating"), 0);
            // Nothing left to do the second time.
            g_applied.clear();
            QCOMPARE(LibrarySchema::migrate(raw, steps).value(), 3);
            QVERIFY(g_applied.empty());
        }
        // This build only knows v1: it refuses the upgraded file instead of misreading it.
        auto refused = Library::open(profile(), text("pass"), lightOptions());
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::Unsupported);
    }

    void aFailingStepLeavesTheOldVersion()
    {
        makeVersion1Library();
        const std::string before = readFile(Library::databaseFile(profile()));
        auto steps = withFutureSteps({ LibraryMigration { 2, "add shelves", &addShelfColumn },
            LibraryMigration { 3, "add ratings", &failHalfway } });
        {
            auto raw = rawDatabase(profile());
            auto names = tableNames(raw);
            auto failed = LibrarySchema::migrate(raw, steps);
            QVERIFY(!failed);
            QCOMPARE(failed.error().kind, ErrorKind::Io);
            QVERIFY2(failed.error().message.find("schema 3 (add ratings)") != std::string::npos,
                failed.error().message.c_str());
            QCOMPARE(g_applied, (std::vector { 2, 3 }));
            QCOMPARE(integerOf(raw, "SELECT version FROM library_schema"), 1);
            QCOMPARE(tableNames(raw), names); // step 2's column index is gone too
            QVERIFY(!raw.inTransaction());
        }
        QCOMPARE(readFile(Library::databaseFile(profile())), before);
        auto library = Library::open(profile(), text("pass"), lightOptions());
        LS_VERIFY_OK(library);
        QVERIFY(std::ranges::equal(library->titles().key(1)->bytes(), sampleKey(1).bytes()));
    }

    void stepsInsideACallersTransactionRollBackWithIt()
    {
        auto db = storage::Database::openInMemory();
        QVERIFY(db);
        {
            auto outer = storage::Transaction::begin(*db);
            QVERIFY(outer);
            QCOMPARE(LibrarySchema::migrate(*db).value(), LibrarySchema::currentVersion());
        }
        QCOMPARE(LibrarySchema::readVersion(*db).value(), 0);
        QVERIFY(tableNames(*db).empty());
    }

    void misorderedStepsAreAProgrammingError()
    {
        auto db = storage::Database::openInMemory();
        QVERIFY(db);
        auto gap = withFutureSteps({ LibraryMigration { 3, "skips 2", &addRatingTable } });
        auto refused = LibrarySchema::migrate(*db, gap);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::Internal);
        QCOMPARE(LibrarySchema::readVersion(*db).value(), 0);
    }

    void versionFromTheFutureIsRefused()
    {
        auto db = storage::Database::openInMemory();
        QVERIFY(db);
        QVERIFY(LibrarySchema::migrate(*db));
        QVERIFY(db->exec("UPDATE library_schema SET version = 7"));
        auto refused = LibrarySchema::readVersion(*db);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::Unsupported);
        QVERIFY2(refused.error().message.find("schema 7") != std::string::npos,
            refused.error().message.c_str());
        QCOMPARE(LibrarySchema::migrate(*db).error().kind, ErrorKind::Unsupported);

        QVERIFY(db->exec("DELETE FROM library_schema"));
        QCOMPARE(LibrarySchema::readVersion(*db).error().kind, ErrorKind::Io);
    }
};

QTEST_GUILESS_MAIN(TestLibrarySchema)
#include "tst_library_schema.moc"
