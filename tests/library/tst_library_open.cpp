// Opening the library: creation, reopening, the passphrase (wrong, changed), and the ways a file
// can be unusable (damaged, not a library, from a newer build) — each with a clear error and
// the file left as it was.
#include "core/library/LibrarySchema.h"
#include "core/util/ProfilePaths.h"

#include "tst_library_support.h"
#include <sys/stat.h>

using namespace ls;
using namespace ls::library;
using namespace ls::library::testing;

class TestLibraryOpen : public QObject {
    Q_OBJECT

private:
    static Library openOrFail(const std::filesystem::path& profile, const char* passphrase)
    {
        auto library = Library::open(profile, text(passphrase), lightOptions());
        if (!library)
            qFatal("open failed: %s", library.error().message.c_str());
        return std::move(*library);
    }

    // A closed library with two titles, one with its key.
    static void makeLibrary(const std::filesystem::path& profile, const char* passphrase)
    {
        auto library = openOrFail(profile, passphrase);
        auto versions = std::vector { sampleVersion(1, 1) };
        QVERIFY(library.titles().add(sampleTitle(1), versions));
        QVERIFY(library.titles().add(sampleTitle(2)));
        QVERIFY(library.titles().storeKey(1, sampleKey(1)));
    }

private Q_SLOTS:
    void createsThenReopensWithTheSameContents()
    {
        QTemporaryDir dir;
        auto profile = profileOf(dir);
        QVERIFY(!Library::exists(profile));
        makeLibrary(profile, "correct horse");
        QVERIFY(Library::exists(profile));

        auto reopened = Library::open(profile, text("correct horse"), lightOptions());
        LS_VERIFY_OK(reopened);
        QCOMPARE(reopened->titles().count().value(), 2u);
        auto key = reopened->titles().key(1);
        LS_VERIFY_OK(key);
        QVERIFY(std::ranges::equal(key->bytes(), sampleKey(1).bytes()));
        QCOMPARE(reopened->titles().versions(1).value(), std::vector { sampleVersion(1, 1) });
        LS_VERIFY_OK(reopened->checkIntegrity());
        QCOMPARE(reopened->file(), profile / "library.db");
        QCOMPARE(reopened->kdfParams().value(), crypto::pwhash::Params::interactive());

        // Owner-only: wrapped keys and reading habits are nobody else's business.
        struct stat info { };
        QCOMPARE(::stat(reopened->file().c_str(), &info), 0);
        QCOMPARE(info.st_mode & 0777, 0600u);

        auto raw = rawDatabase(profile);
        QCOMPARE(integerOf(raw, "SELECT version FROM library_schema"),
            std::int64_t { LibrarySchema::currentVersion() });
    }

    void opensThroughProfilePaths()
    {
        QTemporaryDir dir;
        auto profile = ProfilePaths::open("reader-2", profileOf(dir));
        LS_VERIFY_OK(profile);
        auto library = Library::open(*profile, text("pass"), lightOptions());
        LS_VERIFY_OK(library);
        QCOMPARE(library->file(), profileOf(dir) / "reader-2" / "library.db");
        QVERIFY(std::filesystem::exists(library->file()));
    }

    void wrongPassphraseIsRefusedAndChangesNothing()
    {
        QTemporaryDir dir;
        auto profile = profileOf(dir);
        makeLibrary(profile, "correct horse");
        const std::string before = readFile(Library::databaseFile(profile));
        QVERIFY(!before.empty());

        for (const char* wrong : { "correct hors", "Correct horse", "correct horse " }) {
            auto refused = Library::open(profile, text(wrong), lightOptions());
            QVERIFY(!refused);
            QCOMPARE(refused.error().kind, ErrorKind::WrongPassphrase);
            QVERIFY2(refused.error().message.find("Wrong passphrase") != std::string::npos,
                refused.error().message.c_str());
        }
        QCOMPARE(readFile(Library::databaseFile(profile)), before);
        QVERIFY(!std::filesystem::exists(profile / "library.db-wal"));

        auto right = Library::open(profile, text("correct horse"), lightOptions());
        LS_VERIFY_OK(right);
        QCOMPARE(right->titles().count().value(), 2u);
    }

    void emptyPassphraseIsRefused()
    {
        QTemporaryDir dir;
        auto refused = Library::open(profileOf(dir), ByteView {}, lightOptions());
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::InvalidInput);
        QVERIFY(!Library::exists(profileOf(dir)));
    }

    void missingLibraryOrProfileIsReported()
    {
        QTemporaryDir dir;
        auto options = lightOptions();
        options.createIfMissing = false;
        auto missing = Library::open(profileOf(dir), text("pass"), options);
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);
        QVERIFY(!Library::exists(profileOf(dir)));

        auto noProfile = Library::open(profileOf(dir) / "nobody", text("pass"), lightOptions());
        QVERIFY(!noProfile);
        QCOMPARE(noProfile.error().kind, ErrorKind::NotFound);
        QVERIFY(!std::filesystem::exists(profileOf(dir) / "nobody"));
    }

    void passphraseChangeRewrapsOnlyTheMasterKey()
    {
        QTemporaryDir dir;
        auto profile = profileOf(dir);
        makeLibrary(profile, "old secret");
        Bytes wrappedTitleKey;
        Bytes wrappedMasterKey;
        {
            auto raw = rawDatabase(profile);
            wrappedTitleKey = blobOf(raw, "SELECT wrapped_key FROM title_key WHERE title_id = 1");
            wrappedMasterKey = blobOf(raw, "SELECT wrapped_key FROM master_key");
        }
        {
            auto library = openOrFail(profile, "old secret");
            auto wrongOld = library.changePassphrase(text("not it"), text("new secret"));
            QVERIFY(!wrongOld);
            QCOMPARE(wrongOld.error().kind, ErrorKind::WrongPassphrase);
            auto emptyNew = library.changePassphrase(text("old secret"), ByteView {});
            QVERIFY(!emptyNew);
            QCOMPARE(emptyNew.error().kind, ErrorKind::InvalidInput);
            LS_VERIFY_OK(library.changePassphrase(text("old secret"), text("new secret")));
            // The open library keeps working with the same master key.
            QVERIFY(std::ranges::equal(library.titles().key(1)->bytes(), sampleKey(1).bytes()));
        }
        {
            auto raw = rawDatabase(profile);
            QCOMPARE(blobOf(raw, "SELECT wrapped_key FROM title_key WHERE title_id = 1"),
                wrappedTitleKey);
            QVERIFY(blobOf(raw, "SELECT wrapped_key FROM master_key") != wrappedMasterKey);
        }
        auto old = Library::open(profile, text("old secret"), lightOptions());
        QVERIFY(!old);
        QCOMPARE(old.error().kind, ErrorKind::WrongPassphrase);

        auto library = openOrFail(profile, "new secret");
        QVERIFY(std::ranges::equal(library.titles().key(1)->bytes(), sampleKey(1).bytes()));
        QCOMPARE(library.kdfParams().value(), crypto::pwhash::Params::interactive());

        // New Argon2id parameters can come with a new passphrase.
        const crypto::pwhash::Params lighter { 1, 1 << 20 };
        LS_VERIFY_OK(library.changePassphrase(text("new secret"), text("third"), lighter));
        QCOMPARE(library.kdfParams().value(), lighter);
        auto third = Library::open(profile, text("third"), lightOptions());
        LS_VERIFY_OK(third);
        QVERIFY(std::ranges::equal(third->titles().key(1)->bytes(), sampleKey(1).bytes()));
    }

    void editedKeyDerivationParametersDoNotUnlock()
    {
        // Weakening the stored Argon2id cost (to make guessing cheaper) breaks the wrapping.
        QTemporaryDir dir;
        auto profile = profileOf(dir);
        makeLibrary(profile, "pass");
        {
            auto raw = rawDatabase(profile);
            execOrFail(raw, "UPDATE master_key SET kdf_ops_limit = 1");
        }
        auto refused = Library::open(profile, text("pass"), lightOptions());
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::WrongPassphrase);

        // Absurd parameters are refused before any derivation (no multi-gigabyte allocation).
        {
            auto raw = rawDatabase(profile);
            execOrFail(raw, "UPDATE master_key SET kdf_mem_limit = 1099511627776");
        }
        auto absurd = Library::open(profile, text("pass"), lightOptions());
        QVERIFY(!absurd);
        QCOMPARE(absurd.error().kind, ErrorKind::InvalidInput);
        QVERIFY2(absurd.error().message.find("memory") != std::string::npos,
            absurd.error().message.c_str());
    }

    void damagedFileGivesAClearError()
    {
        QTemporaryDir dir;
        auto profile = profileOf(dir);
        {
            auto library = openOrFail(profile, "pass");
            for (std::uint64_t id = 1; id <= 300; ++id)
                QVERIFY(library.titles().add(sampleTitle(id)));
        }
        auto file = Library::databaseFile(profile);
        std::string bytes = readFile(file);
        const std::size_t pageSize = 4096;
        QVERIFY(bytes.size() > 8 * pageSize);
        // Scribble over a page in the middle of the title table's B-tree.
        const std::size_t page = bytes.size() / pageSize / 2;
        for (std::size_t i = 0; i < pageSize; ++i)
            bytes[page * pageSize + i] = static_cast<char>(i * 37 + 11);
        writeFile(file, bytes);

        auto damaged = Library::open(profile, text("pass"), lightOptions());
        QVERIFY(!damaged);
        QCOMPARE(damaged.error().kind, ErrorKind::Io);
        QVERIFY2(damaged.error().message.find("damaged") != std::string::npos,
            damaged.error().message.c_str());
        QVERIFY2(damaged.error().message.find(file.string()) != std::string::npos,
            damaged.error().message.c_str());
        QCOMPARE(readFile(file), bytes);
    }

    void garbageFileGivesAClearError()
    {
        QTemporaryDir dir;
        auto profile = profileOf(dir);
        const std::string junk(10000, 'x');
        writeFile(Library::databaseFile(profile), junk);
        auto refused = Library::open(profile, text("pass"), lightOptions());
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::Io);
        QVERIFY2(refused.error().message.find("not a database") != std::string::npos,
            refused.error().message.c_str());
        QCOMPARE(readFile(Library::databaseFile(profile)), junk);
    }

    void otherSqliteDatabaseIsNotTakenOver()
    {
        QTemporaryDir dir;
        auto profile = profileOf(dir);
        {
            auto raw = rawDatabase(profile);
            execOrFail(raw, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)");
            execOrFail(raw, "INSERT INTO notes (body) VALUES ('mine')");
        }
        const std::string before = readFile(Library::databaseFile(profile));
        auto refused = Library::open(profile, text("pass"), lightOptions());
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::InvalidInput);
        QVERIFY2(refused.error().message.find("not a Lightstreams library") != std::string::npos,
            refused.error().message.c_str());
        QCOMPARE(readFile(Library::databaseFile(profile)), before);
    }

    void libraryFromANewerBuildIsRefusedUntouched()
    {
        QTemporaryDir dir;
        auto profile = profileOf(dir);
        makeLibrary(profile, "pass");
        {
            auto raw = rawDatabase(profile);
            execOrFail(raw, "UPDATE library_schema SET version = version + 1");
            execOrFail(raw, "CREATE TABLE shelf_v2 (x INTEGER)");
        }
        const std::string before = readFile(Library::databaseFile(profile));
        auto refused = Library::open(profile, text("pass"), lightOptions());
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::Unsupported);
        QVERIFY2(refused.error().message.find("newer version") != std::string::npos,
            refused.error().message.c_str());
        QCOMPARE(readFile(Library::databaseFile(profile)), before);
    }

    void missingTableIsReportedAsDamage()
    {
        QTemporaryDir dir;
        auto profile = profileOf(dir);
        makeLibrary(profile, "pass");
        {
            auto raw = rawDatabase(profile);
            execOrFail(raw, "DROP TABLE bookmark");
        }
        auto refused = Library::open(profile, text("pass"), lightOptions());
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::Io);
        QVERIFY2(refused.error().message.find("'bookmark' is missing") != std::string::npos,
            refused.error().message.c_str());
    }

    void emptyFileLeftByAKilledCreationBecomesALibrary()
    {
        QTemporaryDir dir;
        auto profile = profileOf(dir);
        writeFile(Library::databaseFile(profile), "");
        auto library = Library::open(profile, text("pass"), lightOptions());
        LS_VERIFY_OK(library);
        QCOMPARE(library->titles().count().value(), 0u);
    }

    void aFailedCreationLeavesNoFile()
    {
        QTemporaryDir dir;
        auto options = lightOptions();
        options.kdfParams = { 0, 0 }; // refused by Argon2id's own minimums
        auto refused = Library::open(profileOf(dir), text("pass"), options);
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::InvalidInput);
        QVERIFY(!Library::exists(profileOf(dir)));
        QVERIFY(!std::filesystem::exists(profileOf(dir) / "library.db-wal"));
    }
};

QTEST_GUILESS_MAIN(TestLibraryOpen)
#include "tst_library_open.moc"
