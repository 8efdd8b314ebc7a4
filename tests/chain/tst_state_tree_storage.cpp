#include "core/node/state/SparseMerkleTree.h"
#include "core/storage/Database.h"
#include "core/storage/Transaction.h"

#include <QTemporaryDir>
#include <QTest>

#include "tests/chain/ReferenceStateTree.h"
#include "tests/chain/StateTreeTestSupport.h"
#include <algorithm>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

using namespace ls;
using namespace ls::node;
using namespace ls::testing;

// The state tree on disk: reopening, rollback, a crash between batches, pruning, damage.
class TestStateTreeStorage : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    std::filesystem::path freshPath(const char* name)
    {
        auto path = std::filesystem::path(m_dir.path().toStdString()) / name;
        std::filesystem::remove(path);
        return path;
    }

private Q_SLOTS:
    void reopenFromFileGivesSameState()
    {
        auto path = freshPath("reopen.db");
        std::mt19937_64 rng(99);
        ReferenceStateTree reference;
        std::vector<Hash256> known;
        Hash256 root2 {};
        {
            auto db = must(storage::Database::open(path));
            auto tree = must(SparseMerkleTree::open(db));
            for (std::uint64_t version = 1; version <= 3; ++version) {
                std::vector<StateUpdate> batch;
                for (int i = 0; i < 50; ++i) {
                    known.push_back(ls::testing::randomPath(rng, known));
                    batch.push_back({ known.back(), ls::testing::randomValue(rng) });
                    reference.set(batch.back().path, batch.back().value);
                }
                Hash256 root = commitBatch(db, tree, version, batch);
                if (version == 2)
                    root2 = root;
            }
        }
        auto db = must(storage::Database::open(path));
        auto tree = must(SparseMerkleTree::open(db));
        QCOMPARE(tree.latestVersion(), std::optional<std::uint64_t>(3));
        QCOMPARE(tree.oldestVersion(), std::optional<std::uint64_t>(1));
        QCOMPARE(must(tree.root(3)), reference.root());
        QCOMPARE(must(tree.root(2)), root2);
        QCOMPARE(must(tree.get(3, known[7])), std::optional<Bytes>(reference.entries[known[7]]));
        QVERIFY(must(tree.prove(3, known[120])) == reference.proof(known[120]));
        // And it carries on from there.
        reference.set(known[0], std::nullopt);
        QCOMPARE(commitBatch(db, tree, 4, { { known[0], std::nullopt } }), reference.root());
        QVERIFY(db.integrityCheck());
    }

    void rolledBackBatchLeavesNoTrace()
    {
        auto path = freshPath("rollback.db");
        auto db = must(storage::Database::open(path));
        auto tree = must(SparseMerkleTree::open(db));
        Hash256 a = pathFromBits({}, 0x10);
        Hash256 b = pathFromBits({}, 0x90);
        Hash256 root1 = commitBatch(db, tree, 1, { { a, bytesOf("one") } });
        auto rowsBefore = countRows(db, "state_node");
        {
            // The caller's block transaction holds two batches and then fails.
            auto txn = must(storage::Transaction::begin(db));
            QVERIFY(tree.applyBatch(txn, 2, std::vector<StateUpdate> { { b, bytesOf("two") } }));
            QVERIFY(tree.applyBatch(txn, 3, std::vector<StateUpdate> { { a, std::nullopt } }));
            QCOMPARE(tree.latestVersion(), std::optional<std::uint64_t>(3));
            QCOMPARE(must(tree.get(2, b)), std::optional<Bytes>(bytesOf("two"))); // visible inside
        }
        QCOMPARE(tree.latestVersion(), std::optional<std::uint64_t>(1));
        QCOMPARE(must(tree.root(1)), root1);
        QCOMPARE(tree.root(2).error().kind, ErrorKind::NotFound);
        QCOMPARE(countRows(db, "state_node"), rowsBefore);
        QCOMPARE(countRows(db, "state_stale"), std::int64_t(0));
        QCOMPARE(must(tree.get(1, b)), std::optional<Bytes> {});

        // Version 2 again, different content: no leftovers from the abandoned attempt (the same
        // row ids are reused, so stale cache entries would show up here).
        ReferenceStateTree reference;
        reference.set(a, bytesOf("one"));
        reference.set(pathFromBits({}, 0x11), bytesOf("other"));
        QCOMPARE(commitBatch(db, tree, 2, { { pathFromBits({}, 0x11), bytesOf("other") } }),
            reference.root());
        QVERIFY(must(tree.prove(2, b)) == reference.proof(b));

        auto reopened = must(SparseMerkleTree::open(db));
        QCOMPARE(reopened.latestVersion(), std::optional<std::uint64_t>(2));
        QCOMPARE(must(reopened.root(2)), reference.root());
    }

    void readsAtTheLatestVersionFollowBatchesAndRollbacks_data()
    {
        QTest::addColumn<std::size_t>("valueCacheBytes");
        QTest::newRow("default value cache") << SparseMerkleTreeOptions {}.valueCacheBytes;
        QTest::newRow("value cache that fills up and starts over") << std::size_t { 74 << 10 };
        QTest::newRow("no value cache") << std::size_t { 0 };
    }

    void readsAtTheLatestVersionFollowBatchesAndRollbacks()
    {
        // get() at the latest version is answered from memory once read or written; every
        // answer must still be the tree's, across new versions, deletions and a rollback.
        QFETCH(std::size_t, valueCacheBytes);
        auto path = freshPath("latest-values.db");
        auto db = must(storage::Database::open(path));
        SparseMerkleTreeOptions options;
        options.valueCacheBytes = valueCacheBytes;
        auto tree = must(SparseMerkleTree::open(db, options));
        std::mt19937_64 rng(7);
        ReferenceStateTree reference;
        std::vector<Hash256> known;
        auto checkAll = [&](std::uint64_t version) {
            for (const auto& key : known) {
                auto expected = reference.entries.contains(key)
                    ? std::optional<Bytes>(reference.entries.at(key))
                    : std::nullopt;
                QCOMPARE(must(tree.get(version, key)), expected);
            }
        };
        for (std::uint64_t version = 1; version <= 6; ++version) {
            if (version > 1)
                checkAll(version - 1); // also fills the cache with the values about to change
            std::vector<StateUpdate> batch;
            for (int i = 0; i < 20; ++i) {
                if (!known.empty() && i % 4 == 0) { // change or delete an existing entry
                    Hash256 key = known[rng() % known.size()];
                    if (std::ranges::any_of(batch, [&](const auto& u) { return u.path == key; }))
                        continue;
                    batch.push_back({ key, i % 8 == 0 ? std::nullopt : std::optional(randomValue(rng)) });
                } else {
                    auto key = randomPath(rng, known);
                    known.push_back(key);
                    batch.push_back({ key, randomValue(rng) });
                }
            }
            for (const auto& update : batch)
                reference.set(update.path, update.value);
            commitBatch(db, tree, version, batch);
            checkAll(version);
        }

        // A block that is rolled back: inside its transaction the new values show, afterwards
        // the committed ones again.
        auto changed = known[3];
        auto before = must(tree.get(6, changed));
        {
            auto txn = must(storage::Transaction::begin(db));
            QVERIFY(tree.applyBatch(txn, 7, std::vector<StateUpdate> { { changed, bytesOf("gone soon") } }));
            QCOMPARE(must(tree.get(7, changed)), std::optional<Bytes>(bytesOf("gone soon")));
        }
        QCOMPARE(tree.latestVersion(), std::optional<std::uint64_t>(6));
        QCOMPARE(must(tree.get(6, changed)), before);
        checkAll(6);
        QCOMPARE(must(tree.root(6)), reference.root());
        if (valueCacheBytes == 0)
            QCOMPARE(tree.stats().cachedValues, std::size_t { 0 });
        else
            QVERIFY(tree.stats().cachedValues > 0);
    }

    void processKilledMidBatchKeepsLastCommittedVersion()
    {
        auto path = freshPath("crash.db");
        ReferenceStateTree reference;
        std::mt19937_64 rng(5);
        std::vector<std::vector<StateUpdate>> batches(4);
        std::vector<Hash256> known;
        for (auto& batch : batches)
            for (int i = 0; i < 400; ++i) {
                known.push_back(ls::testing::randomPath(rng, known));
                batch.push_back({ known.back(), ls::testing::randomValue(rng) });
            }
        for (int v = 0; v < 3; ++v)
            for (const auto& u : batches[static_cast<std::size_t>(v)])
                reference.set(u.path, u.value);

        pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            auto db = storage::Database::open(path);
            if (!db)
                ::_exit(2);
            auto tree = SparseMerkleTree::open(*db);
            if (!tree)
                ::_exit(3);
            for (std::uint64_t v = 1; v <= 4; ++v) {
                auto txn = storage::Transaction::begin(*db);
                if (!txn || !tree->applyBatch(*txn, v, batches[v - 1]))
                    ::_exit(4);
                if (v == 4)
                    ::_exit(0); // killed after writing batch 4, before its commit
                if (!txn->commit())
                    ::_exit(5);
            }
        }
        int status = 0;
        QCOMPARE(::waitpid(child, &status, 0), child);
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);

        auto db = must(storage::Database::open(path));
        QVERIFY(db.integrityCheck());
        auto tree = must(SparseMerkleTree::open(db));
        QCOMPARE(tree.latestVersion(), std::optional<std::uint64_t>(3));
        QCOMPARE(must(tree.root(3)), reference.root());
        // Nothing of batch 4 survived: with nothing pruned, every row is reachable from a version.
        QCOMPARE(countRows(db, "state_node"), static_cast<std::int64_t>(reachableRows(db).size()));
        QCOMPARE(must(tree.get(3, known[0])), std::optional<Bytes>(reference.entries[known[0]]));
        QCOMPARE(must(tree.get(3, batches[3][0].path)), std::optional<Bytes> {});
        QCOMPARE(commitBatch(db, tree, 4, batches[3]).size(), std::size_t(32));
    }

    void pruneDeletesExactlyTheUnreachableRows()
    {
        auto db = must(storage::Database::openInMemory());
        auto tree = must(SparseMerkleTree::open(db));
        std::mt19937_64 rng(11);
        std::vector<Hash256> known;
        std::vector<ReferenceStateTree> history;
        ReferenceStateTree reference;
        for (std::uint64_t version = 1; version <= 10; ++version) {
            std::vector<StateUpdate> batch;
            std::set<Hash256> used;
            for (int i = 0; i < 30; ++i) {
                Hash256 path = !known.empty() && rng() % 2 == 0
                    ? known[rng() % known.size()]
                    : ls::testing::randomPath(rng, known);
                if (!used.insert(path).second)
                    continue;
                known.push_back(path);
                std::optional<Bytes> value;
                if (rng() % 5 != 0)
                    value = ls::testing::randomValue(rng);
                batch.push_back({ path, value });
                reference.set(path, value);
            }
            commitBatch(db, tree, version, batch);
            history.push_back(reference);
        }
        auto rowsBefore = countRows(db, "state_node");
        {
            auto txn = must(storage::Transaction::begin(db));
            QVERIFY(tree.prune(txn, 6));
            QVERIFY(txn.commit());
        }
        QCOMPARE(tree.oldestVersion(), std::optional<std::uint64_t>(6));
        QVERIFY(countRows(db, "state_node") < rowsBefore);
        // Nothing reachable from versions 6…10 was deleted, and nothing else was kept.
        QCOMPARE(countRows(db, "state_node"), static_cast<std::int64_t>(reachableRows(db).size()));
        auto pruned = tree.root(5);
        QVERIFY(!pruned);
        QCOMPARE(pruned.error().kind, ErrorKind::NotFound);
        QVERIFY(pruned.error().message.find("pruned") != std::string::npos);
        for (std::uint64_t version = 6; version <= 10; ++version) {
            QCOMPARE(must(tree.root(version)), history[version - 1].root());
            for (std::size_t i = 0; i < known.size(); i += 4)
                QVERIFY(
                    must(tree.prove(version, known[i])) == history[version - 1].proof(known[i]));
        }
        // Pruning everything but the latest: only the latest version's rows remain.
        auto txn = must(storage::Transaction::begin(db));
        QVERIFY(tree.prune(txn, 10));
        QVERIFY(txn.commit());
        QCOMPARE(countRows(db, "state_root"), std::int64_t(1));
        QCOMPARE(countRows(db, "state_node"), static_cast<std::int64_t>(reachableRows(db).size()));
        QCOMPARE(countRows(db, "state_stale"), std::int64_t(0));
    }

    void damagedRowIsReported()
    {
        auto db = must(storage::Database::openInMemory());
        {
            auto tree = must(SparseMerkleTree::open(db));
            std::vector<StateUpdate> batch;
            for (std::uint8_t i = 0; i < 40; ++i)
                batch.push_back(
                    { pathFromBits({}, static_cast<std::uint8_t>(i * 6)), bytesOf("v") });
            commitBatch(db, tree, 1, batch);
        }
        // Change one stored value behind the tree's back: the node above it no longer matches
        // its children when it is loaded, which a fresh tree (empty cache) must report.
        QVERIFY(db.exec("UPDATE state_node SET data = data || x'00' WHERE id = "
                        "(SELECT min(id) FROM state_node WHERE substr(data, 1, 1) = x'00')"));
        auto reopened = SparseMerkleTree::open(db);
        std::optional<Error> error = reopened ? std::nullopt : std::optional(reopened.error());
        for (std::uint8_t i = 0; i < 40 && !error; ++i)
            if (auto proof = reopened->prove(1, pathFromBits({}, static_cast<std::uint8_t>(i * 6)));
                !proof)
                error = proof.error();
        QVERIFY(error);
        QCOMPARE(error->kind, ErrorKind::Io);
        QVERIFY2(error->message.find("damaged") != std::string::npos, error->message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestStateTreeStorage)
#include "tst_state_tree_storage.moc"
