#include "core/crypto/Keccak.h"
#include "core/protocol/MerkleList.h"
#include "core/protocol/MerkleProof.h"

#include <QTest>

#include "tests/chain/ProtocolTestSupport.h"

using namespace ls;
using namespace ls::testing;
using protocol::MerkleList;
using protocol::MerkleProof;

// Expected roots and paths are recomputed here from the formula of docs/protocol.md §5, written
// out by hand for each size (L = leaf, N = node), and for larger lists by a second construction
// (level by level, promoting an unpaired last node), which RFC 6962's tree shape equals.
namespace {

Hash256 L(ByteView item)
{
    return crypto::keccak256(concat({ Bytes { 0x00 }, item }));
}

Hash256 N(const Hash256& left, const Hash256& right)
{
    return crypto::keccak256(concat({ Bytes { 0x01 }, left, right }));
}

std::vector<Bytes> items(std::size_t count)
{
    std::vector<Bytes> out;
    for (std::size_t i = 0; i < count; ++i)
        out.push_back(Bytes(i % 3 + 1, static_cast<std::uint8_t>(0xa0 + i))); // varied lengths
    return out;
}

Hash256 levelByLevelRoot(const std::vector<Bytes>& list)
{
    if (list.empty())
        return crypto::keccak256({});
    std::vector<Hash256> level;
    for (const auto& item : list)
        level.push_back(L(item));
    while (level.size() > 1) {
        std::vector<Hash256> up;
        for (std::size_t i = 0; i + 1 < level.size(); i += 2)
            up.push_back(N(level[i], level[i + 1]));
        if (level.size() % 2 == 1)
            up.push_back(level.back());
        level = up;
    }
    return level[0];
}

Bytes encodeRaw(const Bytes& index, const Bytes& count, const std::vector<Bytes>& siblings)
{
    return listOf({ index, count, listOf(siblings) });
}

} // namespace

class TestMerkleList : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void emptyList()
    {
        // keccak("") — the well-known constant.
        QCOMPARE(hexOf(MerkleList::root({})),
            std::string("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470"));
        QCOMPARE(MerkleList::emptyRoot(), MerkleList::root({}));
        QVERIFY(failsWith(MerkleList::proveIndex({}, 0), "the list has 0 items"));
    }

    void smallListsByHand()
    {
        const auto d = items(8);
        const Hash256 l0 = L(d[0]), l1 = L(d[1]), l2 = L(d[2]), l3 = L(d[3]), l4 = L(d[4]),
                      l5 = L(d[5]), l6 = L(d[6]), l7 = L(d[7]);
        auto first = [&](std::ptrdiff_t n) { return std::vector<Bytes>(d.begin(), d.begin() + n); };

        QCOMPARE(MerkleList::leafHash(d[0]), l0);
        QCOMPARE(MerkleList::nodeHash(l0, l1), N(l0, l1));
        QCOMPARE(MerkleList::root(first(1)), l0);
        QCOMPARE(MerkleList::root(first(2)), N(l0, l1));
        QCOMPARE(MerkleList::root(first(3)), N(N(l0, l1), l2));
        QCOMPARE(MerkleList::root(first(5)), N(N(N(l0, l1), N(l2, l3)), l4));
        QCOMPARE(MerkleList::root(first(7)), N(N(N(l0, l1), N(l2, l3)), N(N(l4, l5), l6)));
        QCOMPARE(MerkleList::root(first(8)), N(N(N(l0, l1), N(l2, l3)), N(N(l4, l5), N(l6, l7))));

        // Audit paths, bottom-up.
        using Path = std::vector<Hash256>;
        QCOMPARE(must(MerkleList::proveIndex(first(1), 0)).path, Path {});
        QCOMPARE(must(MerkleList::proveIndex(first(2), 1)).path, Path { l0 });
        QCOMPARE(must(MerkleList::proveIndex(first(3), 2)).path, Path { N(l0, l1) });
        QCOMPARE(must(MerkleList::proveIndex(first(3), 0)).path, (Path { l1, l2 }));
        QCOMPARE(must(MerkleList::proveIndex(first(5), 4)).path, Path { N(N(l0, l1), N(l2, l3)) });
        QCOMPARE(must(MerkleList::proveIndex(first(5), 2)).path, (Path { l3, N(l0, l1), l4 }));
        QCOMPARE(must(MerkleList::proveIndex(first(8), 5)).path,
            (Path { l4, N(l6, l7), N(N(l0, l1), N(l2, l3)) }));
        QCOMPARE(must(MerkleList::proveIndex(first(7), 6)).path,
            (Path { N(l4, l5), N(N(l0, l1), N(l2, l3)) }));
    }

    void everyProofVerifiesAndTamperingFails_data()
    {
        QTest::addColumn<int>("count");
        for (int n : { 1, 2, 3, 4, 5, 6, 7, 8, 9, 13, 16, 17, 31, 33 })
            QTest::newRow(std::to_string(n).c_str()) << n;
    }

    void everyProofVerifiesAndTamperingFails()
    {
        QFETCH(int, count);
        const auto list = items(static_cast<std::size_t>(count));
        const Hash256 root = MerkleList::root(list);
        QCOMPARE(root, levelByLevelRoot(list));
        const auto n = static_cast<std::uint64_t>(count);
        for (std::uint64_t i = 0; i < n; ++i) {
            const MerkleProof proof = must(MerkleList::proveIndex(list, i));
            QCOMPARE(proof.index, i);
            QCOMPARE(proof.count, n);
            QCOMPARE(proof.path.size(), MerkleList::proofLength(i, n));
            auto ok = MerkleList::verify(root, list[i], proof);
            QVERIFY2(ok, ok ? "" : ok.error().message.c_str());
            QCOMPARE(must(MerkleProof::decode(proof.encode())), proof);

            // Another item, or this item at any other index, does not verify.
            for (std::uint64_t j = 0; j < n; ++j) {
                if (j == i)
                    continue;
                QVERIFY(!MerkleList::verify(root, list[j], proof));
                QVERIFY(!MerkleList::verify(root, list[i], j, n, proof.path));
            }
            Bytes changed = list[i];
            changed.push_back(0);
            QVERIFY(failsWith(
                MerkleList::verify(root, changed, proof), "does not lead to the trusted root"));
            // Another count that changes the proof's length is refused. (One that keeps the
            // same path shape can verify: the root does not commit to the count — see
            // countIsNotCommittedByTheRoot.)
            for (std::uint64_t otherCount : { n - 1, n + 1, n + 2, 2 * n }) {
                if (otherCount == n || i >= otherCount
                    || MerkleList::proofLength(i, otherCount) == proof.path.size())
                    continue;
                QVERIFY(failsWith(MerkleList::verify(root, list[i], i, otherCount, proof.path),
                    "sibling hashes, but item"));
            }
            QVERIFY(failsWith(MerkleList::verify(root, list[i], n, n, proof.path),
                "is not below the item count"));
            // Each sibling matters.
            for (std::size_t s = 0; s < proof.path.size(); ++s) {
                MerkleProof bad = proof;
                bad.path[s][7] ^= 0x10;
                QVERIFY(failsWith(
                    MerkleList::verify(root, list[i], bad), "does not lead to the trusted root"));
            }
            if (!proof.path.empty()) {
                MerkleProof shorter = proof;
                shorter.path.pop_back();
                QVERIFY(failsWith(
                    MerkleList::verify(root, list[i], shorter), "sibling hashes, but item"));
            }
            MerkleProof longer = proof;
            longer.path.push_back(root);
            QVERIFY(
                failsWith(MerkleList::verify(root, list[i], longer), "sibling hashes, but item"));
            // A proof for the root of another list.
            QVERIFY(!MerkleList::verify(
                levelByLevelRoot(items(static_cast<std::size_t>(count) + 1)), list[i], proof));
        }
        QVERIFY(failsWith(MerkleList::proveIndex(list, n), "Cannot prove item"));
    }

    void countIsNotCommittedByTheRoot()
    {
        // RFC 6962 roots do not commit to the number of leaves (Certificate Transparency signs
        // the tree size next to the root). So with a claimed count the proof's index is only
        // meaningful when the verifier trusts the count; membership itself is always sound
        // (docs/protocol.md §5). Here item 2 of 3 also verifies as "item 1 of 2", and item 0 of
        // 3 as "item 0 of 4".
        const auto list = items(3);
        const Hash256 root = MerkleList::root(list);
        QVERIFY(MerkleList::verify(root, list[2], 1, 2, must(MerkleList::proveIndex(list, 2)).path)
                    .has_value());
        QVERIFY(MerkleList::verify(root, list[0], 0, 4, must(MerkleList::proveIndex(list, 0)).path)
                    .has_value());
        // With the true count, no other index verifies (checked for every index above).
        QVERIFY(
            !MerkleList::verify(root, list[2], 1, 3, must(MerkleList::proveIndex(list, 2)).path));
    }

    void largerListsAgreeWithLevelByLevel()
    {
        for (std::size_t n = 1; n <= 70; ++n) {
            const auto list = items(n);
            const Hash256 root = MerkleList::root(list);
            QCOMPARE(root, levelByLevelRoot(list));
            for (std::uint64_t i = 0; i < n; i += 7)
                QVERIFY(MerkleList::verify(root, list[i], must(MerkleList::proveIndex(list, i)))
                            .has_value());
        }
    }

    void proofLengths()
    {
        QCOMPARE(MerkleList::proofLength(0, 1), std::size_t { 0 });
        QCOMPARE(MerkleList::proofLength(4, 5), std::size_t { 1 });
        QCOMPARE(MerkleList::proofLength(0, 5), std::size_t { 3 });
        QCOMPARE(MerkleList::proofLength(0, ~0ULL), std::size_t { 64 });
        // The last of 2^64 - 1 leaves: right subtrees of 2^63 - 1, 2^62 - 1, … 1 leaves.
        QCOMPARE(MerkleList::proofLength(~0ULL - 1, ~0ULL), std::size_t { 63 });
        QCOMPARE(MerkleList::proofLength(0, 1ULL << 63), std::size_t { 63 });
    }

    void proofDecodeRejects_data()
    {
        QTest::addColumn<Bytes>("encoded");
        QTest::addColumn<QString>("message");
        const auto list = items(5);
        const MerkleProof proof = must(MerkleList::proveIndex(list, 2)); // 3 siblings
        const Bytes good = proof.encode();
        std::vector<Bytes> siblings;
        for (const auto& s : proof.path)
            siblings.push_back(bytesItem(s));
        Bytes trailing = good;
        trailing.push_back(0x80);
        auto fewer = siblings;
        fewer.pop_back();
        auto more = siblings;
        more.push_back(siblings[0]);
        auto shortSibling = siblings;
        shortSibling[1] = bytesItem(Bytes(31, 1));

        QTest::newRow("trailing byte") << trailing << "1 bytes follow the item";
        QTest::newRow("index = count")
            << encodeRaw(uintItem(5), uintItem(5), {}) << "index 5 is not below the item count 5";
        QTest::newRow("count 0") << encodeRaw(uintItem(0), uintItem(0), {})
                                 << "index 0 is not below the item count 0";
        QTest::newRow("too few siblings") << encodeRaw(uintItem(2), uintItem(5), fewer)
                                          << "it has 2 sibling hashes, but item 2 of 5 needs 3";
        QTest::newRow("too many siblings")
            << encodeRaw(uintItem(2), uintItem(5), more) << "it has 4 sibling hashes";
        QTest::newRow("single item with a sibling")
            << encodeRaw(uintItem(0), uintItem(1), { siblings[0] }) << "needs 0";
        QTest::newRow("sibling of 31 bytes") << encodeRaw(uintItem(2), uintItem(5),
            shortSibling) << "field 'path': sibling 1: Expected an RLP byte string of 32 bytes";
        QTest::newRow("index with leading zero") << encodeRaw(hex("0x820002"), uintItem(5),
            siblings) << "field 'index': An RLP integer has a leading zero";
        QTest::newRow("count over 64 bits")
            << encodeRaw(uintItem(2), uintItem(codec::UInt256(1) << 64), siblings)
            << "field 'count'";
        QTest::newRow("path not a list") << listOf({ uintItem(2), uintItem(5), Bytes { 0x80 } })
                                         << "field 'path': Expected an RLP list";
        QTest::newRow("2 fields") << listOf({ uintItem(2), uintItem(5) })
                                  << "expected 3 fields [index, count, path]";
    }

    void proofDecodeRejects()
    {
        QFETCH(Bytes, encoded);
        QFETCH(QString, message);
        QVERIFY(failsWith(MerkleProof::decode(encoded), message.toStdString()));
    }

    void proofEncoding()
    {
        // rlp([index, count, [siblings bottom-up]]) built by hand.
        const auto list = items(3);
        const MerkleProof proof = must(MerkleList::proveIndex(list, 0));
        QCOMPARE(proof.encode(),
            encodeRaw(uintItem(0), uintItem(3), { bytesItem(L(list[1])), bytesItem(L(list[2])) }));
    }
};

QTEST_GUILESS_MAIN(TestMerkleList)
#include "tst_merkle_list.moc"
