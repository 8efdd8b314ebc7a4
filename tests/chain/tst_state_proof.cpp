#include "core/codec/Hex.h"
#include "core/codec/RlpEncoder.h"
#include "core/crypto/Keccak.h"
#include "core/node/state/SparseMerkleTree.h"
#include "core/protocol/StateProof.h"
#include "core/storage/Database.h"
#include "core/storage/Transaction.h"

#include <QTest>

#include "tests/chain/ReferenceStateTree.h"
#include <functional>

using namespace ls;
using ls::protocol::StateProof;
using ls::testing::refLeafHash;
using ls::testing::refNodeHash;

namespace {

template <typename T> T must(Result<T> result)
{
    if (!result)
        qFatal("unexpected error: %s", result.error().message.c_str());
    return std::move(*result);
}

Hash256 filled(std::uint8_t byte)
{
    Hash256 h;
    h.fill(byte);
    return h;
}

Bytes bytesOf(const char* text)
{
    auto view = asBytes(text);
    return Bytes(view.begin(), view.end());
}

// rlp([d, bitmap, siblings, terminal]) built by hand, so malformed variants can be made too.
Bytes encodeRaw(std::uint64_t depth, ByteView bitmap, const std::vector<Hash256>& siblings,
    const std::vector<ByteView>& terminal)
{
    codec::RlpEncoder rlp;
    rlp.beginList();
    rlp.addUInt(depth);
    rlp.addBytes(bitmap);
    rlp.beginList();
    for (const auto& s : siblings)
        rlp.addBytes(s);
    rlp.endList();
    rlp.beginList();
    for (auto t : terminal)
        rlp.addBytes(t);
    rlp.endList();
    rlp.endList();
    return rlp.finish();
}

// A tree with a few entries, several versions, and the paths the tests ask about.
struct Fixture {
    storage::Database db = must(storage::Database::openInMemory());
    node::SparseMerkleTree tree = must(node::SparseMerkleTree::open(db));
    std::vector<ls::testing::ReferenceStateTree> versions;
    std::vector<Hash256> present;

    Fixture()
    {
        std::mt19937_64 rng(3);
        ls::testing::ReferenceStateTree reference;
        for (std::uint64_t version = 1; version <= 3; ++version) {
            std::vector<node::StateUpdate> batch;
            for (int i = 0; i < 40; ++i) {
                present.push_back(ls::testing::randomPath(rng, present));
                batch.push_back({ present.back(), ls::testing::randomValue(rng) });
                reference.set(batch.back().path, batch.back().value);
            }
            if (version == 3) { // and some deletions
                for (int i = 0; i < 10; ++i) {
                    batch.push_back({ present[static_cast<std::size_t>(i)], std::nullopt });
                    reference.set(present[static_cast<std::size_t>(i)], std::nullopt);
                }
            }
            auto txn = must(storage::Transaction::begin(db));
            (void)must(tree.applyBatch(txn, version, batch));
            (void)txn.commit();
            versions.push_back(reference);
        }
    }
};

} // namespace

class TestStateProof : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void statePathIsKeccakOfNamespaceAndKey()
    {
        Bytes key = bytesOf("0x-some-account");
        Bytes joined { 0x02 };
        joined.insert(joined.end(), key.begin(), key.end());
        QCOMPARE(protocol::statePath(0x02, key), crypto::keccak256(joined));
        QVERIFY(protocol::statePath(0x02, key) != protocol::statePath(0x03, key));
        // keccak(0x00) — a known constant:
        // bc36789e7a1e281436464229828f817d6612f7b477d66591ff96a9e064bcc98a
        QCOMPARE(protocol::statePath(0x00, {}),
            must(codec::fromHexFixed<32>(
                "bc36789e7a1e281436464229828f817d6612f7b477d66591ff96a9e064bcc98a")));
    }

    void encodingKnownAnswers()
    {
        // Empty state: d = 0, no bitmap, no siblings, Empty terminal.
        QCOMPARE(StateProof {}.encode(), (Bytes { 0xc4, 0x80, 0x80, 0xc0, 0xc0 }));

        // d = 3, siblings [X, E, Y], leaf terminal: bitmap 1010 0000, E left out.
        StateProof proof;
        proof.siblings = { filled(0xaa), Hash256 {}, filled(0xbb) };
        proof.terminal = protocol::StateLeaf { filled(0x11), filled(0x22) };
        Bytes expected { 0xf8, 0x8b, 0x03, 0x81, 0xa0, 0xf8, 0x42, 0xa0 };
        expected.insert(expected.end(), 32, 0xaa);
        expected.push_back(0xa0);
        expected.insert(expected.end(), 32, 0xbb);
        expected.insert(expected.end(), { 0xf8, 0x42, 0xa0 });
        expected.insert(expected.end(), 32, 0x11);
        expected.push_back(0xa0);
        expected.insert(expected.end(), 32, 0x22);
        QCOMPARE(proof.encode(), expected);
        QVERIFY(must(StateProof::decode(expected)) == proof);
    }

    void treeProofsVerifyAtEveryVersion()
    {
        Fixture f;
        std::size_t onEmpty = 0, onOtherLeaf = 0;
        std::mt19937_64 rng(8);
        for (std::uint64_t version = 1; version <= 3; ++version) {
            const auto& snapshot = f.versions[version - 1];
            Hash256 root = must(f.tree.root(version));
            QCOMPARE(root, snapshot.root());
            // Present paths (inclusion) and absent ones (non-inclusion): later versions' paths,
            // deleted paths, random paths and paths next to present ones.
            std::vector<Hash256> asked = f.present;
            for (int i = 0; i < 60; ++i)
                asked.push_back(ls::testing::randomPath(rng, f.present));
            for (const auto& path : asked) {
                StateProof proof = must(f.tree.prove(version, path));
                StateProof decoded = must(StateProof::decode(proof.encode()));
                QVERIFY(decoded == proof);
                auto entry = snapshot.entries.find(path);
                if (entry != snapshot.entries.end()) {
                    QVERIFY(decoded.verifyInclusion(root, path, entry->second));
                    QVERIFY(!decoded.verifyNonInclusion(root, path));
                    Bytes other = entry->second;
                    other.push_back(0);
                    QCOMPARE(decoded.verifyInclusion(root, path, other).error().kind,
                        ErrorKind::Verification);
                } else {
                    auto ok = decoded.verifyNonInclusion(root, path);
                    QVERIFY2(ok, ok ? "" : ok.error().message.c_str());
                    QVERIFY(!decoded.verifyInclusion(root, path, {}));
                    (decoded.terminal ? onOtherLeaf : onEmpty)++;
                }
                // A proof is bound to its version's root: against the previous root, nothing.
                Hash256 previous = must(f.tree.root(version == 1 ? 3 : version - 1));
                QVERIFY(previous != root);
                QVERIFY(!decoded.verifyNonInclusion(previous, path));
                if (entry != snapshot.entries.end())
                    QVERIFY(!decoded.verifyInclusion(previous, path, entry->second));
            }
        }
        QVERIFY(onEmpty > 0);
        QVERIFY(onOtherLeaf > 0);
    }

    void everyTamperingIsRejected()
    {
        // Two leaves under a common prefix plus one far away, so the proof has E and non-E
        // siblings: a = 000…, b = 001…, c = 1….
        Hash256 a = filled(0x00), b = filled(0x00), c = filled(0xff);
        b[0] = 0x20;
        Bytes va = bytesOf("a"), vb = bytesOf("b"), vc = bytesOf("c");
        Hash256 root = refNodeHash(
            refNodeHash(refNodeHash(refLeafHash(a, va), refLeafHash(b, vb)), Hash256 {}),
            refLeafHash(c, vc));
        StateProof good;
        good.siblings = { refLeafHash(c, vc), Hash256 {}, refLeafHash(b, vb) };
        good.terminal = protocol::StateLeaf { a, crypto::keccak256(va) };
        QVERIFY(good.verifyInclusion(root, a, va));
        Bytes encoded = good.encode();

        auto rejectedByVerify = [&](const StateProof& p, const char* what) {
            auto r = p.verifyInclusion(root, a, va);
            QVERIFY2(!r, what);
            QCOMPARE(r.error().kind, ErrorKind::Verification);
        };
        {
            StateProof p = good;
            p.siblings[0][5] ^= 0x01;
            rejectedByVerify(p, "flipped sibling");
        }
        QVERIFY(!good.verifyInclusion(root, a, vb)); // wrong value
        {
            StateProof p = good;
            p.terminal.reset();
            rejectedByVerify(p, "Empty terminal");
            p.terminal = protocol::StateLeaf { b, crypto::keccak256(vb) };
            rejectedByVerify(p, "other leaf as terminal");
            p.terminal = protocol::StateLeaf { a, crypto::keccak256(vb) };
            rejectedByVerify(p, "wrong value hash in terminal");
        }
        {
            StateProof p = good;
            p.siblings.pop_back();
            rejectedByVerify(p, "truncated siblings");
            p = good;
            p.siblings.push_back(Hash256 {});
            rejectedByVerify(p, "extra E sibling");
            p = good;
            p.siblings.push_back(filled(0x42));
            rejectedByVerify(p, "extra sibling");
            p = good;
            p.siblings.resize(257, Hash256 {});
            rejectedByVerify(p, "deeper than 256");
        }
        QVERIFY(!good.verifyInclusion(filled(0x01), a, va)); // other root

        // Malformed encodings: each refused by the decoder with InvalidInput.
        auto refused = [](const Bytes& bytes, const char* what) {
            auto decoded = StateProof::decode(bytes);
            QVERIFY2(!decoded, what);
            QCOMPARE(decoded.error().kind, ErrorKind::InvalidInput);
        };
        Hash256 valueHash = crypto::keccak256(va);
        std::vector<ByteView> leaf { a, valueHash };
        std::vector<Hash256> nonEmpty { refLeafHash(c, vc), refLeafHash(b, vb) };
        QCOMPARE(encodeRaw(3, Bytes { 0xa0 }, nonEmpty, leaf), encoded); // the canonical form
        refused(encodeRaw(3, Bytes { 0xa1 }, nonEmpty, leaf), "bitmap bit past d");
        refused(encodeRaw(3, Bytes { 0xa0, 0x00 }, nonEmpty, leaf), "bitmap too long");
        refused(encodeRaw(3, Bytes {}, {}, leaf), "bitmap too short");
        refused(encodeRaw(3, Bytes { 0xe0 }, { nonEmpty[0], Hash256 {}, nonEmpty[1] }, leaf),
            "E sibling not omitted");
        refused(encodeRaw(3, Bytes { 0xa0 }, { nonEmpty[0] }, leaf), "fewer siblings than bitmap");
        refused(encodeRaw(3, Bytes { 0xa0 }, { nonEmpty[0], nonEmpty[1], nonEmpty[1] }, leaf),
            "more siblings than bitmap");
        refused(encodeRaw(257, Bytes(33, 0x00), {}, {}), "d > 256");
        refused(encodeRaw(3, Bytes { 0xa0 }, nonEmpty, { ByteView(a) }), "terminal of one item");
        refused(encodeRaw(3, Bytes { 0xa0 }, nonEmpty, { a, valueHash, a }), "terminal of 3 items");
        refused(encodeRaw(3, Bytes { 0xa0 }, nonEmpty, { ByteView(a).first(31), valueHash }),
            "short terminal path");
        Bytes trailing = encoded;
        trailing.push_back(0x00);
        refused(trailing, "trailing bytes");
        refused(Bytes(encoded.begin(), encoded.end() - 1), "truncated encoding");
        Bytes nonMinimalDepth = encoded;
        nonMinimalDepth[2] = 0x00; // depth 3 → 0x00: not the minimal encoding of any integer
        refused(nonMinimalDepth, "non-canonical depth");
        refused({}, "empty input");
        // A 256-deep proof (the maximum) decodes.
        QVERIFY(StateProof::decode(encodeRaw(256, Bytes(32, 0x00), {}, {})));
    }

    void nonInclusionNeedsTheLeafOnThePath()
    {
        // k starts with bit 1; a leaf whose path starts with bit 0 cannot stand in k's place,
        // even when the root is built to match the fold (as a forger would).
        Hash256 k = filled(0x80), other = filled(0x00), sibling = filled(0x33);
        StateProof forged;
        forged.siblings = { sibling };
        forged.terminal = protocol::StateLeaf { other, filled(0x44) };
        Hash256 root = forged.computeRoot(k);
        auto result = forged.verifyNonInclusion(root, k);
        QVERIFY(!result);
        QVERIFY(result.error().message.find("not on the path") != std::string::npos);
        // The same leaf sharing the first bit is accepted: it occupies k's place.
        forged.terminal->path = filled(0x81);
        QVERIFY(forged.verifyNonInclusion(forged.computeRoot(k), k));
        // And a leaf for k itself proves presence, not absence.
        forged.terminal->path = k;
        QVERIFY(!forged.verifyNonInclusion(forged.computeRoot(k), k));
    }
};

QTEST_GUILESS_MAIN(TestStateProof)
#include "tst_state_proof.moc"
