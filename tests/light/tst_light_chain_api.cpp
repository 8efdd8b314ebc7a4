#include "core/api/Chain.h"
#include "core/crypto/Keccak.h"
#include "core/light/LightChain.h"
#include "core/node/execution/AccountState.h"
#include "core/node/execution/TitleRecord.h"

#include <QTest>

#include "tests/light/LightClientTestSupport.h"

using namespace ls;
using namespace ls::testing;

namespace {

const crypto::Address kAlice = addressOfKey(validatorKey(101));
const crypto::Address kBob = addressOfKey(validatorKey(102));

Bytes titleKey(std::uint64_t id)
{
    Bytes out;
    for (int i = 7; i >= 0; --i)
        out.push_back(static_cast<std::uint8_t>(id >> (8 * i)));
    return out;
}

std::vector<StateEntry> genesisState()
{
    node::TitleRecord title;
    title.author = kAlice;
    title.price = codec::UInt256(42);
    title.subject = "history";
    return { { 0x01, Bytes(kAlice.bytes().begin(), kAlice.bytes().end()),
                 node::AccountState { 7, codec::UInt256(1'500'000'000'000'000'000ULL) }.encode() },
        { 0x02, titleKey(1), title.encode() } };
}

protocol::Receipt receiptFor(std::uint8_t tag)
{
    protocol::Receipt receipt;
    receipt.txHash = TestChain::filledHash(tag);
    receipt.status = protocol::Receipt::kFailure;
    receipt.revertReason = "title is not listed";
    receipt.gasUsed = 131000;
    receipt.cumulativeGasUsed = 131000;
    receipt.effectiveGasPrice = codec::UInt256(1'000'000'000);
    return receipt;
}

std::string hashText(const Hash256& hash)
{
    return codec::toHex(hash, true);
}

// Calls `start(callback)` on the API and waits for the callback, keeping the handle alive.
template <typename T, typename Start> Result<T> call(Start start)
{
    std::optional<Result<T>> out;
    api::Chain::Handle handle = start([&out](Result<T> result) { out = std::move(result); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, kLightWaitMs))
        qFatal("the api::Chain callback never ran");
    return std::move(*out);
}

struct ApiFixture {
    explicit ApiFixture(std::vector<std::string> extraEndpoints = {})
        : node(validatorSet({ { 1, 1 }, { 2, 1 }, { 3, 1 }, { 4, 1 } }), genesisState())
    {
        node.addBlocks(3);
        node.addBlock({}, { receiptFor(0x77) });
        std::vector<std::string> endpoints { node.url() };
        endpoints.insert(endpoints.end(), extraEndpoints.begin(), extraEndpoints.end());
        chain = std::make_unique<light::LightChain>(profileFor(node.chain(), endpoints),
            std::filesystem::path(dir.path().toStdString()) / "headers.db");
    }
    bool syncTo(std::uint64_t height)
    {
        chain->sync();
        return QTest::qWaitFor(
            [&] { return chain->status().verifiedHeight == std::optional(height); }, kLightWaitMs);
    }
    FakeNode node;
    QTemporaryDir dir;
    std::unique_ptr<light::LightChain> chain;
};

} // namespace

class TestLightChainApi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void statusFollowsTheSync()
    {
        ApiFixture fixture;
        api::Chain& chain = *fixture.chain;
        QTRY_VERIFY_WITH_TIMEOUT(chain.status().ready, kLightWaitMs);
        QCOMPARE(chain.status().network, std::string("test network"));
        QVERIFY(!chain.status().verifiedHeight);

        std::vector<api::ChainStatus> seen;
        api::Chain::Handle subscription = chain.subscribeStatus(
            [&](const api::ChainStatus& status) { seen.push_back(status); });
        QVERIFY(fixture.syncTo(4));
        QTRY_VERIFY_WITH_TIMEOUT(
            !seen.empty() && seen.back().verifiedHeight == std::optional<std::uint64_t>(4),
            kLightWaitMs);
        const api::ChainStatus status = chain.status();
        QCOMPARE(status.verifiedBlockHash, hashText(fixture.node.chain().at(4).header.hash()));
        QVERIFY(!status.syncing);
        QVERIFY(status.lastError.empty());
        QCOMPARE(status.endpoints.size(), std::size_t { 1 });
        QCOMPARE(status.endpoints[0].state, api::ChainEndpoint::State::Agrees);
        QVERIFY(status.endpoints[0].primary);

        subscription.reset();
        const std::size_t before = seen.size();
        fixture.node.addBlock();
        QVERIFY(fixture.syncTo(5));
        QTest::qWait(50); // let any stray notification arrive
        QCOMPARE(seen.size(), before);
    }

    void provenReads()
    {
        ApiFixture fixture;
        api::Chain& chain = *fixture.chain;
        QVERIFY(fixture.syncTo(4));

        auto alice = must(call<api::AccountInfo>(
            [&](auto done) { return chain.account(kAlice.toChecksumString(), done); }));
        QCOMPARE(alice.address, kAlice.toChecksumString());
        QCOMPARE(alice.nonce, std::uint64_t { 7 });
        QCOMPARE(alice.balance, std::string("1500000000000000000"));
        QCOMPARE(alice.proof.height, std::uint64_t { 4 });
        auto bob = must(call<api::AccountInfo>(
            [&](auto done) { return chain.account(kBob.toChecksumString(), done); }));
        QCOMPARE(bob.balance, std::string("0"));

        auto title = must(
            call<std::optional<api::TitleInfo>>([&](auto done) { return chain.title(1, done); }));
        QVERIFY(title && title->subject == "history" && title->price == "42");
        QCOMPARE(title->author, kAlice.toChecksumString());
        auto missing = must(
            call<std::optional<api::TitleInfo>>([&](auto done) { return chain.title(9, done); }));
        QVERIFY(!missing);
        auto licence = must(call<std::optional<api::LicenceInfo>>(
            [&](auto done) { return chain.licence(1, kBob.toChecksumString(), done); }));
        QVERIFY(!licence);

        auto bad = call<api::AccountInfo>([&](auto done) { return chain.account("0x1234", done); });
        QVERIFY(!bad);
        QCOMPARE(bad.error().kind, ErrorKind::InvalidInput);
    }

    void confirmAndSubmit()
    {
        ApiFixture fixture;
        api::Chain& chain = *fixture.chain;
        QVERIFY(fixture.syncTo(4));
        auto confirmed = must(call<api::TransactionConfirmation>(
            [&](auto done) { return chain.confirm(hashText(TestChain::filledHash(0x77)), done); }));
        QVERIFY(!confirmed.succeeded);
        QCOMPARE(confirmed.revertReason, std::string("title is not listed"));
        QCOMPARE(confirmed.gasUsed, std::uint64_t { 131000 });
        QCOMPARE(confirmed.proof.height, std::uint64_t { 4 });
        QCOMPARE(confirmed.proof.blockHash, hashText(fixture.node.chain().at(4).header.hash()));

        auto notHash = call<api::TransactionConfirmation>(
            [&](auto done) { return chain.confirm("0x12", done); });
        QVERIFY(!notHash && notHash.error().kind == ErrorKind::InvalidInput);

        const Bytes raw { 0x02, 0xc1, 0x80 };
        auto hash = must(call<std::string>([&](auto done) { return chain.submit(raw, done); }));
        QCOMPARE(hash, hashText(crypto::keccak256(raw)));
    }

    void droppedHandlesDropResults()
    {
        ApiFixture fixture;
        api::Chain& chain = *fixture.chain;
        QVERIFY(fixture.syncTo(4));
        bool dropped = false;
        {
            api::Chain::Handle handle = chain.account(
                kAlice.toChecksumString(), [&](Result<api::AccountInfo>) { dropped = true; });
        }
        // A later call on the same path completes; the dropped one must not have answered.
        QVERIFY(call<api::AccountInfo>(
            [&](auto done) { return chain.account(kAlice.toChecksumString(), done); }));
        QTest::qWait(50);
        QVERIFY(!dropped);
    }

    void alarmsCarryTheEvidence()
    {
        FakeNode other(validatorSet({ { 1, 1 }, { 2, 1 }, { 3, 1 }, { 4, 1 } }), genesisState());
        other.addBlocks(3);
        other.addBlock({}, { receiptFor(0x77) });
        other.replaced.insert_or_assign(4,
            resigned(other.chain().at(4), [](protocol::Header& h) { h.timeMs += 1; }, { 2, 3, 4 }));
        ApiFixture fixture({ other.url() });
        api::Chain& chain = *fixture.chain;
        QVERIFY(fixture.syncTo(4));
        QTRY_COMPARE_WITH_TIMEOUT(chain.status().alarms.size(), std::size_t { 1 }, kLightWaitMs);
        const api::ChainAlarm alarm = chain.status().alarms.front();
        QCOMPARE(alarm.height, std::uint64_t { 4 });
        QCOMPARE(alarm.conflictingSource, other.url());
        QCOMPARE(alarm.verifiedBlockHash, hashText(fixture.node.chain().at(4).header.hash()));
        QCOMPARE(alarm.doubleSigners.size(), std::size_t { 3 });
        QCOMPARE(alarm.verifiedEvidence, codec::toHex(fixture.node.chain().at(4).encode(), true));
        QVERIFY(!alarm.conflictingEvidence.empty());
        QCOMPARE(chain.status().endpoints.at(1).state, api::ChainEndpoint::State::Forked);
    }

    void destroyedWithCallsInFlight()
    {
        ApiFixture fixture;
        QVERIFY(fixture.syncTo(4));
        const int before = fixture.node.server().requests();
        fixture.node.intercept = [](const QJsonObject&) -> std::optional<CannedReply> {
            CannedReply silent;
            silent.hang = true;
            return silent;
        };
        bool called = false;
        api::Chain::Handle pending = fixture.chain->account(
            kAlice.toChecksumString(), [&](Result<api::AccountInfo>) { called = true; });
        QTRY_VERIFY_WITH_TIMEOUT(fixture.node.server().requests() > before, kLightWaitMs);
        fixture.chain.reset(); // stops the service thread with the call in flight
        pending.reset(); // releasing after the chain is gone is harmless
        QTest::qWait(50);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestLightChainApi)
#include "tst_light_chain_api.moc"
