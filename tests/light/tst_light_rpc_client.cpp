#include "core/codec/AbiRevert.h"
#include "core/codec/Hex.h"
#include "core/crypto/Keccak.h"
#include "core/light/RpcClient.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include "tests/light/CannedHttpServer.h"
#include "tests/light/LightTestSupport.h"

using namespace ls;
using namespace ls::testing;
using light::RpcClient;
using light::RpcClientOptions;
using light::RpcError;
using light::RpcResult;

namespace {

constexpr int kWaitMs = 20'000;

QString hexText(ByteView bytes)
{
    return QString::fromStdString(codec::toHex(bytes, true));
}

QJsonObject lightBlockJson(const protocol::LightBlock& block)
{
    return { { QStringLiteral("header"), hexText(block.header.encode()) },
        { QStringLiteral("commit"), hexText(block.commit.encode()) },
        { QStringLiteral("validators"), hexText(block.validators.encode()) } };
}

// Runs one call and waits (spinning the event loop) for its callback.
template <typename T, typename Start> RpcResult<T> await(Start start)
{
    std::optional<RpcResult<T>> out;
    start([&out](RpcResult<T> result) { out = std::move(result); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, kWaitMs))
        qFatal("the RPC callback never ran");
    return std::move(*out);
}

RpcResult<protocol::LightBlock> fetchBlock(RpcClient& client, std::optional<std::uint64_t> height)
{
    return await<protocol::LightBlock>([&](auto done) { client.getLightBlock(height, done); });
}

bool failedAs(
    const RpcResult<protocol::LightBlock>& result, RpcError::Kind kind, std::string_view fragment)
{
    if (result) {
        qWarning("expected an error, the call succeeded");
        return false;
    }
    if (result.error().kind != kind || result.error().message.find(fragment) == std::string::npos) {
        qWarning("expected kind %d containing \"%.*s\", got kind %d: %s", static_cast<int>(kind),
            static_cast<int>(fragment.size()), fragment.data(),
            static_cast<int>(result.error().kind), result.error().message.c_str());
        return false;
    }
    return true;
}

TestChain smallChain()
{
    TestChain chain(validatorSet({ { 1, 1 }, { 2, 1 }, { 3, 1 }, { 4, 1 } }));
    chain.appendMany(5);
    return chain;
}

} // namespace

class TestLightRpcClient : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void lightBlockRoundTrip()
    {
        const TestChain chain = smallChain();
        CannedHttpServer server([&](const QJsonObject& request) {
            return CannedReply::result(request, lightBlockJson(chain.at(3)));
        });
        RpcClient client(server.url());
        auto block = fetchBlock(client, 3);
        QVERIFY2(block, block ? "" : block.error().message.c_str());
        QVERIFY(*block == chain.at(3));
        QVERIFY(fetchBlock(client, std::nullopt));

        QCOMPARE(server.received().size(), 2);
        const QJsonObject first = server.received().at(0);
        QCOMPARE(first.value(QStringLiteral("jsonrpc")).toString(), QStringLiteral("2.0"));
        QCOMPARE(
            first.value(QStringLiteral("method")).toString(), QStringLiteral("ls_getLightBlock"));
        QCOMPARE(first.value(QStringLiteral("params")).toArray().at(0).toString(),
            QStringLiteral("0x3"));
        QCOMPARE(server.received().at(1).value(QStringLiteral("params")).toArray().at(0).toString(),
            QStringLiteral("latest"));
        QCOMPARE(client.pendingCalls(), std::size_t { 0 });
    }

    void callbacksNeverRunInsideTheCall()
    {
        const TestChain chain = smallChain();
        CannedHttpServer server([&](const QJsonObject& request) {
            return CannedReply::result(request, lightBlockJson(chain.at(1)));
        });
        RpcClient client(QUrl(QStringLiteral("http://127.0.0.1:1"))); // refused at once
        bool called = false;
        client.getLightBlock(1, [&](auto) { called = true; });
        QVERIFY(!called);
        QTRY_VERIFY_WITH_TIMEOUT(called, kWaitMs);
    }

    void jsonRpcErrorsKeepCodeMessageAndRevertData()
    {
        const Bytes revert = codec::encodeRevertReason("unknown title");
        CannedHttpServer server([&](const QJsonObject& request) {
            return CannedReply::error(
                request, 3, QStringLiteral("execution reverted: unknown title"), hexText(revert));
        });
        RpcClient client(server.url());
        auto result = await<QJsonValue>(
            [&](auto done) { client.call(QStringLiteral("eth_call"), QJsonArray {}, done); });
        QVERIFY(!result);
        const RpcError& error = result.error();
        QCOMPARE(error.kind, RpcError::Kind::Server);
        QCOMPARE(error.code, 3);
        QVERIFY(error.message.find("execution reverted: unknown title") != std::string::npos);
        QVERIFY(error.message.find("JSON-RPC error 3") != std::string::npos);
        QVERIFY(error.data && *error.data == revert);
        QCOMPARE(error.revertReason, std::optional<std::string>("unknown title"));
        QCOMPARE(error.method, std::string("eth_call"));
        QCOMPARE(error.endpoint, server.url().toString().toStdString());
    }

    void malformedAnswersAreRefused_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected");
        const TestChain chain = smallChain();
        const protocol::LightBlock& block = chain.at(2);
        auto envelope = [](const QByteArray& result) -> QByteArray {
            return "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":" + result + "}";
        };
        auto blockWith = [&](const QString& field, const QJsonValue& value) -> QByteArray {
            QJsonObject object = lightBlockJson(block);
            if (value.isUndefined())
                object.remove(field);
            else
                object.insert(field, value);
            return envelope(QJsonDocument(object).toJson(QJsonDocument::Compact));
        };
        const QString header = hexText(block.header.encode());
        QTest::newRow("not json") << QByteArray("<html>hello</html>") << "not JSON";
        QTest::newRow("array") << QByteArray("[1,2]") << "not a JSON object";
        QTest::newRow("wrong version")
            << QByteArray("{\"jsonrpc\":\"1.0\",\"id\":1,\"result\":{}}") << "\"jsonrpc\"";
        QTest::newRow("other id") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}")
                                  << "another request";
        QTest::newRow("result and error")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":1,\"error\":{\"code\":1}}")
            << "exactly one";
        QTest::newRow("null result") << envelope("null") << "expected a JSON object";
        QTest::newRow("missing commit")
            << blockWith(QStringLiteral("commit"), QJsonValue::Undefined) << "'commit' is missing";
        QTest::newRow("extra field") << blockWith(QStringLiteral("extra"), 1) << "unexpected field";
        QTest::newRow("no 0x") << blockWith(QStringLiteral("header"), header.mid(2)) << "\"0x\"";
        QTest::newRow("odd hex") << blockWith(
            QStringLiteral("header"), QString(header + QStringLiteral("0")))
                                 << "field 'header'";
        QTest::newRow("not hex") << blockWith(QStringLiteral("header"), QStringLiteral("0xzz"))
                                 << "not a hex string";
        QTest::newRow("header as number") << blockWith(QStringLiteral("header"), 5) << "hex string";
        QTest::newRow("trailing byte")
            << blockWith(QStringLiteral("header"), QString(header + QStringLiteral("00")))
            << "header";
        QTest::newRow("commit garbage")
            << blockWith(QStringLiteral("commit"), QStringLiteral("0xc3010203")) << "commit";
        QTest::newRow("empty validators")
            << blockWith(QStringLiteral("validators"), QStringLiteral("0xc0")) << "no validators";
    }

    void malformedAnswersAreRefused()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        CannedHttpServer server([&](const QJsonObject&) { return CannedReply::raw(200, body); });
        RpcClient client(server.url());
        auto result = fetchBlock(client, 2);
        QVERIFY(failedAs(result, RpcError::Kind::Malformed, expected.toStdString()));
        QVERIFY(result.error().message.find("ls_getLightBlock") != std::string::npos);
    }

    void strictQuantitiesAndHashes()
    {
        QJsonValue answer;
        CannedHttpServer server(
            [&](const QJsonObject& request) { return CannedReply::result(request, answer); });
        RpcClient client(server.url());
        auto chainId
            = [&] { return await<std::uint64_t>([&](auto done) { client.chainId(done); }); };
        answer = QStringLiteral("0x3fac");
        QCOMPARE(chainId().value_or(0), std::uint64_t { 16300 });
        for (const char* bad : { "0x03fac", "0x", "0x3FAC", "3fac", "0x10000000000000000" }) {
            answer = QString::fromLatin1(bad);
            auto refused = chainId();
            QVERIFY2(!refused && refused.error().kind == RpcError::Kind::Malformed, bad);
        }
        answer = 16300;
        QVERIFY(!chainId());

        const Bytes raw { 0x02, 0xc1, 0x80 };
        const Hash256 rightHash = crypto::keccak256(raw);
        auto submit = [&] {
            return await<Hash256>([&](auto done) { client.sendRawTransaction(raw, done); });
        };
        answer = hexText(rightHash);
        QVERIFY(submit() && *submit() == rightHash);
        answer = hexText(TestChain::filledHash(1));
        QVERIFY(!submit() && submit().error().message.find("hashes to") != std::string::npos);
        QCOMPARE(
            server.received().last().value(QStringLiteral("params")).toArray().at(0).toString(),
            QStringLiteral("0x02c180"));
    }

    void typedProofAndTransactionCalls()
    {
        QJsonValue answer;
        CannedHttpServer server(
            [&](const QJsonObject& request) { return CannedReply::result(request, answer); });
        RpcClient client(server.url());

        const protocol::StateProof emptyProof;
        answer = QJsonObject { { QStringLiteral("height"), QStringLiteral("0x7") },
            { QStringLiteral("value"), QJsonValue::Null },
            { QStringLiteral("proof"), hexText(emptyProof.encode()) } };
        const Bytes key(20, 0xab);
        auto proof = await<light::StateProofInfo>(
            [&](auto done) { client.getStateProof(7, 1, key, done); });
        QVERIFY2(proof, proof ? "" : proof.error().message.c_str());
        QVERIFY(!proof->value && proof->proof == emptyProof && proof->height == 7);
        const QJsonArray params
            = server.received().last().value(QStringLiteral("params")).toArray();
        QCOMPARE(params.at(0).toString(), QStringLiteral("0x7"));
        QCOMPARE(params.at(1).toString(), QStringLiteral("0x1"));
        QCOMPARE(params.at(2).toString(), hexText(key));
        auto wrongHeight = await<light::StateProofInfo>(
            [&](auto done) { client.getStateProof(8, 1, key, done); });
        QVERIFY(!wrongHeight
            && wrongHeight.error().message.find("height 8 was asked for") != std::string::npos);

        answer = QJsonValue::Null;
        auto none = await<std::optional<light::ReceiptProofInfo>>(
            [&](auto done) { client.getReceiptProof(TestChain::filledHash(5), done); });
        QVERIFY(none && !*none);

        protocol::Receipt receipt;
        receipt.txHash = TestChain::filledHash(5);
        receipt.gasUsed = 21000;
        receipt.cumulativeGasUsed = 21000;
        const protocol::MerkleProof listProof { 0, 1, {} };
        answer = QJsonObject { { QStringLiteral("height"), QStringLiteral("0x4") },
            { QStringLiteral("index"), QStringLiteral("0x0") },
            { QStringLiteral("receipt"), hexText(receipt.encode()) },
            { QStringLiteral("proof"), hexText(listProof.encode()) } };
        auto found = await<std::optional<light::ReceiptProofInfo>>(
            [&](auto done) { client.getReceiptProof(TestChain::filledHash(5), done); });
        QVERIFY2(found, found ? "" : found.error().message.c_str());
        QVERIFY(*found && (*found)->receipt == receipt && (*found)->height == 4);
        QVERIFY((*found)->receiptEncoding == receipt.encode());
        answer = QJsonObject { { QStringLiteral("height"), QStringLiteral("0x4") },
            { QStringLiteral("index"), QStringLiteral("0x1") },
            { QStringLiteral("receipt"), hexText(receipt.encode()) },
            { QStringLiteral("proof"), hexText(listProof.encode()) } };
        auto mismatch = await<std::optional<light::ReceiptProofInfo>>(
            [&](auto done) { client.getReceiptProof(TestChain::filledHash(5), done); });
        QVERIFY(!mismatch && mismatch.error().message.find("index") != std::string::npos);

        QJsonObject tx { { QStringLiteral("hash"), hexText(TestChain::filledHash(9)) },
            { QStringLiteral("type"), QStringLiteral("0x2") },
            { QStringLiteral("chainId"), QStringLiteral("0x3fac") },
            { QStringLiteral("nonce"), QStringLiteral("0x1") },
            { QStringLiteral("from"),
                QStringLiteral("0x1a642f0e3c3af545e7acbd38b07251b3990914f1") },
            { QStringLiteral("to"), QStringLiteral("0x00000000000000000000000000000000000ca7a1") },
            { QStringLiteral("value"), QStringLiteral("0xde0b6b3a7640000") },
            { QStringLiteral("gas"), QStringLiteral("0x5208") },
            { QStringLiteral("input"), QStringLiteral("0x") },
            { QStringLiteral("blockHash"), QJsonValue::Null },
            { QStringLiteral("blockNumber"), QJsonValue::Null },
            { QStringLiteral("transactionIndex"), QJsonValue::Null } };
        answer = tx;
        auto pending = await<std::optional<light::TransactionInfo>>(
            [&](auto done) { client.getTransactionByHash(TestChain::filledHash(9), done); });
        QVERIFY2(pending, pending ? "" : pending.error().message.c_str());
        QVERIFY(*pending && !(*pending)->position && (*pending)->nonce == 1);
        QCOMPARE((*pending)->value, codec::UInt256(1'000'000'000'000'000'000ULL));
        tx.insert(QStringLiteral("blockHash"), hexText(TestChain::filledHash(3)));
        tx.insert(QStringLiteral("blockNumber"), QStringLiteral("0x10"));
        tx.insert(QStringLiteral("transactionIndex"), QStringLiteral("0x0"));
        answer = tx;
        auto mined = await<std::optional<light::TransactionInfo>>(
            [&](auto done) { client.getTransactionByHash(TestChain::filledHash(9), done); });
        QVERIFY(mined && *mined && (*mined)->position && (*mined)->position->height == 16);
        tx.insert(QStringLiteral("to"), QStringLiteral("0x1234"));
        answer = tx;
        auto badTo = await<std::optional<light::TransactionInfo>>(
            [&](auto done) { client.getTransactionByHash(TestChain::filledHash(9), done); });
        QVERIFY(!badTo && badTo.error().message.find("'to'") != std::string::npos);
    }

    void genesisIsDecoded()
    {
        const QByteArray genesis = R"({"chainId":16300,"timeMs":1795000000000,
            "validators":[{"address":"0x1a642f0e3c3af545e7acbd38b07251b3990914f1","power":10}],
            "allocations":[{"address":"0x1a642f0e3c3af545e7acbd38b07251b3990914f1",
                            "balance":"1000000000000000000000000"}],
            "params":{"minGasPrice":"1000000000","blockGasLimit":1000000000,"serviceFeeBps":250,
                      "treasury":"0x1a642f0e3c3af545e7acbd38b07251b3990914f1","heartbeatMs":5000}})";
        CannedHttpServer server([&](const QJsonObject& request) {
            return CannedReply::result(request, QJsonDocument::fromJson(genesis).object());
        });
        RpcClient client(server.url());
        auto info = await<light::GenesisInfo>([&](auto done) { client.getGenesis(done); });
        QVERIFY2(info, info ? "" : info.error().message.c_str());
        QCOMPARE(info->chainId, std::uint64_t { 16300 });
        QCOMPARE(info->validators.size(), std::size_t { 1 });
        QCOMPARE(info->validators[0].votingPower, std::uint64_t { 10 });
        QCOMPARE(info->allocations.at(0).balance.toDecimalString(),
            std::string("1000000000000000000000000"));
        QCOMPARE(info->params.serviceFeeBps, std::uint64_t { 250 });
    }

    void httpErrors()
    {
        CannedReply reply = CannedReply::raw(503, "overloaded");
        CannedHttpServer server([&](const QJsonObject&) { return reply; });
        RpcClient client(server.url());
        auto result = fetchBlock(client, 1);
        QVERIFY(failedAs(result, RpcError::Kind::Http, "HTTP 503"));
        QCOMPARE(result.error().code, 503);

        // A JSON-RPC error body wins over the status: it says more.
        reply = CannedReply::raw(
            400, R"({"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"parse error"}})");
        result = fetchBlock(client, 1);
        QVERIFY(failedAs(result, RpcError::Kind::Server, "parse error"));
        QCOMPARE(result.error().code, -32700);

        reply = {};
        reply.rawResponse = "this is not HTTP at all\r\n\r\n";
        result = fetchBlock(client, 1);
        QVERIFY(!result);
        QVERIFY(result.error().kind == RpcError::Kind::Network
            || result.error().kind == RpcError::Kind::Http);
    }

    void oversizeAnswersAreCutOff()
    {
        CannedReply reply = CannedReply::raw(200, QByteArray(50'000, ' ') + "{}");
        CannedHttpServer server([&](const QJsonObject&) { return reply; });
        RpcClientOptions options;
        options.maxResponseBytes = 10'000;
        RpcClient client(server.url(), options);
        QVERIFY(failedAs(fetchBlock(client, 1), RpcError::Kind::TooLarge, "larger than the limit"));
        reply = CannedReply::raw(200, "{}");
        reply.announceHugeLength = true;
        QVERIFY(failedAs(fetchBlock(client, 1), RpcError::Kind::TooLarge, "larger than the limit"));
    }

    void slowServersTimeOut()
    {
        CannedReply reply;
        reply.hang = true;
        CannedHttpServer server([&](const QJsonObject&) { return reply; });
        RpcClientOptions options;
        options.timeout = std::chrono::milliseconds(300);
        RpcClient client(server.url(), options);
        QVERIFY(failedAs(fetchBlock(client, 1), RpcError::Kind::Timeout, "did not answer"));

        // Trickling bytes does not extend the deadline.
        reply = CannedReply::raw(200, QByteArray(400, ' ') + "{}");
        reply.trickleMs = 20;
        QVERIFY(failedAs(fetchBlock(client, 1), RpcError::Kind::Timeout, "within 300 ms"));
    }

    void unreachableEndpoint()
    {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        RpcClient client(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        QVERIFY(failedAs(fetchBlock(client, 1), RpcError::Kind::Network, "Cannot reach"));
    }

    void cancelledCallsNeverCallBack()
    {
        CannedReply reply;
        reply.hang = true;
        CannedHttpServer server([&](const QJsonObject&) { return reply; });
        auto client = std::make_unique<RpcClient>(server.url());
        bool called = false;
        client->getLightBlock(1, [&](auto) { called = true; });
        client->getLightBlock(2, [&](auto) { called = true; });
        QTRY_COMPARE_WITH_TIMEOUT(server.requests(), 2, kWaitMs);
        QCOMPARE(client->pendingCalls(), std::size_t { 2 });
        client->cancelAll();
        QCOMPARE(client->pendingCalls(), std::size_t { 0 });
        client->getLightBlock(3, [&](auto) { called = true; });
        QTRY_COMPARE_WITH_TIMEOUT(server.requests(), 3, kWaitMs);
        client.reset(); // destroyed with a call in flight
        QTest::qWait(200);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestLightRpcClient)
#include "tst_light_rpc_client.moc"
