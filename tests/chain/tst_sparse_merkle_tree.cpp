#include "core/node/state/SparseMerkleTree.h"
#include "core/node/state/StateStore.h"
#include "core/storage/Database.h"
#include "core/storage/Statement.h"
#include "core/storage/Transaction.h"

#include <QTemporaryDir>
#include <QTest>

#include "tests/chain/ReferenceStateTree.h"
#include <algorithm>
#include <set>
#include <sys/wait.h>
#include <unistd.h>

using namespace ls;
using namespace ls::node;
using ls::testing::ReferenceStateTree;
using ls::testing::refLeafHash;
using ls::testing::refNodeHash;

namespace {

Hash256 pathFromBits(
    std::initializer_list<std::pair<std::size_t, bool>> bits, std::uint8_t fill = 0)
{
    Hash256 path;
    path.fill(fill);
    for (auto [index, set] : bits) {
        auto mask = static_cast<std::uint8_t>(0x80 >> (index % 8));
        path[index / 8]
            = static_cast<std::uint8_t>(set ? path[index / 8] | mask : path[index / 8] & ~mask);
    }
    return path;
}

Bytes bytesOf(const char* text)
{
    auto view = asBytes(text);
    return Bytes(view.begin(), view.end());
}

template <typename T> T must(Result<T> result)
{
    if (!result)
        qFatal("unexpected error: %s", result.error().message.c_str());
    return std::move(*result);
}

// Applies one batch in its own committed transaction, as the node does per block.
Hash256 commitBatch(storage::Database& db, SparseMerkleTree& tree, std::uint64_t version,
    const std::vector<StateUpdate>& updates)
{
    auto txn = must(storage::Transaction::begin(db));
    Hash256 root = must(tree.applyBatch(txn, version, updates));
    auto committed = txn.commit();
    if (!committed)
        qFatal("commit failed: %s", committed.error().message.c_str());
    return root;
}

std::int64_t countRows(storage::Database& db, const char* table)
{
    auto stmt = must(db.prepare(std::string("SELECT count(*) FROM ") + table));
    (void)must(stmt.step());
    return stmt.columnInt64(0);
}

// Every row reachable from the kept roots, found by reading the raw rows (not through the tree).
std::set<std::int64_t> reachableRows(storage::Database& db)
{
    node::StateStore store(db);
    std::set<std::int64_t> seen;
    std::vector<NodeId> stack;
    auto roots = must(db.prepare("SELECT root_id FROM state_root WHERE root_id != 0"));
    while (must(roots.step()))
        stack.push_back(static_cast<NodeId>(roots.columnInt64(0)));
    while (!stack.empty()) {
        NodeId id = stack.back();
        stack.pop_back();
        if (!seen.insert(static_cast<std::int64_t>(id)).second)
            continue;
        Bytes row = must(store.readRow(id));
        if (!StateStore::isLeafRow(row))
            for (NodeId child : must(StateStore::decodeInternal(row)).childIds)
                stack.push_back(child);
    }
    return seen;
}

} // namespace

class TestSparseMerkleTree : public QObject {
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
    void emptyStateRootIsE()
    {
        auto db = must(storage::Database::openInMemory());
        auto tree = must(SparseMerkleTree::open(db));
        QVERIFY(!tree.latestVersion());
        QCOMPARE(commitBatch(db, tree, 1, {}), Hash256 {});
        QCOMPARE(tree.latestVersion(), std::optional<std::uint64_t>(1));
    }

    void handComputedRoots()
    {
        auto db = must(storage::Database::openInMemory());
        auto tree = must(SparseMerkleTree::open(db));
        Bytes va = bytesOf("alpha");
        Bytes vb = bytesOf("beta");

        // One leaf: the root is the leaf's hash, whatever its path.
        Hash256 a = pathFromBits({ { 0, false } }, 0x5a);
        QCOMPARE(commitBatch(db, tree, 1, { { a, va } }), refLeafHash(a, va));

        // Two leaves differing at bit 0: keccak(0x01 ‖ leafA ‖ leafB).
        Hash256 b = pathFromBits({ { 0, true } }, 0x5a);
        Hash256 expected = refNodeHash(refLeafHash(a, va), refLeafHash(b, vb));
        QCOMPARE(commitBatch(db, tree, 2, { { b, vb } }), expected);

        // Back to one leaf: the survivor collapses up to the root again.
        QCOMPARE(commitBatch(db, tree, 3, { { a, std::nullopt } }), refLeafHash(b, vb));

        // Two leaves sharing bits 0…4 and differing at bit 5 (inside the first nibble): five
        // levels of internal nodes with an empty right sibling above their split.
        Hash256 c = pathFromBits({ { 5, false } }, 0x00);
        Hash256 d = pathFromBits({ { 5, true } }, 0x00);
        Hash256 h = refNodeHash(refLeafHash(c, va), refLeafHash(d, vb));
        for (int level = 0; level < 5; ++level)
            h = refNodeHash(h, Hash256 {});
        QCOMPARE(commitBatch(db, tree, 4, { { b, std::nullopt }, { c, va }, { d, vb } }), h);

        // Two leaves differing only in the last bit: 255 internal levels, leaves at depth 256.
        Hash256 e = pathFromBits({ { 255, false } }, 0xff);
        Hash256 f = pathFromBits({ { 255, true } }, 0xff);
        h = refNodeHash(refLeafHash(e, va), refLeafHash(f, vb));
        for (int level = 0; level < 255; ++level)
            h = refNodeHash(Hash256 {}, h);
        QCOMPARE(commitBatch(db, tree, 5,
                     { { c, std::nullopt }, { d, std::nullopt }, { e, va }, { f, vb } }),
            h);
        QCOMPARE(must(tree.get(5, e)), std::optional<Bytes>(va));
        QCOMPARE(must(tree.get(5, f)), std::optional<Bytes>(vb));
        QCOMPARE(must(tree.prove(5, f)).depth(), std::size_t(256));
    }

    void rootDoesNotDependOnOrder()
    {
        std::mt19937_64 rng(7);
        std::vector<Hash256> paths;
        std::vector<StateUpdate> inserts;
        for (int i = 0; i < 300; ++i) {
            paths.push_back(ls::testing::randomPath(rng, paths));
            inserts.push_back({ paths.back(), ls::testing::randomValue(rng) });
        }
        ReferenceStateTree reference;
        for (const auto& u : inserts)
            reference.set(u.path, u.value);

        for (int round = 0; round < 4; ++round) {
            auto db = must(storage::Database::openInMemory());
            auto tree = must(SparseMerkleTree::open(db));
            std::shuffle(inserts.begin(), inserts.end(), rng);
            // Split into uneven batches: order across batches must not matter either.
            std::uint64_t version = 0;
            Hash256 root {};
            for (std::size_t at = 0; at < inserts.size();) {
                std::size_t take = std::min<std::size_t>(inserts.size() - at, 1 + rng() % 90);
                root = commitBatch(db, tree, ++version,
                    { inserts.begin() + static_cast<std::ptrdiff_t>(at),
                        inserts.begin() + static_cast<std::ptrdiff_t>(at + take) });
                at += take;
            }
            QCOMPARE(root, reference.root());

            // Delete everything back, in another random order: the empty root E again.
            std::vector<StateUpdate> deletes;
            for (const auto& u : inserts)
                deletes.push_back({ u.path, std::nullopt });
            std::shuffle(deletes.begin(), deletes.end(), rng);
            for (std::size_t at = 0; at < deletes.size();) {
                std::size_t take = std::min<std::size_t>(deletes.size() - at, 1 + rng() % 90);
                root = commitBatch(db, tree, ++version,
                    { deletes.begin() + static_cast<std::ptrdiff_t>(at),
                        deletes.begin() + static_cast<std::ptrdiff_t>(at + take) });
                at += take;
            }
            QCOMPARE(root, Hash256 {});
        }
    }

    void randomizedCrossCheckAgainstReference()
    {
        std::mt19937_64 rng(2024);
        // A tiny cache forces most reads through SQLite and the load-time hash check.
        for (std::size_t cacheBytes : { std::size_t { 256 } << 20, std::size_t { 1 } }) {
            auto db = must(storage::Database::openInMemory());
            auto tree = must(SparseMerkleTree::open(db, { cacheBytes }));
            ReferenceStateTree reference;
            std::vector<Hash256> known;
            std::vector<ReferenceStateTree> history;
            for (std::uint64_t version = 1; version <= 40; ++version) {
                std::vector<StateUpdate> batch;
                std::set<Hash256> used;
                std::size_t size = rng() % 25;
                for (std::size_t i = 0; i < size; ++i) {
                    Hash256 path = !known.empty() && rng() % 2 == 0
                        ? known[rng() % known.size()]
                        : ls::testing::randomPath(rng, known);
                    if (!used.insert(path).second)
                        continue;
                    known.push_back(path);
                    std::optional<Bytes> value;
                    if (rng() % 4 != 0)
                        value = ls::testing::randomValue(rng);
                    batch.push_back({ path, value });
                    reference.set(path, value);
                }
                QCOMPARE(commitBatch(db, tree, version, batch), reference.root());
                history.push_back(reference);
            }
            // Every version: root, values and exact proofs (the spec's, sibling for sibling).
            for (std::uint64_t version = 1; version <= 40; ++version) {
                const auto& snapshot = history[version - 1];
                QCOMPARE(must(tree.root(version)), snapshot.root());
                for (std::size_t i = version % 2; i < known.size(); i += 2) {
                    const Hash256& path = known[i];
                    auto found = snapshot.entries.find(path);
                    auto value = must(tree.get(version, path));
                    QCOMPARE(value.has_value(), found != snapshot.entries.end());
                    if (value)
                        QCOMPARE(*value, found->second);
                    auto proof = must(tree.prove(version, path));
                    QVERIFY(proof == snapshot.proof(path));
                }
            }
        }
    }

    void rewritingTheSameValueChangesNothing()
    {
        auto db = must(storage::Database::openInMemory());
        auto tree = must(SparseMerkleTree::open(db));
        Hash256 a = pathFromBits({}, 0x11);
        Hash256 b = pathFromBits({}, 0x22);
        Hash256 root = commitBatch(db, tree, 1, { { a, bytesOf("x") }, { b, bytesOf("y") } });
        auto rows = countRows(db, "state_node");
        QCOMPARE(commitBatch(db, tree, 2,
                     { { a, bytesOf("x") }, { pathFromBits({}, 0x33), std::nullopt } }),
            root);
        QCOMPARE(countRows(db, "state_node"), rows);
    }

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

    void refusesBadCalls()
    {
        auto db = must(storage::Database::openInMemory());
        auto other = must(storage::Database::openInMemory());
        auto tree = must(SparseMerkleTree::open(db));
        Hash256 a = pathFromBits({}, 0x01);
        commitBatch(db, tree, 5, { { a, bytesOf("v") } });

        auto txn = must(storage::Transaction::begin(db));
        auto stale = tree.applyBatch(txn, 5, std::vector<StateUpdate> {});
        QVERIFY(!stale);
        QCOMPARE(stale.error().kind, ErrorKind::InvalidInput);
        auto twice = tree.applyBatch(
            txn, 6, std::vector<StateUpdate> { { a, bytesOf("1") }, { a, std::nullopt } });
        QVERIFY(!twice);
        QVERIFY(twice.error().message.find("twice") != std::string::npos);
        QVERIFY(!tree.prune(txn, 7));
        auto foreign = must(storage::Transaction::begin(other));
        QVERIFY(!tree.applyBatch(foreign, 6, std::vector<StateUpdate> {}));
        QCOMPARE(tree.latestVersion(), std::optional<std::uint64_t>(5));
        QCOMPARE(tree.root(6).error().kind, ErrorKind::NotFound);
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

QTEST_GUILESS_MAIN(TestSparseMerkleTree)
#include "tst_sparse_merkle_tree.moc"
