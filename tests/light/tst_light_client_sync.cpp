#include "core/light/LightClient.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include "tests/light/LightClientTestSupport.h"

using namespace ls;
using namespace ls::testing;
using light::EndpointStatus;
using light::LightClient;

namespace {

protocol::ValidatorSet fourEqual()
{
    return validatorSet({ { 1, 1 }, { 2, 1 }, { 3, 1 }, { 4, 1 } });
}

int lightBlockRequests(CannedHttpServer& server, std::optional<std::uint64_t> atHeight = {})
{
    int count = 0;
    for (const QJsonObject& request : server.received()) {
        if (request.value(QStringLiteral("method")).toString() != QLatin1String("ls_getLightBlock"))
            continue;
        const QString param = request.value(QStringLiteral("params")).toArray().at(0).toString();
        if (!atHeight || param == QString::fromStdString(codec::UInt256(*atHeight).toHexQuantity()))
            ++count;
    }
    return count;
}

bool syncAndWait(LightClient& client)
{
    QSignalSpy synced(&client, &LightClient::synced);
    QSignalSpy failed(&client, &LightClient::syncFailed);
    client.sync();
    if (!QTest::qWaitFor([&] { return !synced.isEmpty() || !failed.isEmpty(); }, kLightWaitMs))
        return false;
    if (!failed.isEmpty())
        qWarning("sync failed: %s", qPrintable(failed.first().first().toString()));
    return failed.isEmpty();
}

QString syncFailure(LightClient& client)
{
    QSignalSpy synced(&client, &LightClient::synced);
    QSignalSpy failed(&client, &LightClient::syncFailed);
    client.sync();
    if (!QTest::qWaitFor([&] { return !synced.isEmpty() || !failed.isEmpty(); }, kLightWaitMs))
        return QStringLiteral("<no outcome>");
    return failed.isEmpty() ? QStringLiteral("<synced>") : failed.first().first().toString();
}

} // namespace

class TestLightClientSync : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void syncsSequentiallyFromGenesis()
    {
        FakeNode node(validatorSet({ { 1, 10 } }));
        node.addBlocks(10);
        ClientFixture client(node.chain(), { node.url() });
        QSignalSpy progress(&client.client(), &LightClient::syncProgress);
        QVERIFY(syncAndWait(client.client()));
        QCOMPARE(client->verifiedHeight(), std::optional<std::uint64_t> { 10 });
        QVERIFY(*client->latest() == light::TrustedState(node.chain().at(10)));
        QCOMPARE(progress.size(), 10);
        QCOMPARE(progress.last().at(0).toULongLong(), 10ULL);
        QCOMPARE(client->endpoints().at(0).state, EndpointStatus::State::Agrees);
        QVERIFY(!client->isSyncing());
    }

    void skipsWithBisectionWhenFarBehind()
    {
        FakeNode node(validatorSet({ { 1, 1 }, { 2, 1 }, { 3, 1 } }));
        node.addBlocks(60);
        node.chain().changeValidators(validatorSet({ { 4, 1 }, { 5, 1 }, { 6, 1 } }));
        node.addBlocks(140);
        ClientFixture client(node.chain(), { node.url() });
        QVERIFY(syncAndWait(client.client()));
        QCOMPARE(client->verifiedHeight(), std::optional<std::uint64_t> { 200 });
        const int fetched = lightBlockRequests(node.server());
        QVERIFY2(fetched < 30, std::to_string(fetched).c_str());
    }

    void restartResumesWithoutGenesis()
    {
        FakeNode node(fourEqual());
        node.addBlocks(10);
        ClientFixture client(node.chain(), { node.url() });
        QVERIFY(syncAndWait(client.client()));
        QCOMPARE(lightBlockRequests(node.server(), 0), 1);

        client.reopen();
        QCOMPARE(client->verifiedHeight(), std::optional<std::uint64_t> { 10 });
        node.addBlocks(5);
        QVERIFY(syncAndWait(client.client()));
        QCOMPARE(client->verifiedHeight(), std::optional<std::uint64_t> { 15 });
        QCOMPARE(lightBlockRequests(node.server(), 0), 1); // genesis never fetched again
        QCOMPARE(lightBlockRequests(node.server(), 5), 1);
    }

    void wrongNetworkIsRefused()
    {
        FakeNode node(fourEqual());
        node.addBlocks(2);
        TestChain other(validatorSet({ { 9, 1 } }));
        ClientFixture client(other, { node.url() });
        QSignalSpy faulty(&client.client(), &LightClient::endpointFaulty);
        const QString message = syncFailure(client.client());
        QVERIFY2(message.contains(QStringLiteral("Genesis mismatch")), qPrintable(message));
        QCOMPARE(client->endpoints().at(0).state, EndpointStatus::State::Faulty);
        QCOMPARE(faulty.size(), 1);
        QVERIFY(!client->verifiedHeight());
    }

    void forgedBlocksStopTheSync()
    {
        FakeNode node(fourEqual());
        node.addBlocks(6);
        protocol::LightBlock forged = node.chain().at(4);
        forged.header.stateRoot = TestChain::filledHash(0x66); // commit no longer matches
        node.replaced.insert_or_assign(4, forged);
        ClientFixture client(node.chain(), { node.url() });
        const QString message = syncFailure(client.client());
        QVERIFY2(message.contains(QStringLiteral("does not verify")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("height 4")), qPrintable(message));
        QCOMPARE(client->verifiedHeight(), std::optional<std::uint64_t> { 3 }); // progress kept
        QCOMPARE(client->endpoints().at(0).state, EndpointStatus::State::Faulty);
    }

    void garbageFromThePrimary()
    {
        FakeNode node(fourEqual());
        node.addBlocks(2);
        node.intercept = [](const QJsonObject&) -> std::optional<CannedReply> {
            return CannedReply::raw(200, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":[]}");
        };
        ClientFixture client(node.chain(), { node.url() });
        const QString message = syncFailure(client.client());
        QVERIFY2(message.contains(QStringLiteral("malformed")), qPrintable(message));
        QCOMPARE(client->endpoints().at(0).state, EndpointStatus::State::Faulty);
    }

    void unreachablePrimaryFallsBackToTheNext()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const std::string closed = "http://127.0.0.1:" + std::to_string(probe.serverPort());
        probe.close();
        FakeNode node(fourEqual());
        node.addBlocks(3);
        ClientFixture client(node.chain(), { closed, node.url() });
        const QString message = syncFailure(client.client());
        QVERIFY2(message.contains(QStringLiteral("Cannot reach")), qPrintable(message));
        QCOMPARE(client->endpoints().at(0).state, EndpointStatus::State::Unreachable);
        QVERIFY(client->endpoints().at(1).primary);
        QVERIFY(syncAndWait(client.client()));
        QCOMPARE(client->verifiedHeight(), std::optional<std::uint64_t> { 3 });
    }

    void syncCanBeCancelled()
    {
        FakeNode node(fourEqual());
        node.addBlocks(3);
        node.intercept = [](const QJsonObject&) -> std::optional<CannedReply> {
            CannedReply silent;
            silent.hang = true;
            return silent;
        };
        ClientFixture client(node.chain(), { node.url() });
        QSignalSpy cancelled(&client.client(), &LightClient::syncCancelled);
        QSignalSpy synced(&client.client(), &LightClient::synced);
        QSignalSpy failed(&client.client(), &LightClient::syncFailed);
        client->sync();
        QVERIFY(client->isSyncing());
        QTRY_COMPARE_WITH_TIMEOUT(node.server().requests(), 1, kLightWaitMs);
        client->cancelSync();
        QCOMPARE(cancelled.size(), 1);
        QVERIFY(!client->isSyncing());
        node.intercept = nullptr;
        QVERIFY(syncAndWait(client.client())); // a new sync runs normally
        QCOMPARE(failed.size(), 0);
        QCOMPARE(synced.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestLightClientSync)
#include "tst_light_client_sync.moc"
