// The light client against a real `lightstreams-node --dev` on 127.0.0.1: sync from the pinned
// genesis, cross-check, proven balances, and a transfer submitted, confirmed by a receipt proof
// and visible in the proven balances afterwards.
#include "core/crypto/HdKey.h"
#include "core/crypto/Mnemonic.h"
#include "core/light/LightClient.h"
#include "core/light/RpcClient.h"
#include "core/protocol/NetworkProfile.h"
#include "core/protocol/Transaction.h"

#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "tests/light/LightClientTestSupport.h"
#include "tests/support/DevNetwork.h"

using namespace ls;
using namespace ls::testing;

namespace {

crypto::PrivateKey devKey(std::uint32_t index)
{
    auto mnemonic = must(crypto::Mnemonic::parse(kDevPhrase));
    auto seed = must(mnemonic.seed());
    return must(crypto::ethereumAccountKey(seed, index));
}

codec::UInt256 pht(std::uint64_t whole)
{
    return *codec::UInt256(whole).checkedMul(codec::UInt256(1'000'000'000'000'000'000ULL));
}

bool syncAndCrossCheck(light::LightClient& client)
{
    QSignalSpy checked(&client, &light::LightClient::crossCheckFinished);
    QSignalSpy failed(&client, &light::LightClient::syncFailed);
    client.sync();
    if (!QTest::qWaitFor([&] { return !checked.isEmpty() || !failed.isEmpty(); }, kLightWaitMs))
        return false;
    if (!failed.isEmpty())
        qWarning("sync failed: %s", qPrintable(failed.first().first().toString()));
    return failed.isEmpty();
}

} // namespace

class TestLightNodeIntegration : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lightClientAgainstARealNode()
    {
        DevNetwork node;
        QVERIFY(node.start());
        const std::string url = node.profile().endpoints.front();

        // The genesis file the node serves decodes, and names the validator set the verified
        // genesis header commits to.
        light::RpcClient rpc(QUrl(QString::fromStdString(url)));
        std::optional<light::RpcResult<light::GenesisInfo>> genesis;
        rpc.getGenesis([&](auto result) { genesis = std::move(result); });
        QTRY_VERIFY_WITH_TIMEOUT(genesis.has_value(), kLightWaitMs);
        QVERIFY2(*genesis, genesis->error().message.c_str());
        QCOMPARE((*genesis)->chainId, node.profile().chainId);

        QTemporaryDir storeDir;
        const auto storePath = std::filesystem::path(storeDir.path().toStdString()) / "headers.db";
        auto profile = node.profile();
        profile.endpoints = { url, url }; // a second endpoint to cross-check with
        auto client = std::make_unique<light::LightClient>(profile, storePath);
        mustSucceed(client->open());
        QVERIFY(syncAndCrossCheck(*client));
        QVERIFY(client->verifiedHeight().has_value());
        QCOMPARE(client->endpoints().at(1).state, light::EndpointStatus::State::Agrees);
        const auto genesisSet = must(protocol::ValidatorSet::create((*genesis)->validators)).hash();
        // One validator that never changes on --dev: the newest verified block names it too.
        QVERIFY(client->latest()->header().validatorsHash == genesisSet);

        const crypto::Address alice = crypto::Address::fromPublicKey(devKey(0).publicKey());
        const crypto::Address bob = crypto::Address::fromPublicKey(devKey(1).publicKey());
        auto before = must(awaitResult<light::Verified<light::AccountRecord>>(
            [&](auto done) { client->account(alice, done); }));
        QCOMPARE(before.value.balance, pht(1'000'000));
        QCOMPARE(before.value.nonce, std::uint64_t { 0 });

        protocol::Transaction transfer;
        transfer.type = protocol::TransactionType::DynamicFee;
        transfer.nonce = 0;
        transfer.maxFeePerGas = (*genesis)->params.minGasPrice;
        transfer.gasLimit = 21'000;
        transfer.to = bob;
        transfer.value = pht(1);
        transfer.sign(devKey(0), node.profile().chainId);
        const Bytes raw = transfer.encode();
        const Hash256 hash
            = must(awaitResult<Hash256>([&](auto done) { client->submit(raw, done); }));
        QVERIFY(hash == transfer.hash());

        // Blocks follow within a heartbeat; until then the server reports it not in a block.
        std::optional<light::ConfirmedTransaction> confirmed;
        QVERIFY(QTest::qWaitFor(
            [&] {
                auto attempt = awaitResult<light::ConfirmedTransaction>(
                    [&](auto done) { client->confirm(hash, done); });
                if (attempt) {
                    confirmed = *attempt;
                    return true;
                }
                if (attempt.error().kind != ErrorKind::NotFound)
                    qFatal("confirm failed: %s", attempt.error().message.c_str());
                QTest::qWait(100);
                return false;
            },
            kLightWaitMs));
        QCOMPARE(confirmed->receipt.status, protocol::Receipt::kSuccess);
        QCOMPARE(confirmed->receipt.gasUsed, std::uint64_t { 21'000 });
        QVERIFY(*client->verifiedHeight() >= confirmed->height);

        auto bobAfter = must(awaitResult<light::Verified<light::AccountRecord>>(
            [&](auto done) { client->account(bob, done); }));
        QCOMPARE(bobAfter.value.balance, pht(1'000'001));
        auto aliceAfter = must(awaitResult<light::Verified<light::AccountRecord>>(
            [&](auto done) { client->account(alice, done); }));
        QCOMPARE(aliceAfter.value.nonce, std::uint64_t { 1 });

        // A restart resumes from the stored chain and keeps following the node.
        const std::uint64_t reached = *client->verifiedHeight();
        client.reset();
        client = std::make_unique<light::LightClient>(profile, storePath);
        mustSucceed(client->open());
        QCOMPARE(client->verifiedHeight(), std::optional<std::uint64_t> { reached });
        QVERIFY(syncAndCrossCheck(*client));
        QVERIFY(*client->verifiedHeight() >= reached);
        QVERIFY(client->alarms().empty());
    }
};

QTEST_GUILESS_MAIN(TestLightNodeIntegration)
#include "tst_light_node_integration.moc"
