#include "core/node/state/SparseMerkleTree.h"
#include "core/storage/Database.h"
#include "core/storage/Transaction.h"

#include <QTemporaryDir>
#include <QTest>

#include "tests/chain/ReferenceStateTree.h"
#include "tests/chain/StateTreeTestSupport.h"
#include <algorithm>
#include <set>

using namespace ls;
using namespace ls::node;
using namespace ls::testing;

class TestSparseMerkleTree : public QObject {
    Q_OBJECT

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

    void largeBatchesMatchTheReference()
    {
        // Batches above BatchUpdate::kParallelThreshold are split between two threads under the
        // root; the result must not tell. Includes a batch entirely under one root child (no
        // split possible) and one that deletes most of the tree.
        std::mt19937_64 rng(77);
        auto db = must(storage::Database::openInMemory());
        auto tree = must(SparseMerkleTree::open(db));
        ReferenceStateTree reference;
        std::vector<Hash256> known;
        auto run = [&](std::uint64_t version, std::vector<StateUpdate> batch) {
            for (const auto& u : batch)
                reference.set(u.path, u.value);
            QCOMPARE(commitBatch(db, tree, version, batch), reference.root());
        };
        std::vector<StateUpdate> batch;
        for (int i = 0; i < 3000; ++i) {
            known.push_back(ls::testing::randomPath(rng, known));
            batch.push_back({ known.back(), ls::testing::randomValue(rng) });
        }
        run(1, batch);
        batch.clear();
        std::set<Hash256> used;
        for (int i = 0; i < 2500; ++i) {
            bool existing = rng() % 3 != 0;
            Hash256 path
                = existing ? known[rng() % known.size()] : ls::testing::randomPath(rng, known);
            if (!used.insert(path).second)
                continue;
            if (!existing)
                known.push_back(path);
            std::optional<Bytes> value;
            if (rng() % 4 != 0)
                value = ls::testing::randomValue(rng);
            batch.push_back({ path, value });
        }
        run(2, batch);
        batch.clear();
        for (int i = 0; i < 1500; ++i) {
            Hash256 path = ls::testing::randomPath(rng, known);
            path[0] = static_cast<std::uint8_t>(0x30 | (path[0] & 0x0f)); // all under nibble 3
            known.push_back(path);
            batch.push_back({ path, ls::testing::randomValue(rng) });
        }
        run(3, batch);
        batch.clear();
        for (std::size_t i = 0; i < known.size(); ++i)
            if (i % 10 != 0)
                batch.push_back({ known[i], std::nullopt });
        run(4, batch);
        for (std::size_t i = 0; i < known.size(); i += 7)
            QVERIFY(must(tree.prove(4, known[i])) == reference.proof(known[i]));

        // Both halves' rows reached the file: a fresh tree with no cache reads the same proofs.
        auto fresh = must(SparseMerkleTree::open(db, { 1 }));
        for (std::size_t i = 0; i < known.size(); i += 7)
            QVERIFY(must(fresh.prove(4, known[i])) == reference.proof(known[i]));
        QCOMPARE(countRows(db, "state_node"), static_cast<std::int64_t>(reachableRows(db).size()));
        // And both halves' stale lists: pruning to the latest keeps exactly its rows.
        auto txn = must(storage::Transaction::begin(db));
        QVERIFY(fresh.prune(txn, 4));
        QVERIFY(txn.commit());
        QCOMPARE(countRows(db, "state_node"), static_cast<std::int64_t>(reachableRows(db).size()));
        QCOMPARE(must(fresh.root(4)), reference.root());
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
};

QTEST_GUILESS_MAIN(TestSparseMerkleTree)
#include "tst_sparse_merkle_tree.moc"
