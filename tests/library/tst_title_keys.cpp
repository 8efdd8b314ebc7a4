// Title keys (docs/protocol.md §10): generation, version keys by crypto_kdf, the on-chain
// commitment and the buyer's check of a delivered key against it.
#include "core/codec/Hex.h"
#include "core/crypto/Keccak.h"
#include "core/library/TitleKeys.h"

#include <QTest>

#include <set>
#include <string>

using namespace ls;
using namespace ls::library;

namespace {

// Title key 00 01 02 … 1f. The expected values below were computed once with an independent
// implementation (Python's hashlib.blake2b with libsodium's crypto_kdf parameters: key = title
// key, salt = le64(version) ‖ 0⁸, personal = "LSverkey" ‖ 0⁸; and a from-scratch Keccak-256) and
// are pinned: changing them breaks every key already delivered.
TitleKey sequentialKey()
{
    Bytes bytes(32);
    for (std::size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<std::uint8_t>(i);
    return *TitleKey::fromBytes(bytes);
}

std::string hexOf(ByteView bytes)
{
    return codec::toHex(bytes);
}

} // namespace

class TestTitleKeys : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void generatedKeysAreFreshAndFullSize()
    {
        std::set<std::string> seen;
        for (int i = 0; i < 16; ++i) {
            TitleKey key = TitleKey::generate();
            QCOMPARE(key.bytes().size(), std::size_t { 32 });
            seen.insert(hexOf(key.bytes()));
        }
        QCOMPARE(seen.size(), std::size_t { 16 });
    }

    void fromBytesRequiresExactly32Bytes()
    {
        for (std::size_t size : std::initializer_list<std::size_t> { 0, 16, 31, 33, 64 }) {
            auto key = TitleKey::fromBytes(Bytes(size, 0x11));
            QVERIFY(!key);
            QCOMPARE(key.error().kind, ErrorKind::InvalidInput);
            QCOMPARE(key.error().message,
                "A title key must be exactly 32 bytes, but this one is " + std::to_string(size)
                    + " bytes long.");
        }
        Bytes bytes(32, 0x11);
        auto key = TitleKey::fromBytes(bytes);
        QVERIFY(key);
        QVERIFY(std::equal(bytes.begin(), bytes.end(), key->bytes().begin()));
    }

    void versionKeysArePinned()
    {
        TitleKey key = sequentialKey();
        const std::pair<std::uint32_t, const char*> expected[] = {
            { 1, "d113436ca3b75979c5d8f3a1d7ac2f6e7abc3b3cd7b1492deecf5445288c4443" },
            { 2, "e158da0e709cec041bc9816fd602430d3099ce6b24733c967523530753436e59" },
            { 3, "a99b6ccc484253f54f031bbbac3775864c96575cb119f0cd875c1fe01a3887a1" },
            { 0xffffffffu, "ad3f55d39fad8acce3858aeb9d74818c71b50a54c17155cf9a0c15d30c662645" },
        };
        for (const auto& [version, hex] : expected) {
            auto derived = key.versionKey(version);
            QVERIFY(derived);
            QCOMPARE(hexOf(derived->view()), std::string(hex));
        }
    }

    void versionKeysDifferPerVersionAndTitleAndAreStable()
    {
        TitleKey first = TitleKey::generate();
        TitleKey second = TitleKey::generate();
        std::set<std::string> seen;
        for (std::uint32_t version = 1; version <= 50; ++version) {
            auto a = first.versionKey(version);
            auto again = first.versionKey(version);
            auto b = second.versionKey(version);
            QVERIFY(a && again && b);
            QCOMPARE(hexOf(a->view()), hexOf(again->view()));
            seen.insert(hexOf(a->view()));
            seen.insert(hexOf(b->view()));
        }
        QCOMPARE(seen.size(), std::size_t { 100 });
        // A version key is never the title key itself.
        QVERIFY(!seen.contains(hexOf(first.bytes())));
    }

    void versionZeroDoesNotExist()
    {
        auto derived = sequentialKey().versionKey(0);
        QVERIFY(!derived);
        QCOMPARE(derived.error().kind, ErrorKind::InvalidInput);
        QCOMPARE(derived.error().message,
            std::string("Version numbers start at 1; there is no version 0."));
    }

    void commitmentIsPinned()
    {
        QCOMPARE(hexOf(sequentialKey().commitment()),
            std::string("2df75c6128957d77ba6da6efe20c1212762e85071a01c47b13208149f6b85157"));
    }

    void commitmentCheckAcceptsTheKeyAndRejectsOthers()
    {
        TitleKey key = TitleKey::generate();
        Hash256 onChain = key.commitment();
        QVERIFY(key.checkCommitment(onChain));

        // A key received again (e.g. sealed to the buyer and opened) still matches.
        auto delivered = TitleKey::fromBytes(key.bytes());
        QVERIFY(delivered && delivered->checkCommitment(onChain));

        auto rejected = TitleKey::generate().checkCommitment(onChain);
        QVERIFY(!rejected);
        QCOMPARE(rejected.error().kind, ErrorKind::Verification);
        QCOMPARE(rejected.error().message,
            std::string("This key does not belong to the title: it does not match the key "
                        "commitment the author published on chain."));

        // Any single flipped bit, in the key or in the commitment, is refused.
        for (std::size_t byte = 0; byte < 32; ++byte) {
            Bytes bytes(key.bytes().begin(), key.bytes().end());
            bytes[byte] ^= 0x80;
            QVERIFY(!TitleKey::fromBytes(bytes)->checkCommitment(onChain));
            Hash256 altered = onChain;
            altered[byte] ^= 0x01;
            QVERIFY(!key.checkCommitment(altered));
        }
    }

    void commitmentIsDomainSeparated()
    {
        // The commitment is not the bare hash of the key, so it cannot be confused with (or
        // replayed as) any other keccak the protocol publishes.
        TitleKey key = sequentialKey();
        QVERIFY(key.commitment() != crypto::keccak256(key.bytes()));
    }
};

QTEST_GUILESS_MAIN(TestTitleKeys)
#include "tst_title_keys.moc"
