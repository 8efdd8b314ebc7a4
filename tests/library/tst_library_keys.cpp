// Title keys in the library: wrapped under the master key, bound to their title, checked against
// the title's key commitment, never on disk in the clear, and any tampering detected.
#include "core/library/MasterKey.h"
#include "core/library/MasterKeyRecord.h"

#include "tst_library_support.h"
#include <algorithm>

using namespace ls;
using namespace ls::library;
using namespace ls::library::testing;

namespace {

bool sameKey(const TitleKey& a, const TitleKey& b)
{
    return std::ranges::equal(a.bytes(), b.bytes());
}

bool contains(const std::string& haystack, ByteView needle)
{
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
               [](char a, std::uint8_t b) { return static_cast<std::uint8_t>(a) == b; })
        != haystack.end();
}

} // namespace

class TestLibraryKeys : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::optional<Library> m_library;

    void setWrapped(std::uint64_t titleId, const Bytes& wrapped)
    {
        auto raw = rawDatabase(profileOf(m_dir));
        auto statement = raw.prepare("UPDATE title_key SET wrapped_key = ?2 WHERE title_id = ?1");
        QVERIFY(statement);
        QVERIFY(statement->bindAll(static_cast<std::int64_t>(titleId), wrapped));
        QVERIFY(statement->run());
    }

    Bytes wrapped(std::uint64_t titleId)
    {
        auto raw = rawDatabase(profileOf(m_dir));
        return blobOf(
            raw, "SELECT wrapped_key FROM title_key WHERE title_id = " + std::to_string(titleId));
    }

private Q_SLOTS:
    void init()
    {
        m_library.reset();
        std::filesystem::remove(Library::databaseFile(profileOf(m_dir)));
        auto library = Library::open(profileOf(m_dir), text("pass"), lightOptions());
        QVERIFY(library);
        m_library.emplace(std::move(*library));
        QVERIFY(m_library->titles().add(sampleTitle(1)));
        QVERIFY(m_library->titles().add(sampleTitle(2)));
    }

    void cleanup() { m_library.reset(); }

    void keyRoundTripsAndIsNeverStoredInTheClear()
    {
        auto titles = m_library->titles();
        QCOMPARE(titles.hasKey(1).value(), false);
        LS_VERIFY_OK(titles.storeKey(1, sampleKey(1)));
        QCOMPARE(titles.hasKey(1).value(), true);
        auto key = titles.key(1);
        LS_VERIFY_OK(key);
        QVERIFY(sameKey(*key, sampleKey(1)));
        QCOMPARE(wrapped(1).size(), MasterKey::kWrappedTitleKeySize);

        // Neither the database nor its write-ahead log holds the key's bytes.
        auto file = Library::databaseFile(profileOf(m_dir));
        QVERIFY(!contains(readFile(file), sampleKey(1).bytes()));
        QVERIFY(!contains(readFile(file.string() + "-wal"), sampleKey(1).bytes()));
        m_library.reset();
        QVERIFY(!contains(readFile(file), sampleKey(1).bytes()));
    }

    void storingAgainUsesAFreshNonce()
    {
        auto titles = m_library->titles();
        LS_VERIFY_OK(titles.storeKey(1, sampleKey(1)));
        Bytes first = wrapped(1);
        LS_VERIFY_OK(titles.storeKey(1, sampleKey(1)));
        QVERIFY(wrapped(1) != first);
        QVERIFY(sameKey(titles.key(1).value(), sampleKey(1)));
    }

    void keyNotMatchingTheCommitmentIsRefused()
    {
        auto titles = m_library->titles();
        auto refused = titles.storeKey(1, sampleKey(2));
        QVERIFY(!refused);
        QCOMPARE(refused.error().kind, ErrorKind::Verification);
        QCOMPARE(titles.hasKey(1).value(), false);

        auto unknown = titles.storeKey(99, sampleKey(99));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().kind, ErrorKind::NotFound);
    }

    void missingKeyIsNotFound()
    {
        auto titles = m_library->titles();
        auto missing = titles.key(1);
        QVERIFY(!missing);
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);
        LS_VERIFY_OK(titles.storeKey(1, sampleKey(1)));
        LS_VERIFY_OK(titles.removeKey(1));
        QCOMPARE(titles.hasKey(1).value(), false);
        QCOMPARE(titles.removeKey(1).error().kind, ErrorKind::NotFound);
        // The title itself (the licence) stays.
        QVERIFY(titles.contains(1).value());
    }

    void everyAlteredByteIsDetected()
    {
        auto titles = m_library->titles();
        LS_VERIFY_OK(titles.storeKey(1, sampleKey(1)));
        const Bytes original = wrapped(1);
        // Byte 0 is the format; 1–24 the nonce; 25–56 the encrypted key; 57–72 the tag.
        for (std::size_t index : { std::size_t { 1 }, std::size_t { 24 }, std::size_t { 25 },
                 std::size_t { 40 }, std::size_t { 56 }, std::size_t { 57 }, std::size_t { 72 } }) {
            Bytes altered = original;
            altered[index] ^= 0x01;
            setWrapped(1, altered);
            auto refused = titles.key(1);
            QVERIFY2(!refused, std::to_string(index).c_str());
            QCOMPARE(refused.error().kind, ErrorKind::Verification);
            QVERIFY2(refused.error().message.find("title 1") != std::string::npos,
                refused.error().message.c_str());
        }
        Bytes unknownFormat = original;
        unknownFormat[0] = 2;
        setWrapped(1, unknownFormat);
        QCOMPARE(titles.key(1).error().kind, ErrorKind::Unsupported);

        setWrapped(1, Bytes(original.begin(), original.end() - 1));
        QCOMPARE(titles.key(1).error().kind, ErrorKind::Verification);

        setWrapped(1, original);
        QVERIFY(sameKey(titles.key(1).value(), sampleKey(1)));
    }

    void keyMovedToAnotherTitleDoesNotUnwrap()
    {
        auto titles = m_library->titles();
        LS_VERIFY_OK(titles.storeKey(1, sampleKey(1)));
        LS_VERIFY_OK(titles.storeKey(2, sampleKey(2)));
        setWrapped(2, wrapped(1));
        auto moved = titles.key(2);
        QVERIFY(!moved);
        QCOMPARE(moved.error().kind, ErrorKind::Verification);
        QVERIFY(sameKey(titles.key(1).value(), sampleKey(1)));
    }

    void keyFromAnotherLibraryDoesNotUnwrap()
    {
        LS_VERIFY_OK(m_library->titles().storeKey(1, sampleKey(1)));
        const Bytes mine = wrapped(1);

        QTemporaryDir otherDir;
        auto other = Library::open(profileOf(otherDir), text("pass"), lightOptions());
        LS_VERIFY_OK(other);
        QVERIFY(other->titles().add(sampleTitle(1)));
        LS_VERIFY_OK(other->titles().storeKey(1, sampleKey(1)));
        {
            auto raw = rawDatabase(profileOf(otherDir));
            auto statement = raw.prepare("UPDATE title_key SET wrapped_key = ?1");
            QVERIFY(statement && statement->bindAll(mine) && statement->run());
        }
        // Same passphrase, same title, same key: still a different master key.
        auto foreign = other->titles().key(1);
        QVERIFY(!foreign);
        QCOMPARE(foreign.error().kind, ErrorKind::Verification);
    }

    void masterKeyWrapsAreBoundToTheirTitleAndKey()
    {
        auto first = MasterKey::generate();
        auto second = MasterKey::generate();
        QVERIFY(first && second);
        Bytes a = first->wrapTitleKey(7, sampleKey(7));
        Bytes b = first->wrapTitleKey(7, sampleKey(7));
        QCOMPARE(a.size(), MasterKey::kWrappedTitleKeySize);
        QVERIFY(a != b); // random nonces
        QVERIFY(sameKey(first->unwrapTitleKey(7, a).value(), sampleKey(7)));
        QVERIFY(sameKey(first->unwrapTitleKey(7, b).value(), sampleKey(7)));
        QVERIFY(!first->unwrapTitleKey(8, a));
        QVERIFY(!second->unwrapTitleKey(7, a));

        auto restored = MasterKey::fromBytes(first->bytes());
        QVERIFY(restored);
        QVERIFY(sameKey(restored->unwrapTitleKey(7, a).value(), sampleKey(7)));
    }

    void masterKeyRecordNeedsThePassphrase()
    {
        auto master = MasterKey::generate();
        QVERIFY(master);
        const auto params = crypto::pwhash::Params::interactive();
        auto record = MasterKeyRecord::seal(*master, text("right"), params);
        LS_VERIFY_OK(record);
        QCOMPARE(record->kdfParams(), params);
        auto unlocked = record->unlock(text("right"));
        LS_VERIFY_OK(unlocked);
        QVERIFY(std::ranges::equal(unlocked->bytes().view(), master->bytes().view()));
        QCOMPARE(record->unlock(text("wrong")).error().kind, ErrorKind::WrongPassphrase);
        QCOMPARE(record->unlock(ByteView {}).error().kind, ErrorKind::WrongPassphrase);
        QCOMPARE(MasterKeyRecord::seal(*master, ByteView {}, params).error().kind,
            ErrorKind::InvalidInput);
    }
};

QTEST_GUILESS_MAIN(TestLibraryKeys)
#include "tst_library_keys.moc"
