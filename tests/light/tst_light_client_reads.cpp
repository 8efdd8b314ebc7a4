#include "core/crypto/Keccak.h"
#include "core/light/LightClient.h"
#include "core/node/execution/AccountState.h"
#include "core/node/execution/LicenceRecord.h"
#include "core/node/execution/TitleRecord.h"
#include "core/node/execution/VersionRecord.h"

#include <QSignalSpy>
#include <QTest>

#include "tests/light/LightClientTestSupport.h"

using namespace ls;
using namespace ls::testing;
using light::LightClient;
using light::Verified;

namespace {

const crypto::Address kAlice = addressOfKey(validatorKey(101));
const crypto::Address kBob = addressOfKey(validatorKey(102));
const crypto::Address kCarol = addressOfKey(validatorKey(103));

Bytes be(std::uint64_t value, int bytes)
{
    Bytes out;
    for (int i = bytes - 1; i >= 0; --i)
        out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
    return out;
}

Bytes accountOf(std::uint64_t nonce, std::uint64_t balance)
{
    return node::AccountState { nonce, balance }.encode();
}

node::TitleRecord sampleTitle()
{
    node::TitleRecord title;
    title.author = kAlice;
    title.metadataInfohash = TestChain::filledHash(0x11);
    title.keyCommitment = TestChain::filledHash(0x12);
    title.price = codec::UInt256(5'000'000'000'000'000'000ULL);
    title.subject = "poetry";
    title.versionCount = 1;
    title.salesCount = 1;
    title.revenue = title.price;
    title.publishedAtMs = kGenesisTimeMs;
    return title;
}

// Alice's account, title 1 with version 1, and Bob's licence, at genesis; block 1 pays Alice.
std::vector<StateEntry> genesisState()
{
    node::VersionRecord version { TestChain::filledHash(0x21), 123456, "first edition",
        kGenesisTimeMs };
    node::LicenceRecord licence { 1, sampleTitle().price, kGenesisTimeMs,
        TestChain::filledHash(0x31) };
    Bytes versionKey = be(1, 8);
    const Bytes number = be(1, 4);
    versionKey.insert(versionKey.end(), number.begin(), number.end());
    Bytes licenceKey = be(1, 8);
    licenceKey.insert(licenceKey.end(), kBob.bytes().begin(), kBob.bytes().end());
    return { { 0x01, Bytes(kAlice.bytes().begin(), kAlice.bytes().end()), accountOf(3, 1000) },
        { 0x02, be(1, 8), sampleTitle().encode() }, { 0x03, versionKey, version.encode() },
        { 0x04, licenceKey, licence.encode() } };
}

protocol::Receipt receiptFor(std::uint8_t tag, std::uint64_t gas = 21000)
{
    protocol::Receipt receipt;
    receipt.txHash = TestChain::filledHash(tag);
    receipt.gasUsed = gas;
    receipt.cumulativeGasUsed = gas;
    receipt.effectiveGasPrice = codec::UInt256(1'000'000'000);
    return receipt;
}

bool syncAndWait(LightClient& client)
{
    QSignalSpy synced(&client, &LightClient::synced);
    QSignalSpy failed(&client, &LightClient::syncFailed);
    client.sync();
    if (!QTest::qWaitFor([&] { return !synced.isEmpty() || !failed.isEmpty(); }, kLightWaitMs))
        return false;
    return !synced.isEmpty();
}

class NodeWithState {
public:
    NodeWithState()
        : node(validatorSet({ { 1, 1 }, { 2, 1 }, { 3, 1 } }), genesisState())
    {
        node.addBlock(
            { { 0x01, Bytes(kAlice.bytes().begin(), kAlice.bytes().end()), accountOf(4, 2500) } });
        node.addBlock({}, { receiptFor(0xa1), receiptFor(0xa2, 30000) });
    }
    FakeNode node;
};

} // namespace

class TestLightClientReads : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsAreProvenAgainstTheVerifiedState()
    {
        NodeWithState fixture;
        ClientFixture client(fixture.node.chain(), { fixture.node.url() });
        QVERIFY(syncAndWait(client.client()));

        auto alice = must(awaitResult<Verified<light::AccountRecord>>(
            [&](auto done) { client->account(kAlice, done); }));
        QCOMPARE(alice.value.nonce, std::uint64_t { 4 });
        QCOMPARE(alice.value.balance, codec::UInt256(2500));
        QCOMPARE(alice.height, std::uint64_t { 2 });
        QVERIFY(alice.blockHash == fixture.node.chain().at(2).header.hash());

        auto carol = must(awaitResult<Verified<light::AccountRecord>>(
            [&](auto done) { client->account(kCarol, done); }));
        QVERIFY(carol.value == light::AccountRecord {});

        auto title = must(awaitResult<Verified<std::optional<light::TitleRecord>>>(
            [&](auto done) { client->title(1, done); }));
        QVERIFY(title.value);
        const node::TitleRecord expected = sampleTitle();
        QCOMPARE(title.value->author, expected.author);
        QCOMPARE(title.value->subject, expected.subject);
        QCOMPARE(title.value->price, expected.price);
        QVERIFY(title.value->listed);
        QCOMPARE(title.value->publishedAtMs, expected.publishedAtMs);
        auto noTitle = must(awaitResult<Verified<std::optional<light::TitleRecord>>>(
            [&](auto done) { client->title(2, done); }));
        QVERIFY(!noTitle.value);

        auto version = must(awaitResult<Verified<std::optional<light::VersionRecord>>>(
            [&](auto done) { client->version(1, 1, done); }));
        QVERIFY(version.value && version.value->note == "first edition"
            && version.value->size == 123456);

        auto licence = must(awaitResult<Verified<std::optional<light::LicenceRecord>>>(
            [&](auto done) { client->licence(1, kBob, done); }));
        QVERIFY(licence.value && licence.value->versionAtPurchase == 1);
        QVERIFY(licence.value->buyerBoxKey == TestChain::filledHash(0x31));
        auto none = must(awaitResult<Verified<std::optional<light::LicenceRecord>>>(
            [&](auto done) { client->licence(1, kCarol, done); }));
        QVERIFY(!none.value);
    }

    void readsBeforeSyncAreRefused()
    {
        NodeWithState fixture;
        ClientFixture client(fixture.node.chain(), { fixture.node.url() });
        auto early = awaitResult<Verified<light::AccountRecord>>(
            [&](auto done) { client->account(kAlice, done); });
        QVERIFY(failsWith(early, "sync first"));
    }

    void lyingStateProofsAreCaught_data()
    {
        QTest::addColumn<int>("lie");
        QTest::addColumn<QString>("expected");
        QTest::newRow("inflated balance")
            << 0 << "The server's balance proof does not match the verified state root at height 2";
        QTest::newRow("claims absence")
            << 1 << "The server's balance proof does not match the verified state root at height 2";
        QTest::newRow("other height") << 2 << "height 2 was asked for";
        QTest::newRow("garbage proof") << 3 << "malformed";
        QTest::newRow("proof of an older state") << 4 << "does not match the verified state root";
    }

    void lyingStateProofsAreCaught()
    {
        QFETCH(int, lie);
        QFETCH(QString, expected);
        NodeWithState fixture;
        ClientFixture client(fixture.node.chain(), { fixture.node.url() });
        QVERIFY(syncAndWait(client.client()));
        FakeNode& node = fixture.node;
        node.intercept = [&](const QJsonObject& request) -> std::optional<CannedReply> {
            if (request.value(QStringLiteral("method")).toString()
                != QLatin1String("ls_getStateProof"))
                return std::nullopt;
            QJsonObject forwarded = request;
            if (lie == 4) { // the honest proof of the genesis state, relabelled as height 2
                QJsonArray params = request.value(QStringLiteral("params")).toArray();
                params[0] = QStringLiteral("0x0");
                forwarded.insert(QStringLiteral("params"), params);
            }
            CannedReply honest = node.honestAnswer(forwarded);
            QJsonObject envelope = QJsonDocument::fromJson(honest.body).object();
            QJsonObject result = envelope.value(QStringLiteral("result")).toObject();
            switch (lie) {
            case 0:
                result.insert(QStringLiteral("value"), hexString(accountOf(4, 9'999'999)));
                break;
            case 1:
                result.insert(QStringLiteral("value"), QJsonValue());
                break;
            case 2:
                result.insert(QStringLiteral("height"), QStringLiteral("0x1"));
                break;
            case 3:
                result.insert(QStringLiteral("proof"), QStringLiteral("0xc3808080"));
                break;
            case 4:
                result.insert(QStringLiteral("height"), QStringLiteral("0x2"));
                break;
            }
            return CannedReply::result(request, result);
        };
        auto read = awaitResult<Verified<light::AccountRecord>>(
            [&](auto done) { client->account(kAlice, done); });
        QVERIFY(failsWith(read, expected.toStdString()));
    }

    void confirmProvesReceipts()
    {
        FakeNode node(validatorSet({ { 1, 1 }, { 2, 1 }, { 3, 1 } }));
        node.addBlocks(2);
        node.addBlock({}, { receiptFor(0xa1), receiptFor(0xa2, 30000) }); // height 3
        node.addBlocks(36);
        node.addBlock({}, { receiptFor(0xb1) }); // height 40
        node.addBlocks(20);
        light::LightClientOptions options;
        options.sequentialWindow = 4;
        ClientFixture client(node.chain(), { node.url() }, options);
        QVERIFY(syncAndWait(client.client()));
        QCOMPARE(client->verifiedHeight(), std::optional<std::uint64_t> { 60 });

        // Height 3 was skipped by the sync: confirming verifies it first.
        auto second = must(awaitResult<light::ConfirmedTransaction>(
            [&](auto done) { client->confirm(TestChain::filledHash(0xa2), done); }));
        QCOMPARE(second.height, std::uint64_t { 3 });
        QCOMPARE(second.index, std::uint64_t { 1 });
        QCOMPARE(second.receipt.gasUsed, std::uint64_t { 30000 });
        QVERIFY(second.blockHash == node.chain().at(3).header.hash());
        auto far = must(awaitResult<light::ConfirmedTransaction>(
            [&](auto done) { client->confirm(TestChain::filledHash(0xb1), done); }));
        QCOMPARE(far.height, std::uint64_t { 40 });

        // A block newer than the verified chain: the client verifies up to it.
        node.addBlock({}, { receiptFor(0xc1) }); // height 61
        auto fresh = must(awaitResult<light::ConfirmedTransaction>(
            [&](auto done) { client->confirm(TestChain::filledHash(0xc1), done); }));
        QCOMPARE(fresh.height, std::uint64_t { 61 });
        QCOMPARE(client->verifiedHeight(), std::optional<std::uint64_t> { 61 });

        auto unknown = awaitResult<light::ConfirmedTransaction>(
            [&](auto done) { client->confirm(TestChain::filledHash(0xdd), done); });
        QVERIFY(failsWith(unknown, "is not in a block yet"));
        QCOMPARE(unknown.error().kind, ErrorKind::NotFound);
    }

    void lyingReceiptProofsAreCaught_data()
    {
        QTest::addColumn<int>("lie");
        QTest::addColumn<QString>("expected");
        QTest::newRow("altered receipt")
            << 0
            << "The server's receipt proof does not match the verified receipts root at height 3";
        QTest::newRow("another transaction") << 1 << "answered with the receipt of transaction";
        QTest::newRow("wrong block")
            << 2 << "does not match the verified receipts root at height 2";
        QTest::newRow("block that does not exist") << 3 << "Cannot verify the block";
    }

    void lyingReceiptProofsAreCaught()
    {
        QFETCH(int, lie);
        QFETCH(QString, expected);
        FakeNode node(validatorSet({ { 1, 1 } }));
        node.addBlocks(2);
        node.addBlock({}, { receiptFor(0xa1), receiptFor(0xa2) });
        node.addBlocks(2);
        ClientFixture client(node.chain(), { node.url() });
        QVERIFY(syncAndWait(client.client()));
        const Bytes proof = must(
            protocol::MerkleList::proveIndex(
                std::vector<Bytes> { receiptFor(0xa1).encode(), receiptFor(0xa2).encode() }, 1))
                                .encode();
        node.intercept = [&](const QJsonObject& request) -> std::optional<CannedReply> {
            if (request.value(QStringLiteral("method")).toString()
                != QLatin1String("ls_getReceiptProof"))
                return std::nullopt;
            protocol::Receipt receipt = receiptFor(0xa2);
            QString height = QStringLiteral("0x3");
            if (lie == 0)
                receipt.gasUsed = 1;
            if (lie == 1)
                receipt.txHash = TestChain::filledHash(0xa1);
            if (lie == 2)
                height = QStringLiteral("0x2");
            if (lie == 3)
                height = QStringLiteral("0x50");
            return CannedReply::result(request,
                QJsonObject { { QStringLiteral("height"), height },
                    { QStringLiteral("index"), QStringLiteral("0x1") },
                    { QStringLiteral("receipt"), hexString(receipt.encode()) },
                    { QStringLiteral("proof"), hexString(proof) } });
        };
        auto confirmed = awaitResult<light::ConfirmedTransaction>(
            [&](auto done) { client->confirm(TestChain::filledHash(0xa2), done); });
        QVERIFY(failsWith(confirmed, expected.toStdString()));
    }

    void submitChecksTheReportedHash()
    {
        FakeNode node(validatorSet({ { 1, 1 } }));
        ClientFixture client(node.chain(), { node.url() });
        const Bytes raw { 0x02, 0xc3, 0x01, 0x02, 0x03 };
        auto hash = must(awaitResult<Hash256>([&](auto done) { client->submit(raw, done); }));
        QVERIFY(hash == crypto::keccak256(raw));
        node.intercept = [](const QJsonObject& request) -> std::optional<CannedReply> {
            return CannedReply::result(request, hexString(TestChain::filledHash(1)));
        };
        QVERIFY(failsWith(
            awaitResult<Hash256>([&](auto done) { client->submit(raw, done); }), "hashes to"));
    }
};

QTEST_GUILESS_MAIN(TestLightClientReads)
#include "tst_light_client_reads.moc"
