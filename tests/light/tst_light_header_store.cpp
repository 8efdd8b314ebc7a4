#include "core/light/Bisection.h"
#include "core/light/HeaderStore.h"
#include "core/light/Verifier.h"
#include "core/storage/Database.h"
#include "core/storage/Statement.h"

#include <QTemporaryDir>
#include <QTest>

#include "tests/light/LightTestSupport.h"
#include <fstream>

using namespace ls;
using namespace ls::testing;
using light::HeaderStore;
using light::TrustedState;
using light::VerifiedStep;

namespace {

TrustedState anchored(const TestChain& chain)
{
    return mustVerify(light::anchorGenesis(chain.chainId(), chain.genesisHash(), chain.genesis()));
}

// Genesis plus blocks 1…height verified one after the other.
std::vector<VerifiedStep> sequentialSteps(const TestChain& chain, std::uint64_t height)
{
    std::vector<VerifiedStep> steps;
    TrustedState trusted = anchored(chain);
    for (std::uint64_t h = 1; h <= height; ++h) {
        TrustedState next = mustVerify(light::verifyAdjacent(trusted, chain.at(h)));
        steps.push_back({ next, trusted.height() });
        trusted = next;
    }
    return steps;
}

class StoreFile {
public:
    StoreFile()
        : m_path(std::filesystem::path(m_dir.path().toStdString()) / "headers.db")
    {
    }
    const std::filesystem::path& path() const { return m_path; }

    Result<HeaderStore> open(const TestChain& chain) const
    {
        return HeaderStore::open(m_path, chain.chainId(), chain.genesisHash());
    }

    // Runs SQL on the closed store, as a user (or bit rot) editing the file would.
    void edit(std::string_view sql, std::optional<Bytes> blob = std::nullopt) const
    {
        auto db = must(storage::Database::open(m_path));
        auto statement = must(db.prepare(sql));
        if (blob)
            mustSucceed(statement.bind(1, *blob));
        mustSucceed(statement.run());
    }

private:
    QTemporaryDir m_dir;
    std::filesystem::path m_path;
};

void fill(const StoreFile& file, const TestChain& chain, std::uint64_t height)
{
    HeaderStore store = must(file.open(chain));
    mustSucceed(store.addGenesis(anchored(chain)));
    const auto steps = sequentialSteps(chain, height);
    mustSucceed(store.add(steps));
}

TestChain fourValidatorChain(std::size_t blocks)
{
    TestChain chain(validatorSet({ { 1, 1 }, { 2, 1 }, { 3, 1 }, { 4, 1 } }));
    chain.appendMany(blocks);
    return chain;
}

} // namespace

class TestLightHeaderStore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void freshStoreIsEmpty()
    {
        const TestChain chain = fourValidatorChain(0);
        StoreFile file;
        HeaderStore store = must(file.open(chain));
        QVERIFY(!store.latest());
        QCOMPARE(must(store.rowCount()), std::uint64_t { 0 });
        QVERIFY(!must(store.at(0)));
        QVERIFY(!must(store.atOrBelow(100)));
    }

    void reopenResumesFromTheLatestBlock()
    {
        const TestChain chain = fourValidatorChain(10);
        StoreFile file;
        fill(file, chain, 10);
        HeaderStore store = must(file.open(chain));
        QVERIFY(store.latest());
        QVERIFY(*store.latest() == TrustedState(chain.at(10)));
        QVERIFY(*must(store.at(5)) == TrustedState(chain.at(5)));
        QVERIFY(*must(store.at(0)) == TrustedState(chain.genesis()));
        QVERIFY(*must(store.atOrBelow(1000)) == TrustedState(chain.at(10)));
        QCOMPARE(must(store.rowCount()), std::uint64_t { 11 });

        // Storing the same blocks again changes nothing.
        const auto steps = sequentialSteps(chain, 10);
        QVERIFY(store.add(steps));
        QCOMPARE(must(store.rowCount()), std::uint64_t { 11 });
    }

    void skippedHeightsAreAbsent()
    {
        TestChain chain(validatorSet({ { 1, 1 }, { 2, 1 }, { 3, 1 } }));
        chain.appendMany(6);
        chain.changeValidators(validatorSet({ { 4, 1 }, { 5, 1 }, { 6, 1 } }));
        chain.appendMany(33);
        StoreFile file;
        {
            HeaderStore store = must(file.open(chain));
            QVERIFY(store.addGenesis(anchored(chain)));
            light::Bisection walk(anchored(chain), 39);
            while (auto height = walk.wanted()) {
                auto steps = mustVerify(walk.supply(chain.at(*height)));
                QVERIFY(store.add(steps));
            }
            QVERIFY(store.latest()->height() == 39);
        }
        HeaderStore store = must(file.open(chain));
        QVERIFY(*store.latest() == TrustedState(chain.at(39)));
        QVERIFY(must(store.rowCount()) < 20);
        QVERIFY(!must(store.at(38)));
        auto below = must(store.atOrBelow(38));
        QVERIFY(below && below->height() < 38);
    }

    void conflictingBlockIsRefused()
    {
        const TestChain chain = fourValidatorChain(3);
        StoreFile file;
        fill(file, chain, 3);
        HeaderStore store = must(file.open(chain));
        const TrustedState at2 = *must(store.at(2));
        const auto other = resigned(chain.at(3), [](protocol::Header& h) { h.timeMs += 1; });
        const VerifiedStep fork { mustVerify(light::verifyAdjacent(at2, other)), 2 };
        QVERIFY(failsWith(store.add(std::span(&fork, 1)), "Two different verified blocks"));
        const VerifiedStep orphan { TrustedState(chain.at(3)), 1 };
        HeaderStore empty = must(HeaderStore::openInMemory(chain.chainId(), chain.genesisHash()));
        QVERIFY(failsWith(empty.add(std::span(&orphan, 1)), "which is not stored"));
    }

    void genesisMustMatchThePin()
    {
        const TestChain chain = fourValidatorChain(1);
        HeaderStore store
            = must(HeaderStore::openInMemory(chain.chainId(), TestChain::filledHash(7)));
        QVERIFY(failsWith(store.addGenesis(anchored(chain)), "network profile pins"));
    }

    void anotherNetworksStoreIsRefused()
    {
        const TestChain chain = fourValidatorChain(1);
        StoreFile file;
        fill(file, chain, 1);
        QVERIFY(failsWith(HeaderStore::open(file.path(), chain.chainId(), TestChain::filledHash(8)),
            "belongs to another network"));
        QVERIFY(failsWith(
            HeaderStore::open(file.path(), 99, chain.genesisHash()), "belongs to another network"));
    }

    void tamperedLatestRowIsDetected_data()
    {
        QTest::addColumn<int>("tamper");
        QTest::addColumn<QString>("expected");
        QTest::newRow("header bytes edited") << 0 << QStringLiteral("hashes to");
        QTest::newRow("header and hash replaced") << 1 << QStringLiteral("Invalid commit");
        QTest::newRow("predecessor removed") << 2 << QStringLiteral("is missing");
        QTest::newRow("genesis removed") << 3 << QStringLiteral("no genesis block");
        QTest::newRow("commit truncated") << 4 << QStringLiteral("Malformed commit");
        QTest::newRow("wrong height") << 5 << QStringLiteral("impossible height");
    }

    void tamperedLatestRowIsDetected()
    {
        QFETCH(int, tamper);
        QFETCH(QString, expected);
        const TestChain chain = fourValidatorChain(6);
        StoreFile file;
        fill(file, chain, 6);

        protocol::Header edited = chain.at(6).header;
        edited.stateRoot = TestChain::filledHash(0xaa);
        switch (tamper) {
        case 0:
            file.edit("UPDATE light_block SET header = ?1 WHERE height = 6", edited.encode());
            break;
        case 1: {
            file.edit("UPDATE light_block SET header = ?1 WHERE height = 6", edited.encode());
            const Hash256 hash = edited.hash();
            file.edit("UPDATE light_block SET hash = ?1 WHERE height = 6",
                Bytes(hash.begin(), hash.end()));
            break;
        }
        case 2:
            file.edit("DELETE FROM light_block WHERE height = 5");
            break;
        case 3:
            file.edit("DELETE FROM light_block WHERE height = 0");
            break;
        case 4:
            file.edit("UPDATE light_block SET commit_rlp = ?1 WHERE height = 6", Bytes { 0xc1 });
            break;
        case 5:
            file.edit("UPDATE light_block SET verified_from = 9 WHERE height = 6");
            break;
        }
        auto reopened = file.open(chain);
        QVERIFY(failsWith(reopened, expected.toStdString()));
        QCOMPARE(reopened.error().kind, ErrorKind::Verification);
    }

    void olderRowsAreRehashedWhenRead()
    {
        const TestChain chain = fourValidatorChain(6);
        StoreFile file;
        fill(file, chain, 6);
        protocol::Header edited = chain.at(3).header;
        edited.stateRoot = TestChain::filledHash(0xab);
        file.edit("UPDATE light_block SET header = ?1 WHERE height = 3", edited.encode());
        HeaderStore store = must(file.open(chain));
        QVERIFY(failsWith(store.at(3), "height 3 fails its check"));
        QVERIFY(store.at(4));
    }

    void corruptFileIsRefused()
    {
        const TestChain chain = fourValidatorChain(40);
        StoreFile file;
        fill(file, chain, 40);
        {
            // Checkpoint the WAL into the main file so the damage below hits real pages.
            auto db = must(storage::Database::open(file.path()));
            QVERIFY(db.exec("PRAGMA wal_checkpoint(TRUNCATE)"));
        }
        const auto size = std::filesystem::file_size(file.path());
        QVERIFY(size > 3 * 4096);
        {
            // Bit rot in every b-tree page header after the schema page.
            std::fstream raw(file.path(), std::ios::in | std::ios::out | std::ios::binary);
            const std::string garbage(16, '\x5a');
            for (std::uintmax_t page = 1; (page + 1) * 4096 <= size; ++page) {
                raw.seekp(static_cast<std::streamoff>(page * 4096));
                raw.write(garbage.data(), static_cast<std::streamsize>(garbage.size()));
            }
        }
        auto reopened = file.open(chain);
        QVERIFY(!reopened);
        qInfo("refused: %s", reopened.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestLightHeaderStore)
#include "tst_light_header_store.moc"
