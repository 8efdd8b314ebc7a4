// The RPC server over WebSocket, with real sockets on 127.0.0.1: calls, subscriptions, and the
// protocol rules and limits of RFC 6455.
#include "core/node/rpc/RpcServer.h"

#include <QJsonArray>
#include <QTest>
#include <QThread>

#include "RpcTestClient.h"
#include <memory>

using namespace ls::node::rpc;
using namespace rpctest;

namespace {

std::unique_ptr<RpcServer> startServer(RpcLimits limits = {}, RpcClock clock = steadyRpcClock())
{
    auto server = std::make_unique<RpcServer>(limits, std::move(clock));
    server->registerMethod(QStringLiteral("add"), [](const QJsonValue& params, const CallContext&) {
        const QJsonArray args = params.toArray();
        return std::expected<QJsonValue, RpcError>(args[0].toInt() + args[1].toInt());
    });
    server->registerMethod(
        QStringLiteral("transport"), [](const QJsonValue&, const CallContext& context) {
            return std::expected<QJsonValue, RpcError>(context.transport == RpcTransport::WebSocket
                    ? QStringLiteral("ws")
                    : QStringLiteral("http"));
        });
    server->registerSubscription(QStringLiteral("newHeads"),
        [](const QJsonValue& arguments, const CallContext&) -> std::expected<QJsonValue, RpcError> {
            if (!arguments.isUndefined())
                return std::unexpected(
                    RpcError::invalidParams(QStringLiteral("newHeads takes no options")));
            return QJsonValue();
        });
    // "logs" keeps the requested address as its filter.
    server->registerSubscription(QStringLiteral("logs"),
        [](const QJsonValue& arguments, const CallContext&) -> std::expected<QJsonValue, RpcError> {
            return arguments.toObject().value(QStringLiteral("address"));
        });
    if (!server->listen(QHostAddress::LocalHost, 0))
        qFatal("listen failed");
    return server;
}

QByteArray request(const char* method, const QByteArray& params, int id)
{
    return R"({"jsonrpc":"2.0","method":")" + QByteArray(method) + R"(","params":)" + params
        + R"(,"id":)" + QByteArray::number(id) + "}";
}

void publishFromAnotherThread(RpcServer& server, const QString& kind, const QJsonValue& payload,
    SubscriptionPredicate matches = {})
{
    QThread* thread = QThread::create(
        [&server, kind, payload, matches] { server.publish(kind, payload, matches); });
    thread->start();
    thread->wait();
    delete thread;
}

QString subscriptionOf(const QJsonObject& notification)
{
    return notification.value(QStringLiteral("params"))
        .toObject()
        .value(QStringLiteral("subscription"))
        .toString();
}

QJsonValue resultOf(const QJsonObject& message)
{
    const QJsonObject params = message.value(QStringLiteral("params")).toObject();
    return message.contains(QStringLiteral("params")) ? params.value(QStringLiteral("result"))
                                                      : message.value(QStringLiteral("result"));
}

} // namespace

class TestRpcWebSocket : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void handshakeUsesTheRfcAcceptValue()
    {
        auto server = startServer();
        WsClient client(server->port());
        auto reply = client.handshake("dGhlIHNhbXBsZSBub25jZQ==");
        QVERIFY(reply);
        QCOMPARE(reply->status, 101);
        QCOMPARE(reply->headers.value("sec-websocket-accept"),
            QByteArray("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
        QCOMPARE(reply->headers.value("upgrade").toLower(), QByteArray("websocket"));
    }

    void callsOverWebSocket()
    {
        auto server = startServer();
        WsClient client(server->port());
        QVERIFY(client.handshake());
        QCOMPARE(
            client.call(request("add", "[2,3]", 1)).value(QStringLiteral("result")).toInt(), 5);
        QCOMPARE(
            client.call(request("transport", "[]", 2)).value(QStringLiteral("result")).toString(),
            QStringLiteral("ws"));
        QCOMPARE(client.call("{oops")
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toInt(),
            RpcErrorCode::ParseError);

        // A batch, sent as two fragments.
        const QByteArray batch
            = "[" + request("add", "[1,1]", 3) + "," + request("add", "[2,2]", 4) + "]";
        client.sendRaw(
            WebSocketFrameEncoder::frame(WsOpcode::Text, batch.left(10), false, WsClient::kMask)
            + WebSocketFrameEncoder::frame(
                WsOpcode::Continuation, batch.mid(10), true, WsClient::kMask));
        auto message = client.next();
        QVERIFY(message);
        const QJsonArray responses = QJsonDocument::fromJson(message->payload).array();
        QCOMPARE(responses.size(), 2);
        QCOMPARE(responses[1].toObject().value(QStringLiteral("result")).toInt(), 4);
    }

    void framesRightBehindTheHandshake()
    {
        auto server = startServer();
        HttpClient raw(server->port());
        raw.send("GET / HTTP/1.1\r\nUpgrade: websocket\r\nConnection: "
                 "Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                 "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"
            + WebSocketFrameEncoder::frame(
                WsOpcode::Text, request("add", "[4,4]", 1), true, WsClient::kMask));
        auto reply = raw.reply();
        QVERIFY(reply);
        QCOMPARE(reply->status, 101);
        WebSocketFrameDecoder decoder(1 << 20, false);
        std::optional<WsMessage> message;
        QVERIFY(waitUntil([&] {
            decoder.feed(QByteArray(raw.buffer() + raw.socket().readAll()));
            raw.buffer().clear();
            auto next = decoder.next();
            if (next && *next)
                message = **next;
            return message.has_value();
        }));
        QCOMPARE(QJsonDocument::fromJson(message->payload)
                     .object()
                     .value(QStringLiteral("result"))
                     .toInt(),
            8);
    }

    void subscribePublishUnsubscribe()
    {
        auto server = startServer();
        WsClient client(server->port());
        QVERIFY(client.handshake());
        const QString heads = client.call(request("eth_subscribe", R"(["newHeads"])", 1))
                                  .value(QStringLiteral("result"))
                                  .toString();
        QVERIFY(heads.startsWith(QStringLiteral("0x")));
        QCOMPARE(heads.size(), 34);
        const QString logsA
            = client.call(request("eth_subscribe", R"(["logs",{"address":"0xa"}])", 2))
                  .value(QStringLiteral("result"))
                  .toString();
        QCOMPARE(logsA.size(), 34);
        QCOMPARE(server->subscriptionCount(), 2);

        publishFromAnotherThread(
            *server, QStringLiteral("newHeads"), QJsonObject { { QStringLiteral("number"), 7 } });
        QJsonObject notification = client.nextJson();
        QCOMPARE(notification.value(QStringLiteral("jsonrpc")).toString(), QStringLiteral("2.0"));
        QCOMPARE(notification.value(QStringLiteral("method")).toString(),
            QStringLiteral("eth_subscription"));
        QCOMPARE(subscriptionOf(notification), heads);
        QCOMPARE(resultOf(notification).toObject().value(QStringLiteral("number")).toInt(), 7);

        // The predicate sees each subscription's filter: only 0xa's subscriber gets this log.
        auto forAddress = [](const QString& address) {
            return [address](const QJsonValue& filter) { return filter.toString() == address; };
        };
        publishFromAnotherThread(*server, QStringLiteral("logs"), QStringLiteral("log-b"),
            forAddress(QStringLiteral("0xb")));
        publishFromAnotherThread(*server, QStringLiteral("logs"), QStringLiteral("log-a"),
            forAddress(QStringLiteral("0xa")));
        notification = client.nextJson();
        QCOMPARE(subscriptionOf(notification), logsA);
        QCOMPARE(resultOf(notification).toString(), QStringLiteral("log-a"));

        QVERIFY(client.call(request("eth_unsubscribe", "[\"" + heads.toLatin1() + "\"]", 3))
                    .value(QStringLiteral("result"))
                    .toBool());
        QVERIFY(!client.call(request("eth_unsubscribe", "[\"" + heads.toLatin1() + "\"]", 4))
                     .value(QStringLiteral("result"))
                     .toBool());
        QCOMPARE(server->subscriptionCount(), 1);

        // Deliveries keep their order, so had the cancelled subscription still been live its
        // notification would arrive before the log's.
        publishFromAnotherThread(
            *server, QStringLiteral("newHeads"), QJsonObject { { QStringLiteral("number"), 8 } });
        publishFromAnotherThread(*server, QStringLiteral("logs"), QStringLiteral("log-a2"));
        notification = client.nextJson();
        QCOMPARE(subscriptionOf(notification), logsA);
        QCOMPARE(resultOf(notification).toString(), QStringLiteral("log-a2"));
    }

    void subscribeErrors()
    {
        auto server = startServer();
        WsClient client(server->port());
        QVERIFY(client.handshake());
        auto code = [&](const QByteArray& params, int id) {
            return client.call(request("eth_subscribe", params, id))
                .value(QStringLiteral("error"))
                .toObject()
                .value(QStringLiteral("code"))
                .toInt();
        };
        QCOMPARE(code(R"(["pendingUnicorns"])", 1), RpcErrorCode::MethodNotFound);
        QCOMPARE(code(R"(["newHeads",{"x":1}])", 2), RpcErrorCode::InvalidParams);
        QCOMPARE(code(R"([])", 3), RpcErrorCode::InvalidParams);
        QCOMPARE(code(R"({"kind":"newHeads"})", 4), RpcErrorCode::InvalidParams);
        QCOMPARE(server->subscriptionCount(), 0);
    }

    void subscriptionsDieWithTheConnection()
    {
        auto server = startServer();
        {
            WsClient client(server->port());
            QVERIFY(client.handshake());
            QVERIFY(client.call(request("eth_subscribe", R"(["newHeads"])", 1))
                        .contains(QStringLiteral("result")));
            QCOMPARE(server->subscriptionCount(), 1);
        }
        QTRY_COMPARE_WITH_TIMEOUT(server->subscriptionCount(), 0, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(server->connectionCount(), 0, kWaitMs);
        server->publish(QStringLiteral("newHeads"), QJsonValue(1)); // nobody left: a no-op
    }

    void unmaskedFrameClosesWith1002()
    {
        auto server = startServer();
        WsClient client(server->port());
        QVERIFY(client.handshake());
        client.sendRaw(WebSocketFrameEncoder::text(request("add", "[1,1]", 1)));
        auto close = client.next();
        QVERIFY(close);
        QCOMPARE(close->opcode, WsOpcode::Close);
        QCOMPARE(close->closeCode, WsCloseCode::ProtocolError);
        QVERIFY(client.waitClosed());
        QTRY_COMPARE_WITH_TIMEOUT(server->connectionCount(), 0, kWaitMs);
    }

    void oversizeMessageClosesWith1009()
    {
        RpcLimits limits;
        limits.maxWebSocketMessageBytes = 1000;
        auto server = startServer(limits);
        WsClient client(server->port());
        QVERIFY(client.handshake());
        client.sendText(QByteArray(1001, ' '));
        auto close = client.next();
        QVERIFY(close);
        QCOMPARE(close->opcode, WsOpcode::Close);
        QCOMPARE(close->closeCode, WsCloseCode::MessageTooBig);
        QVERIFY(client.waitClosed());
    }

    void pingAndCloseHandshake()
    {
        auto server = startServer();
        WsClient client(server->port());
        QVERIFY(client.handshake());
        client.sendRaw(
            WebSocketFrameEncoder::frame(WsOpcode::Ping, "are you there", true, WsClient::kMask));
        auto pong = client.next();
        QVERIFY(pong);
        QCOMPARE(pong->opcode, WsOpcode::Pong);
        QCOMPARE(pong->payload, QByteArray("are you there"));
        client.sendRaw(
            WebSocketFrameEncoder::close(WsCloseCode::GoingAway, "bye", WsClient::kMask));
        auto close = client.next();
        QVERIFY(close);
        QCOMPARE(close->opcode, WsOpcode::Close);
        QCOMPARE(close->closeCode, WsCloseCode::GoingAway);
        QVERIFY(client.waitClosed());
    }

    void silentPeerIsDropped()
    {
        RpcLimits limits;
        limits.webSocketPingIntervalMs = 100;
        auto server = startServer(limits);
        WsClient client(server->port());
        QVERIFY(client.handshake());
        auto ping = client.next();
        QVERIFY(ping);
        QCOMPARE(ping->opcode, WsOpcode::Ping);
        // The test client never answers pings.
        QVERIFY(client.waitClosed());
    }

    void tricklingMessageIsCut()
    {
        RpcLimits limits;
        limits.requestTimeoutMs = 200;
        auto server = startServer(limits);
        WsClient client(server->port());
        QVERIFY(client.handshake());
        const QByteArray frame = WebSocketFrameEncoder::frame(
            WsOpcode::Text, request("add", "[1,1]", 1), true, WsClient::kMask);
        client.sendRaw(frame.left(5)); // and never the rest
        auto close = client.next();
        QVERIFY(close);
        QCOMPARE(close->opcode, WsOpcode::Close);
        QCOMPARE(close->closeCode, WsCloseCode::PolicyViolation);
        QVERIFY(client.waitClosed());
    }

    void subscriberThatDoesNotReadIsDropped()
    {
        RpcLimits limits;
        limits.maxPendingOutboundBytes = 64 * 1024;
        auto server = startServer(limits);
        WsClient client(server->port());
        QVERIFY(client.handshake());
        QVERIFY(client.call(request("eth_subscribe", R"(["newHeads"])", 1))
                    .contains(QStringLiteral("result")));
        // Stop reading: Qt stops draining the kernel buffer, which fills, and then the server's
        // own buffer grows past its cap.
        client.socket().setReadBufferSize(1);
        const QJsonValue big(QString(64 * 1024, QLatin1Char('x')));
        int published = 0;
        QVERIFY(waitUntil([&] {
            if (server->connectionCount() == 0)
                return true;
            if (published < 2000) {
                for (int i = 0; i < 8; ++i)
                    server->publish(QStringLiteral("newHeads"), big);
                published += 8;
            }
            return false;
        }));
        QCOMPARE(server->subscriptionCount(), 0);
    }

    void rateLimitOverWebSocket()
    {
        auto now = std::make_shared<qint64>(0);
        RpcLimits limits;
        limits.rateLimitPerSecond = 1;
        limits.rateLimitBurst = 2;
        auto server = startServer(limits, [now] { return *now; });
        WsClient client(server->port());
        QVERIFY(client.handshake());
        QCOMPARE(
            client.call(request("add", "[1,1]", 1)).value(QStringLiteral("result")).toInt(), 2);
        QCOMPARE(
            client.call(request("add", "[1,1]", 2)).value(QStringLiteral("result")).toInt(), 2);
        const QJsonObject limited = client.call(request("add", "[1,1]", 3));
        QCOMPARE(
            limited.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(),
            RpcErrorCode::LimitExceeded);
        QCOMPARE(limited.value(QStringLiteral("id")).toInt(), 3);
        *now += 1000;
        QCOMPARE(
            client.call(request("add", "[1,1]", 4)).value(QStringLiteral("result")).toInt(), 2);
    }
};

QTEST_GUILESS_MAIN(TestRpcWebSocket)
#include "tst_rpc_websocket.moc"
