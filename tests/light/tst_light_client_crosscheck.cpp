#include "core/light/LightClient.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include "tests/light/LightClientTestSupport.h"

using namespace ls;
using namespace ls::testing;
using light::EndpointStatus;
using light::LightClient;
using State = light::EndpointStatus::State;

namespace {

protocol::ValidatorSet fourEqual()
{
    return validatorSet({ { 1, 1 }, { 2, 1 }, { 3, 1 }, { 4, 1 } });
}

// Two servers of the same chain: TestChain is deterministic (RFC 6979 signatures, fixed times),
// so nodes built alike serve identical blocks.
struct TwoNodes {
    FakeNode a { fourEqual() };
    FakeNode b { fourEqual() };
    explicit TwoNodes(std::size_t blocks)
    {
        a.addBlocks(blocks);
        b.addBlocks(blocks);
    }
};

// Syncs and waits for the cross-check that follows.
bool syncAndCrossCheck(LightClient& client)
{
    QSignalSpy checked(&client, &LightClient::crossCheckFinished);
    QSignalSpy failed(&client, &LightClient::syncFailed);
    client.sync();
    if (!QTest::qWaitFor([&] { return !checked.isEmpty() || !failed.isEmpty(); }, kLightWaitMs))
        return false;
    if (!failed.isEmpty())
        qWarning("sync failed: %s", qPrintable(failed.first().first().toString()));
    return failed.isEmpty();
}

} // namespace

class TestLightClientCrossCheck : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void endpointsThatAgree()
    {
        TwoNodes nodes(8);
        ClientFixture client(nodes.a.chain(), { nodes.a.url(), nodes.b.url() });
        QVERIFY(syncAndCrossCheck(client.client()));
        QCOMPARE(client->endpoints().at(0).state, State::Agrees);
        QCOMPARE(client->endpoints().at(1).state, State::Agrees);
        QVERIFY(client->endpoints().at(0).primary);
        QVERIFY(client->alarms().empty());
    }

    void forkRaisesAnAlarmWithEvidence()
    {
        TwoNodes nodes(8);
        // Validators 1, 2 and 3 also sign another block 8, which only server B serves.
        const protocol::LightBlock fork = resigned(nodes.b.chain().at(8),
            [](protocol::Header& h) { h.txRoot = TestChain::filledHash(0x0f); }, { 1, 2, 3 });
        nodes.b.replaced.insert_or_assign(8, fork);
        ClientFixture client(nodes.a.chain(), { nodes.a.url(), nodes.b.url() });
        QSignalSpy alarm(&client.client(), &LightClient::alarmRaised);
        QVERIFY(syncAndCrossCheck(client.client()));

        QCOMPARE(alarm.size(), 1);
        QVERIFY(alarm.first().first().toString().contains(QStringLiteral("Fork at height 8")));
        QCOMPARE(client->alarms().size(), std::size_t { 1 });
        const light::ForkAlarm& evidence = client->alarms().front();
        QCOMPARE(evidence.height, std::uint64_t { 8 });
        QVERIFY(evidence.verified == nodes.a.chain().at(8));
        QVERIFY(evidence.conflicting == fork);
        QCOMPARE(evidence.verifiedSource, nodes.a.url());
        QCOMPARE(evidence.conflictingSource, nodes.b.url());
        QCOMPARE(evidence.doubleSigners.size(), std::size_t { 3 });
        QCOMPARE(client->endpoints().at(1).state, State::Forked);
        // Never a silent switch: the verified chain is still A's.
        QVERIFY(client->latest()->hash() == nodes.a.chain().at(8).header.hash());

        // Asking again does not repeat the alarm.
        QVERIFY(syncAndCrossCheck(client.client()));
        QCOMPARE(client->alarms().size(), std::size_t { 1 });
    }

    void primaryContradictingTheVerifiedChain()
    {
        FakeNode node(fourEqual());
        node.addBlocks(5);
        ClientFixture client(node.chain(), { node.url() });
        QVERIFY(syncAndCrossCheck(client.client()));
        node.replaced.insert_or_assign(5,
            resigned(node.chain().at(5), [](protocol::Header& h) { h.timeMs += 7; }, { 2, 3, 4 }));
        QSignalSpy failed(&client.client(), &LightClient::syncFailed);
        client->sync();
        QVERIFY(failed.wait(kLightWaitMs));
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("contradicts")),
            qPrintable(failed.first().first().toString()));
        QCOMPARE(client->alarms().size(), std::size_t { 1 });
        QCOMPARE(client->endpoints().at(0).state, State::Forked);
        QVERIFY(client->latest()->hash() == node.chain().at(5).header.hash());
    }

    void garbageMarksTheEndpointFaulty()
    {
        TwoNodes nodes(4);
        nodes.b.intercept = [](const QJsonObject& request) -> std::optional<CannedReply> {
            return CannedReply::result(request,
                QJsonObject { { QStringLiteral("header"), QStringLiteral("0xc0") },
                    { QStringLiteral("commit"), QStringLiteral("0xc0") },
                    { QStringLiteral("validators"), QStringLiteral("0xc0") } });
        };
        ClientFixture client(nodes.a.chain(), { nodes.a.url(), nodes.b.url() });
        QSignalSpy faulty(&client.client(), &LightClient::endpointFaulty);
        QVERIFY(syncAndCrossCheck(client.client()));
        QCOMPARE(client->endpoints().at(1).state, State::Faulty);
        QVERIFY2(client->endpoints().at(1).detail.find("malformed") != std::string::npos,
            client->endpoints().at(1).detail.c_str());
        QCOMPARE(faulty.size(), 1);
        QCOMPARE(faulty.first().first().toString(), QString::fromStdString(nodes.b.url()));
        QVERIFY(client->alarms().empty());
    }

    void blocksSignedByStrangersAreFaultyNotForks()
    {
        TwoNodes nodes(4);
        const auto strangers = validatorSet({ { 40, 1 }, { 41, 1 } });
        protocol::Header header = nodes.b.chain().at(4).header;
        header.stateRoot = TestChain::filledHash(0x40);
        header.validatorsHash = strangers.hash();
        nodes.b.replaced.insert_or_assign(
            4, protocol::LightBlock { header, signBy(header, strangers), strangers });
        ClientFixture client(nodes.a.chain(), { nodes.a.url(), nodes.b.url() });
        QVERIFY(syncAndCrossCheck(client.client()));
        QCOMPARE(client->endpoints().at(1).state, State::Faulty);
        QVERIFY(client->endpoints().at(1).detail.find("does not trust") != std::string::npos);
        QVERIFY(client->alarms().empty());
    }

    void laggingAndUnreachableEndpoints()
    {
        TwoNodes nodes(10);
        nodes.b.reportedLatest = 6;
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const std::string closed = "http://127.0.0.1:" + std::to_string(probe.serverPort());
        probe.close();
        ClientFixture client(nodes.a.chain(), { nodes.a.url(), nodes.b.url(), closed });
        QVERIFY(syncAndCrossCheck(client.client()));
        QCOMPARE(client->endpoints().at(1).state, State::Behind);
        QVERIFY(client->endpoints().at(1).detail.find("height 10") != std::string::npos);
        QCOMPARE(client->endpoints().at(2).state, State::Unreachable);
        QVERIFY(client->alarms().empty());
    }
};

QTEST_GUILESS_MAIN(TestLightClientCrossCheck)
#include "tst_light_client_crosscheck.moc"
