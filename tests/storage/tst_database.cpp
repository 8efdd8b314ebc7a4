#include "core/storage/Database.h"
#include "core/storage/Statement.h"
#include "core/storage/Transaction.h"

#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace ls;
using namespace ls::storage;

namespace {

std::filesystem::path dbPath(const QTemporaryDir& dir)
{
    return std::filesystem::path(dir.path().toStdString()) / "test.db";
}

Database openOrFail(const std::filesystem::path& path)
{
    auto db = Database::open(path);
    if (!db)
        qFatal("open failed: %s", db.error().message.c_str());
    return std::move(*db);
}

std::vector<std::int64_t> ids(Database& db)
{
    std::vector<std::int64_t> out;
    auto select = db.prepare("SELECT id FROM item ORDER BY id");
    if (!select)
        qFatal("prepare failed: %s", select.error().message.c_str());
    while (true) {
        auto row = select->step();
        if (!row)
            qFatal("step failed: %s", row.error().message.c_str());
        if (!*row)
            break;
        out.push_back(select->columnInt64(0));
    }
    return out;
}

void insert(Database& db, std::int64_t id)
{
    auto stmt = db.cached("INSERT INTO item(id, data) VALUES(?1, ?2)");
    QVERIFY(stmt);
    QVERIFY((*stmt)->bindAll(id, Bytes { 1, 2, 3 }));
    auto ran = (*stmt)->run();
    QVERIFY2(ran, ran ? "" : ran.error().message.c_str());
}

} // namespace

class TestDatabase : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void init()
    {
        std::filesystem::remove(dbPath(m_dir));
        auto db = openOrFail(dbPath(m_dir));
        QVERIFY(db.exec("CREATE TABLE item(id INTEGER PRIMARY KEY, data BLOB NOT NULL, "
                        "label TEXT)"));
    }

    void opensInWalModeWithForeignKeys()
    {
        auto db = openOrFail(dbPath(m_dir));
        auto mode = db.prepare("PRAGMA journal_mode");
        QVERIFY(mode && *mode->step());
        QCOMPARE(mode->columnText(0), std::string("wal"));
        auto keys = db.prepare("PRAGMA foreign_keys");
        QVERIFY(keys && *keys->step());
        QCOMPARE(keys->columnInt64(0), std::int64_t(1));
        auto sync = db.prepare("PRAGMA synchronous");
        QVERIFY(sync && *sync->step());
        QCOMPARE(sync->columnInt64(0), std::int64_t(2)); // FULL
        QVERIFY(db.integrityCheck());
    }

    void bindAndReadEveryType()
    {
        auto db = openOrFail(dbPath(m_dir));
        auto insert = db.prepare("INSERT INTO item(id, data, label) VALUES(?1, ?2, ?3)");
        QVERIFY(insert);
        QVERIFY(insert->bindAll(7, Bytes { 0xde, 0xad }, std::string_view("héllo")));
        QVERIFY(insert->run());
        QVERIFY(insert->bindAll(8, Bytes {}, nullptr));
        QVERIFY(insert->run());
        QCOMPARE(db.lastInsertRowId(), std::int64_t(8));

        auto select = db.prepare("SELECT data, label FROM item WHERE id = ?1");
        QVERIFY(select && select->bind(1, std::int64_t(7)));
        QVERIFY(*select->step());
        auto blob = select->columnBlob(0);
        QCOMPARE(Bytes(blob.begin(), blob.end()), (Bytes { 0xde, 0xad }));
        QCOMPARE(select->columnText(1), std::string("héllo"));
        QVERIFY(!*select->step());

        select->reset();
        QVERIFY(select->bind(1, std::int64_t(8)));
        QVERIFY(*select->step());
        QVERIFY(!select->isNull(0)); // an empty blob stays a blob, distinct from NULL
        QCOMPARE(select->columnBlob(0).size(), std::size_t(0));
        QVERIFY(select->isNull(1));
    }

    void commitKeepsRollbackDiscards()
    {
        auto db = openOrFail(dbPath(m_dir));
        {
            auto txn = Transaction::begin(db);
            QVERIFY(txn);
            insert(db, 1);
            QVERIFY(db.inTransaction());
            QVERIFY(txn->commit());
        }
        {
            auto txn = Transaction::begin(db);
            QVERIFY(txn);
            insert(db, 2);
            txn->rollback();
            QVERIFY(!txn->active());
        }
        {
            auto txn = Transaction::begin(db);
            QVERIFY(txn);
            insert(db, 3);
            // destroyed without commit: rolled back
        }
        QVERIFY(!db.inTransaction());
        QCOMPARE(ids(db), (std::vector<std::int64_t> { 1 }));
    }

    void nestedTransactionsAreSavepoints()
    {
        auto db = openOrFail(dbPath(m_dir));
        int undone = 0;
        {
            auto outer = Transaction::begin(db);
            QVERIFY(outer);
            insert(db, 1);
            {
                auto inner = Transaction::begin(db);
                QVERIFY(inner && inner->nested());
                insert(db, 2);
                inner->onRollback([&] { undone += 10; });
                // inner rolled back alone: row 2 gone, row 1 kept, its undo action ran
            }
            QCOMPARE(undone, 10);
            {
                auto inner = Transaction::begin(db);
                QVERIFY(inner);
                insert(db, 3);
                inner->onRollback([&] { undone += 1; });
                QVERIFY(inner->commit());
            }
            QCOMPARE(undone, 10); // released into the outer transaction, not undone yet
            QCOMPARE(ids(db), (std::vector<std::int64_t> { 1, 3 }));
            // outer rolls back: the released inner's undo action runs now
        }
        QCOMPARE(undone, 11);
        QCOMPARE(ids(db), std::vector<std::int64_t> {});
    }

    void commitOfOuterWhileInnerOpenIsRefused()
    {
        auto db = openOrFail(dbPath(m_dir));
        auto outer = Transaction::begin(db);
        QVERIFY(outer);
        auto inner = Transaction::begin(db);
        QVERIFY(inner);
        auto committed = outer->commit();
        QVERIFY(!committed);
        QCOMPARE(committed.error().kind, ErrorKind::Internal);
        QVERIFY(inner->commit());
        QVERIFY(outer->commit());
    }

    void failedStatementGivesClearError()
    {
        auto db = openOrFail(dbPath(m_dir));
        insert(db, 5);
        auto stmt = db.prepare("INSERT INTO item(id, data) VALUES(?1, ?2)");
        QVERIFY(stmt && stmt->bindAll(5, Bytes { 9 }));
        auto duplicate = stmt->run();
        QVERIFY(!duplicate);
        QCOMPARE(duplicate.error().kind, ErrorKind::InvalidInput);
        QVERIFY2(duplicate.error().message.find("UNIQUE constraint failed: item.id")
                != std::string::npos,
            duplicate.error().message.c_str());
        QVERIFY(duplicate.error().message.find("INSERT INTO item") != std::string::npos);

        // NOT NULL violation, then the statement is usable again.
        QVERIFY(stmt->bindAll(6, nullptr));
        QVERIFY(!stmt->run());
        QVERIFY(stmt->bindAll(6, Bytes { 1 }));
        QVERIFY(stmt->run());

        auto bad = db.prepare("SELEC nonsense");
        QVERIFY(!bad);
        QVERIFY2(bad.error().message.find("syntax error") != std::string::npos,
            bad.error().message.c_str());
        QVERIFY(!db.prepare("SELECT 1; SELECT 2"));
        QVERIFY(!db.exec("INSERT INTO missing VALUES(1)"));
    }

    void reopeningSeesCommittedDataOnly()
    {
        // A child process commits rows 1 and 2, then dies (no destructors, no rollback) in the
        // middle of a large transaction whose pages have already spilled into the WAL.
        auto path = dbPath(m_dir);
        pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            auto db = Database::open(path);
            if (!db)
                ::_exit(2);
            auto committed = Transaction::begin(*db);
            if (!committed || !db->exec("INSERT INTO item(id, data) VALUES(1, x'01'), (2, x'02')")
                || !committed->commit())
                ::_exit(3);
            auto pending = Transaction::begin(*db);
            if (!pending
                || !db->exec("WITH RECURSIVE n(i) AS (SELECT 3 UNION ALL SELECT i + 1 "
                             "FROM n WHERE i < 30000) INSERT INTO item(id, data) "
                             "SELECT i, randomblob(1000) FROM n"))
                ::_exit(4);
            ::_exit(0);
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);

        auto db = openOrFail(path);
        QCOMPARE(ids(db), (std::vector<std::int64_t> { 1, 2 }));
        QVERIFY(db.integrityCheck());
    }

    void otherConnectionSeesOnlyCommittedRows()
    {
        auto db = openOrFail(dbPath(m_dir));
        auto other = openOrFail(dbPath(m_dir));
        insert(db, 1);
        auto pending = Transaction::begin(db);
        QVERIFY(pending);
        insert(db, 2);
        QCOMPARE(ids(db), (std::vector<std::int64_t> { 1, 2 }));
        QCOMPARE(ids(other), (std::vector<std::int64_t> { 1 }));
        QVERIFY(pending->commit());
        QCOMPARE(ids(other), (std::vector<std::int64_t> { 1, 2 }));
    }

    void openingGarbageFailsClearly()
    {
        auto path = std::filesystem::path(m_dir.path().toStdString()) / "garbage.db";
        {
            std::FILE* file = std::fopen(path.c_str(), "wb");
            QVERIFY(file);
            std::string junk(8192, 'x');
            std::fwrite(junk.data(), 1, junk.size(), file);
            std::fclose(file);
        }
        auto db = Database::open(path);
        QVERIFY(!db);
        QCOMPARE(db.error().kind, ErrorKind::Io);
        QVERIFY2(db.error().message.find("not a database") != std::string::npos,
            db.error().message.c_str());

        auto missingDir = Database::open("/nonexistent-dir/x.db");
        QVERIFY(!missingDir);
        QVERIFY(missingDir.error().message.find("/nonexistent-dir/x.db") != std::string::npos);
    }

    void cachedStatementsAreReused()
    {
        auto db = openOrFail(dbPath(m_dir));
        auto first = db.cached("SELECT count(*) FROM item");
        QVERIFY(first && *(*first)->step());
        auto second = db.cached("SELECT count(*) FROM item");
        QVERIFY(second);
        QCOMPARE(*second, *first);
        QVERIFY(*(*second)->step()); // came back reset
        QCOMPARE((*second)->columnInt64(0), std::int64_t(0));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "tst_database.moc"
