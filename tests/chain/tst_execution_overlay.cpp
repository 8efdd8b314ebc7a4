#include "core/node/execution/MemoryStateView.h"
#include "core/node/execution/StateOverlay.h"
#include "core/protocol/StateProof.h"

#include <QTest>

#include "tests/chain/ProtocolTestSupport.h"
#include <algorithm>

using namespace ls;
using namespace ls::testing;
using node::MemoryStateView;
using node::StateChange;
using node::StateOverlay;

namespace {

Bytes bytesOf(std::string_view text)
{
    auto view = asBytes(text);
    return Bytes(view.begin(), view.end());
}

// Counts the reads that reach the base, and can be told to fail them.
class CountingView final : public node::StateView {
public:
    Result<std::optional<Bytes>> get(std::uint8_t ns, ByteView key) override
    {
        ++reads;
        if (failing)
            return fail(ErrorKind::Io, "disk on fire");
        return inner.get(ns, key);
    }
    MemoryStateView inner;
    int reads = 0;
    bool failing = false;
};

std::optional<Bytes> read(StateOverlay& overlay, std::uint8_t ns, std::string_view key)
{
    return must(overlay.get(ns, asBytes(key)));
}

StateChange change(std::uint8_t ns, std::string_view key, std::optional<Bytes> value)
{
    return StateChange { protocol::statePath(ns, asBytes(key)), std::move(value) };
}

std::vector<StateChange> sortedByPath(std::vector<StateChange> changes)
{
    std::sort(changes.begin(), changes.end(),
        [](const StateChange& a, const StateChange& b) { return a.path < b.path; });
    return changes;
}

} // namespace

class TestExecutionOverlay : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsFallThroughToTheBaseOnce()
    {
        CountingView base;
        base.inner.set(1, asBytes("alice"), bytesOf("A"));
        StateOverlay overlay(base);
        QCOMPARE(read(overlay, 1, "alice"), std::optional<Bytes>(bytesOf("A")));
        QCOMPARE(read(overlay, 1, "alice"), std::optional<Bytes>(bytesOf("A")));
        QCOMPARE(read(overlay, 1, "bob"), std::optional<Bytes>());
        QCOMPARE(read(overlay, 1, "bob"), std::optional<Bytes>());
        QCOMPARE(base.reads, 2);
        // Namespaces separate keys: the same key bytes in another namespace is another entry.
        QCOMPARE(read(overlay, 2, "alice"), std::optional<Bytes>());
        QVERIFY(overlay.changes().empty());
    }

    void baseErrorsPropagate()
    {
        CountingView base;
        base.failing = true;
        StateOverlay overlay(base);
        QVERIFY(failsWith(overlay.get(1, asBytes("alice")), "disk on fire"));
    }

    void writesAreVisibleAndListedByPath()
    {
        MemoryStateView base;
        base.set(1, asBytes("gone"), bytesOf("old"));
        base.set(1, asBytes("kept"), bytesOf("same"));
        StateOverlay overlay(base);
        overlay.set(1, asBytes("alice"), bytesOf("A"));
        overlay.set(3, asBytes("title"), bytesOf("T"));
        overlay.erase(1, asBytes("gone"));
        QCOMPARE(read(overlay, 1, "alice"), std::optional<Bytes>(bytesOf("A")));
        QCOMPARE(read(overlay, 1, "gone"), std::optional<Bytes>());

        auto expected = sortedByPath({ change(1, "alice", bytesOf("A")),
            change(3, "title", bytesOf("T")), change(1, "gone", std::nullopt) });
        QCOMPARE(overlay.changes(), expected);
        QVERIFY(std::is_sorted(expected.begin(), expected.end(),
            [](const StateChange& a, const StateChange& b) { return a.path < b.path; }));

        base.apply(overlay.changes());
        QCOMPARE(must(base.get(1, asBytes("alice"))), std::optional<Bytes>(bytesOf("A")));
        QCOMPARE(must(base.get(1, asBytes("gone"))), std::optional<Bytes>());
        QCOMPARE(must(base.get(1, asBytes("kept"))), std::optional<Bytes>(bytesOf("same")));
        QCOMPARE(base.entries().size(), std::size_t { 3 });
    }

    void writesThatRestoreTheBaseAreNotChanges()
    {
        MemoryStateView base;
        base.set(1, asBytes("kept"), bytesOf("same"));
        StateOverlay overlay(base);
        QVERIFY(read(overlay, 1, "kept"));
        overlay.set(1, asBytes("kept"), bytesOf("other"));
        overlay.set(1, asBytes("kept"), bytesOf("same"));
        QVERIFY(!read(overlay, 1, "absent"));
        overlay.set(1, asBytes("absent"), bytesOf("x"));
        overlay.erase(1, asBytes("absent"));
        QVERIFY(overlay.changes().empty());
    }

    void orderOfWritesDoesNotMatter()
    {
        MemoryStateView base;
        StateOverlay first(base);
        StateOverlay second(base);
        for (int i = 0; i < 50; ++i) {
            std::string key = "k" + std::to_string(i);
            first.set(1, asBytes(key), bytesOf(key));
        }
        for (int i = 49; i >= 0; --i) {
            std::string key = "k" + std::to_string(i);
            second.set(1, asBytes(key), bytesOf("scratch"));
            second.set(1, asBytes(key), bytesOf(key));
        }
        QCOMPARE(first.changes(), second.changes());
        QCOMPARE(first.changes().size(), std::size_t { 50 });
    }

    void revertUndoesOnlyWritesSinceTheCheckpoint()
    {
        MemoryStateView base;
        base.set(1, asBytes("a"), bytesOf("base"));
        StateOverlay overlay(base);
        overlay.set(1, asBytes("a"), bytesOf("block"));
        auto cp = overlay.checkpoint();
        overlay.set(1, asBytes("a"), bytesOf("tx"));
        overlay.set(1, asBytes("b"), bytesOf("tx"));
        overlay.erase(1, asBytes("a"));
        QVERIFY(overlay.revertTo(cp).has_value());
        QCOMPARE(read(overlay, 1, "a"), std::optional<Bytes>(bytesOf("block")));
        QCOMPARE(read(overlay, 1, "b"), std::optional<Bytes>());
        QCOMPARE(overlay.changes(), std::vector<StateChange> { change(1, "a", bytesOf("block")) });
        QCOMPARE(overlay.openCheckpoints(), std::size_t { 0 });
    }

    void revertRestoresCachedReads()
    {
        MemoryStateView base;
        base.set(1, asBytes("a"), bytesOf("base"));
        StateOverlay overlay(base);
        auto cp = overlay.checkpoint();
        QCOMPARE(read(overlay, 1, "a"), std::optional<Bytes>(bytesOf("base")));
        overlay.set(1, asBytes("a"), bytesOf("tx"));
        QVERIFY(overlay.revertTo(cp).has_value());
        QCOMPARE(read(overlay, 1, "a"), std::optional<Bytes>(bytesOf("base")));
        QVERIFY(overlay.changes().empty());
    }

    void nestedCheckpoints()
    {
        MemoryStateView base;
        StateOverlay overlay(base);
        auto outer = overlay.checkpoint();
        overlay.set(1, asBytes("outer"), bytesOf("1"));
        auto inner = overlay.checkpoint();
        overlay.set(1, asBytes("inner"), bytesOf("2"));
        QCOMPARE(overlay.openCheckpoints(), std::size_t { 2 });

        // Reverting the inner one keeps the outer one's writes and leaves it open.
        QVERIFY(overlay.revertTo(inner).has_value());
        QCOMPARE(overlay.openCheckpoints(), std::size_t { 1 });
        QVERIFY(!read(overlay, 1, "inner"));
        QVERIFY(read(overlay, 1, "outer"));

        // A committed inner checkpoint is still undone by reverting the outer one.
        auto again = overlay.checkpoint();
        overlay.set(1, asBytes("inner"), bytesOf("3"));
        QVERIFY(overlay.commit(again).has_value());
        QVERIFY(read(overlay, 1, "inner"));
        QVERIFY(overlay.revertTo(outer).has_value());
        QVERIFY(!read(overlay, 1, "inner"));
        QVERIFY(!read(overlay, 1, "outer"));
        QVERIFY(overlay.changes().empty());
    }

    void committingTheOuterCheckpointClosesInnerOnes()
    {
        MemoryStateView base;
        StateOverlay overlay(base);
        auto outer = overlay.checkpoint();
        auto inner = overlay.checkpoint();
        overlay.set(1, asBytes("x"), bytesOf("1"));
        QVERIFY(overlay.commit(outer).has_value());
        QCOMPARE(overlay.openCheckpoints(), std::size_t { 0 });
        QVERIFY(failsWith(overlay.revertTo(inner), "already reverted or committed"));
        QVERIFY(failsWith(overlay.commit(outer), "already reverted or committed"));
        QCOMPARE(overlay.changes(), std::vector<StateChange> { change(1, "x", bytesOf("1")) });
    }

    void overlaysStack()
    {
        MemoryStateView base;
        base.set(1, asBytes("a"), bytesOf("base"));
        StateOverlay block(base);
        block.set(1, asBytes("a"), bytesOf("block"));
        StateOverlay call(block);
        QCOMPARE(read(call, 1, "a"), std::optional<Bytes>(bytesOf("block")));
        call.set(1, asBytes("a"), bytesOf("call"));
        QCOMPARE(read(block, 1, "a"), std::optional<Bytes>(bytesOf("block")));
    }
};

QTEST_GUILESS_MAIN(TestExecutionOverlay)
#include "tst_execution_overlay.moc"
