// The light client against a lying server: a real `lightstreams-node --dev` behind a proxy
// (TamperingProxy) that rewrites one thing of the node's true answers per case — a header
// field, a commit, the validator set, a state proof, a receipt. For every lie the client must
// refuse with a message naming what does not verify, report nothing it could not verify, and
// answer the same call once the proxy tells the truth again.
#include "core/codec/RlpEncoder.h"
#include "core/crypto/HdKey.h"
#include "core/crypto/Keccak.h"
#include "core/crypto/Mnemonic.h"
#include "core/light/LightClient.h"
#include "core/protocol/NetworkProfile.h"
#include "core/protocol/Transaction.h"
#include "core/protocol/VoteSignBytes.h"

#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "tests/light/LightClientTestSupport.h"
#include "tests/light/TamperingProxy.h"
#include "tests/node/NodeProcess.h"

using namespace ls;
using namespace ls::testing;
using light::LightClient;
using State = light::EndpointStatus::State;

using BlockEdit = std::function<void(protocol::LightBlock&)>;
using StateEdit = std::function<void(std::optional<Bytes>&, protocol::StateProof&)>;
using ReceiptEdit = std::function<void(ReceiptAnswer&)>;
Q_DECLARE_METATYPE(BlockEdit)
Q_DECLARE_METATYPE(StateEdit)
Q_DECLARE_METATYPE(ReceiptEdit)

namespace {

crypto::PrivateKey devKey(std::uint32_t index)
{
    auto seed = must(
        must(crypto::Mnemonic::parse("test test test test test test test test test test test junk"))
            .seed());
    return must(crypto::ethereumAccountKey(seed, index));
}

codec::UInt256 pht(std::uint64_t whole)
{
    return *codec::UInt256(whole).checkedMul(codec::UInt256(1'000'000'000'000'000'000ULL));
}

Bytes accountValue(std::uint64_t nonce, const codec::UInt256& balance)
{
    codec::RlpEncoder rlp;
    rlp.beginList();
    rlp.addUInt(nonce);
    rlp.addUInt(balance);
    rlp.endList();
    return rlp.finish();
}

// The height synced to, or the message the sync failed with.
std::expected<std::uint64_t, QString> syncOnce(LightClient& client)
{
    QSignalSpy synced(&client, &LightClient::synced);
    QSignalSpy failed(&client, &LightClient::syncFailed);
    client.sync();
    if (!QTest::qWaitFor([&] { return !synced.isEmpty() || !failed.isEmpty(); }, kLightWaitMs))
        return std::unexpected(QStringLiteral("the sync never finished"));
    if (!failed.isEmpty())
        return std::unexpected(failed.first().first().toString());
    return synced.first().first().toULongLong();
}

bool namesHeight(const QString& message, std::uint64_t height)
{
    return message.contains(QRegularExpression(QStringLiteral("height %1\\b").arg(height)));
}

const crypto::PrivateKey& strangerKey()
{
    static const crypto::PrivateKey key = validatorKey(0x5a);
    return key;
}

} // namespace

class TestLightTamperingProxy : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    NodeProcess m_node;
    protocol::NetworkProfile m_profile; // endpoints: the proxy
    std::unique_ptr<TamperingProxy> m_proxy;
    std::unique_ptr<LightClient> m_client;
    codec::UInt256 m_gasPrice;
    Hash256 m_first {}; // two transfers in one block
    Hash256 m_second {};
    QJsonObject m_secondProof; // the node's true ls_getReceiptProof answer for m_second

    std::uint64_t nodeHeight()
    {
        return quantityOf(m_node.result(QStringLiteral("eth_blockNumber")));
    }
    bool waitForNodeAt(std::uint64_t height)
    {
        return QTest::qWaitFor([&] { return nodeHeight() >= height; }, kLightWaitMs);
    }
    protocol::Transaction transfer(std::uint32_t from, std::uint64_t nonce)
    {
        protocol::Transaction tx;
        tx.type = protocol::TransactionType::DynamicFee;
        tx.nonce = nonce;
        tx.maxFeePerGas = m_gasPrice;
        tx.gasLimit = 21'000;
        tx.to = addressOfKey(devKey(1));
        tx.value = pht(1);
        tx.sign(devKey(from), m_profile.chainId);
        return tx;
    }
    QJsonObject sendRaw(const protocol::Transaction& tx, int id)
    {
        return { { QStringLiteral("jsonrpc"), QStringLiteral("2.0") }, { QStringLiteral("id"), id },
            { QStringLiteral("method"), QStringLiteral("eth_sendRawTransaction") },
            { QStringLiteral("params"), QJsonArray { hexText(tx.encode()) } } };
    }

private Q_SLOTS:
    void initTestCase()
    {
        const auto dataDir = std::filesystem::path(m_dir.path().toStdString()) / "chain";
        QVERIFY(m_node.start({ QStringLiteral("--dev"), QStringLiteral("--datadir"),
            QString::fromStdString(dataDir.string()), QStringLiteral("--rpc"),
            QStringLiteral("127.0.0.1:0"), QStringLiteral("--heartbeat-ms"),
            QStringLiteral("200") }));
        m_profile = must(protocol::NetworkProfile::load(dataDir / "network.json"));
        m_gasPrice = must(codec::UInt256::fromHexQuantity(
            m_node.result(QStringLiteral("eth_gasPrice")).toString().toStdString()));

        // One batch, so both transfers land in one block: its receipt proofs have siblings.
        const protocol::Transaction first = transfer(0, 0);
        const protocol::Transaction second = transfer(2, 0);
        m_first = first.hash();
        m_second = second.hash();
        m_node.post(QJsonDocument(QJsonArray { sendRaw(first, 1), sendRaw(second, 2) }).toJson());
        const QJsonObject a = m_node.waitForReceipt(hexText(m_first));
        const QJsonObject b = m_node.waitForReceipt(hexText(m_second));
        QVERIFY(!a.isEmpty() && !b.isEmpty());
        QCOMPARE(a.value(QStringLiteral("blockNumber")), b.value(QStringLiteral("blockNumber")));
        m_secondProof
            = m_node.result(QStringLiteral("ls_getReceiptProof"), { hexText(m_second) }).toObject();

        m_proxy = std::make_unique<TamperingProxy>(m_node.port());
        m_profile.endpoints = { m_proxy->url() };
        // Block by block, so a lie about the next block is always met at verified height + 1.
        light::LightClientOptions options;
        options.sequentialWindow = 1'000'000;
        m_client = std::make_unique<LightClient>(
            m_profile, std::filesystem::path(m_dir.path().toStdString()) / "headers.db", options);
        mustSucceed(m_client->open());
        auto synced = syncOnce(*m_client);
        QVERIFY2(synced, qPrintable(synced.error()));
        QVERIFY(*synced >= quantityOf(a.value(QStringLiteral("blockNumber"))));
    }

    void init() { m_proxy->beHonest(); }

    void blockLies_data()
    {
        QTest::addColumn<BlockEdit>("edit");
        QTest::addColumn<QString>("expected");
        auto flip = [](Hash256& hash) { hash[7] ^= 0x01; };
        QTest::newRow("state root") << BlockEdit([=](auto& b) { flip(b.header.stateRoot); })
                                    << QStringLiteral("the header at height");
        QTest::newRow("receipts root") << BlockEdit([=](auto& b) { flip(b.header.receiptsRoot); })
                                       << QStringLiteral("the header at height");
        QTest::newRow("height") << BlockEdit([](auto& b) { ++b.header.height; })
                                << QStringLiteral("Not the next block: expected height");
        QTest::newRow("time") << BlockEdit([](auto& b) { b.header.timeMs = 0; })
                              << QStringLiteral("Time going backwards");
        QTest::newRow("validators hash")
            << BlockEdit([=](auto& b) { flip(b.header.validatorsHash); })
            << QStringLiteral("announced the next validator set");
        QTest::newRow("next validators hash")
            << BlockEdit([=](auto& b) { flip(b.header.nextValidatorsHash); })
            << QStringLiteral("the header at height");
        QTest::newRow("parent hash") << BlockEdit([=](auto& b) { flip(b.header.parentHash); })
                                     << QStringLiteral("Bad parent link");
        QTest::newRow("signature byte flipped")
            << BlockEdit([](auto& b) { b.commit.signatures.at(0).signature.r[20] ^= 0x01; })
            << QStringLiteral("Commit rejected: signature #0 (validator index 0)");
        QTest::newRow("commit for another block")
            << BlockEdit([](auto& b) { b.commit.blockHash = b.header.parentHash; })
            << QStringLiteral("Commit rejected: it is for block");
        QTest::newRow("commit for another height")
            << BlockEdit([](auto& b) { ++b.commit.height; })
            << QStringLiteral("Commit rejected: it is for height");
        QTest::newRow("signer removed") << BlockEdit([](auto& b) { b.commit.signatures.clear(); })
                                        << QStringLiteral("Insufficient voting power");
        QTest::newRow("vote signed by a stranger") << BlockEdit([](auto& b) {
            b.commit.signatures.at(0).signature = crypto::sign(strangerKey(),
                protocol::voteSignBytes(
                    b.header.chainId, b.commit.height, b.commit.round, b.commit.blockHash));
        }) << QStringLiteral("is not a vote of");
        QTest::newRow("validator power altered") << BlockEdit([](auto& b) {
            b.validators = must(protocol::ValidatorSet::create(
                { { b.validators.at(0).address, b.validators.at(0).votingPower + 1 } }));
        }) << QStringLiteral("Validator set hash mismatch: the validator set sent with");
        QTest::newRow("validator set swapped") << BlockEdit([](auto& b) {
            b.validators = validatorSet({ { 0x5a, 10 } });
        }) << QStringLiteral("Validator set hash mismatch: the validator set sent with");
        QTest::newRow("validator set forged and signed") << BlockEdit([](auto& b) {
            b.validators = validatorSet({ { 0x5a, 10 } });
            b.header.validatorsHash = b.validators.hash();
            b.commit = signBy(b.header, b.validators);
        }) << QStringLiteral("announced the next validator set");
    }

    void blockLies()
    {
        QFETCH(BlockEdit, edit);
        QFETCH(QString, expected);
        const std::uint64_t before = *m_client->verifiedHeight();
        const Hash256 beforeHash = m_client->latest()->hash();
        QVERIFY(waitForNodeAt(before + 2));
        const int told = m_proxy->liesTold();
        m_proxy->lieAbout(QStringLiteral("ls_getLightBlock"), editLightBlock(edit));

        auto refused = syncOnce(*m_client);
        QVERIFY(m_proxy->liesTold() > told);
        QVERIFY2(!refused, "a tampered block was accepted");
        const QString message = refused.error();
        QVERIFY2(message.contains(expected), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("does not verify")), qPrintable(message));
        QVERIFY2(namesHeight(message, before + 1), qPrintable(message));
        QCOMPARE(m_client->verifiedHeight(), std::optional { before });
        QVERIFY(m_client->latest()->hash() == beforeHash);
        QCOMPARE(m_client->endpoints().at(0).state, State::Faulty);
        QCOMPARE(QString::fromStdString(m_client->endpoints().at(0).detail), message);

        m_proxy->beHonest();
        auto synced = syncOnce(*m_client);
        QVERIFY2(synced, qPrintable(synced.error()));
        QVERIFY(*synced > before);
        QCOMPARE(m_client->endpoints().at(0).state, State::Agrees);
    }

    void genesisLie()
    {
        QTemporaryDir storeDir;
        LightClient fresh(m_profile, std::filesystem::path(storeDir.path().toStdString()) / "h.db");
        mustSucceed(fresh.open());
        m_proxy->lieAbout(QStringLiteral("ls_getLightBlock"), editLightBlock([](auto& block) {
            if (block.header.height == 0)
                block.header.stateRoot[0] ^= 0x01;
        }));
        auto refused = syncOnce(fresh);
        QVERIFY(!refused);
        QVERIFY2(refused.error().contains(QStringLiteral("Genesis mismatch: the server's genesis "
                                                         "block hashes to")),
            qPrintable(refused.error()));
        QVERIFY(refused.error().contains(QString::fromStdString(hexOf(m_profile.genesisHash))));
        QVERIFY(!fresh.verifiedHeight().has_value());

        m_proxy->beHonest();
        QVERIFY(syncOnce(fresh));
        QVERIFY(fresh.verifiedHeight().has_value());
    }

    void stateProofLies_data()
    {
        QTest::addColumn<StateEdit>("edit");
        QTest::addColumn<std::uint32_t>("account"); // dev account index; 9 was never used
        QTest::addColumn<QString>("expected");
        auto reworded = [](std::optional<Bytes>& value, auto change) {
            auto record = must(light::AccountRecord::decode(*value));
            change(record);
            value = accountValue(record.nonce, record.balance);
        };
        QTest::newRow("balance raised") << StateEdit([=](auto& value, auto&) {
            reworded(value, [](auto& r) { r.balance = *r.balance.checkedAdd(pht(1000)); });
        }) << 0u << QStringLiteral("holds a different value");
        QTest::newRow("nonce changed") << StateEdit([=](auto& value, auto&) {
            reworded(value, [](auto& r) { r.nonce += 5; });
        }) << 0u << QStringLiteral("holds a different value");
        QTest::newRow("balance raised, leaf rehashed") << StateEdit([=](auto& value, auto& proof) {
            reworded(value, [](auto& r) { r.balance = *r.balance.checkedAdd(pht(1)); });
            proof.terminal->valueHash = crypto::keccak256(*value);
        }) << 0u << QStringLiteral("does not lead to the trusted state root");
        QTest::newRow("sibling altered") << StateEdit([](auto&, auto& proof) {
            auto sibling = std::ranges::find_if(
                proof.siblings, [](const Hash256& h) { return h != protocol::kEmptyStateHash; });
            (*sibling)[31] ^= 0x01;
        }) << 0u << QStringLiteral("does not lead to the trusted state root");
        QTest::newRow("deepest sibling dropped")
            << StateEdit([](auto&, auto& proof) { proof.siblings.pop_back(); }) << 0u
            << QStringLiteral("does not lead to the trusted state root");
        QTest::newRow("existing account said absent")
            << StateEdit([](auto& value, auto&) { value.reset(); }) << 1u
            << QStringLiteral("is present");
        QTest::newRow("existing account said absent, empty terminal") << StateEdit(
            [](auto& value, auto& proof) {
                value.reset();
                proof.terminal.reset();
            }) << 1u << QStringLiteral("does not lead to the trusted state root");
        QTest::newRow("absent account said funded")
            << StateEdit([](auto& value, auto&) { value = accountValue(0, pht(1000)); }) << 9u
            << QStringLiteral("absent");
    }

    void stateProofLies()
    {
        QFETCH(StateEdit, edit);
        QFETCH(std::uint32_t, account);
        QFETCH(QString, expected);
        const crypto::Address who = addressOfKey(devKey(account));
        const std::uint64_t height = *m_client->verifiedHeight();
        const int told = m_proxy->liesTold();
        m_proxy->lieAbout(QStringLiteral("ls_getStateProof"), editStateProof(edit));

        auto refused = awaitResult<light::Verified<light::AccountRecord>>(
            [&](auto done) { m_client->account(who, done); });
        QVERIFY(m_proxy->liesTold() > told);
        QVERIFY2(!refused, "a tampered state proof was accepted");
        const QString message = QString::fromStdString(refused.error().message);
        QCOMPARE(refused.error().kind, ErrorKind::Verification);
        QVERIFY2(message.startsWith(QStringLiteral("The server's balance proof does not match the "
                                                   "verified state root at height %1:")
                                        .arg(height)),
            qPrintable(message));
        QVERIFY2(message.contains(expected), qPrintable(message));
        QCOMPARE(m_client->verifiedHeight(), std::optional { height });

        m_proxy->beHonest();
        auto read = awaitResult<light::Verified<light::AccountRecord>>(
            [&](auto done) { m_client->account(who, done); });
        QVERIFY2(read, read ? "" : read.error().message.c_str());
        QCOMPARE(read->height, height);
        const QJsonArray at { hexText(who.bytes()), quantityText(height) };
        QCOMPARE(QString::fromStdString(read->value.balance.toHexQuantity()),
            m_node.result(QStringLiteral("eth_getBalance"), at).toString());
        QCOMPARE(read->value.nonce,
            quantityOf(m_node.result(QStringLiteral("eth_getTransactionCount"), at)));
    }

    void receiptLies_data()
    {
        QTest::addColumn<ReceiptEdit>("edit");
        QTest::addColumn<QString>("expected");
        const QString mismatch = QStringLiteral("receipt proof does not match the verified "
                                                "receipts root at height");
        QTest::newRow("status flipped")
            << ReceiptEdit([](auto& a) { a.receipt.status = protocol::Receipt::kFailure; })
            << mismatch;
        QTest::newRow("gas used") << ReceiptEdit([](auto& a) { a.receipt.gasUsed += 1; })
                                  << mismatch;
        QTest::newRow("log added") << ReceiptEdit([](auto& a) {
            a.receipt.logs.push_back(
                { addressOfKey(strangerKey()), { TestChain::filledHash(7) }, Bytes { 1, 2, 3 } });
        }) << mismatch;
        QTest::newRow("proof sibling altered")
            << ReceiptEdit([](auto& a) { a.proof.path.at(0)[0] ^= 0x01; }) << mismatch;
        QTest::newRow("index changed")
            << ReceiptEdit([](auto& a) { a.index = a.proof.index = 1 - a.index; }) << mismatch;
        QTest::newRow("another block's height")
            << ReceiptEdit([](auto& a) { --a.height; }) << mismatch;
        QTest::newRow("transaction hash swapped")
            << ReceiptEdit([this](auto& a) { a.receipt.txHash = m_second; })
            << QStringLiteral("The server answered with the receipt of transaction %1 when asked "
                              "for %2.")
                   .arg(hexText(m_second), hexText(m_first));
        QTest::newRow("other receipt passed off as this one") << ReceiptEdit([this](auto& a) {
            a.receipt = must(
                protocol::Receipt::decode(bytesOf(m_secondProof[QStringLiteral("receipt")])));
            a.receipt.txHash = m_first;
            a.proof = must(
                protocol::MerkleProof::decode(bytesOf(m_secondProof[QStringLiteral("proof")])));
            a.index = a.proof.index;
        }) << mismatch;
    }

    void receiptLies()
    {
        QFETCH(ReceiptEdit, edit);
        QFETCH(QString, expected);
        const std::uint64_t height = *m_client->verifiedHeight();
        const int told = m_proxy->liesTold();
        m_proxy->lieAbout(QStringLiteral("ls_getReceiptProof"), editReceiptProof(edit));

        auto refused = awaitResult<light::ConfirmedTransaction>(
            [&](auto done) { m_client->confirm(m_first, done); });
        QVERIFY(m_proxy->liesTold() > told);
        QVERIFY2(!refused, "a tampered receipt was accepted");
        QCOMPARE(refused.error().kind, ErrorKind::Verification);
        QVERIFY2(QString::fromStdString(refused.error().message).contains(expected),
            refused.error().message.c_str());
        QCOMPARE(m_client->verifiedHeight(), std::optional { height });

        m_proxy->beHonest();
        auto confirmed = awaitResult<light::ConfirmedTransaction>(
            [&](auto done) { m_client->confirm(m_first, done); });
        QVERIFY2(confirmed, confirmed ? "" : confirmed.error().message.c_str());
        const QJsonObject receipt = m_node.waitForReceipt(hexText(m_first));
        QVERIFY(confirmed->receipt.txHash == m_first);
        QCOMPARE(confirmed->receipt.status, protocol::Receipt::kSuccess);
        QCOMPARE(confirmed->receipt.gasUsed, std::uint64_t { 21'000 });
        QCOMPARE(confirmed->height, quantityOf(receipt[QStringLiteral("blockNumber")]));
        QCOMPARE(confirmed->index, quantityOf(receipt[QStringLiteral("transactionIndex")]));
    }

    void submittedHashSwapped()
    {
        const protocol::Transaction tx = transfer(0, 1);
        m_proxy->lieAbout(QStringLiteral("eth_sendRawTransaction"),
            [this](const QJsonObject&, QJsonObject& response) {
                response[QStringLiteral("result")] = hexText(m_second);
            });
        auto refused
            = awaitResult<Hash256>([&](auto done) { m_client->submit(tx.encode(), done); });
        QVERIFY(!refused);
        QVERIFY2(
            refused.error().message.find("the server reports transaction hash " + hexOf(m_second)
                + ", but the transaction sent " + "hashes to " + hexOf(tx.hash()))
                != std::string::npos,
            refused.error().message.c_str());

        // The node took it all the same (only the answer lied); the next one goes through.
        m_proxy->beHonest();
        const protocol::Transaction next = transfer(0, 2);
        auto accepted
            = awaitResult<Hash256>([&](auto done) { m_client->submit(next.encode(), done); });
        QVERIFY2(accepted, accepted ? "" : accepted.error().message.c_str());
        QVERIFY(*accepted == next.hash());
        QVERIFY(!m_node.waitForReceipt(hexText(next.hash())).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLightTamperingProxy)
#include "tst_light_tampering_proxy.moc"
