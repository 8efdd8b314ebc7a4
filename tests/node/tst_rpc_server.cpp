// The RPC server over HTTP, with real sockets on 127.0.0.1.
#include "core/node/rpc/RpcServer.h"

#include <QJsonArray>
#include <QTest>

#include "RpcTestClient.h"
#include <memory>

using namespace ls::node::rpc;
using namespace rpctest;

namespace {

std::unique_ptr<RpcServer> startServer(RpcLimits limits = {}, RpcClock clock = steadyRpcClock())
{
    auto server = std::make_unique<RpcServer>(limits, std::move(clock));
    server->registerMethod(QStringLiteral("add"),
        [](const QJsonValue& params, const CallContext&) -> std::expected<QJsonValue, RpcError> {
            const QJsonArray args = params.toArray();
            if (args.size() != 2 || !args[0].isDouble() || !args[1].isDouble())
                return std::unexpected(
                    RpcError::invalidParams(QStringLiteral("add takes two numbers")));
            return QJsonValue(args[0].toInt() + args[1].toInt());
        });
    server->registerMethod(
        QStringLiteral("transport"), [](const QJsonValue&, const CallContext& context) {
            return std::expected<QJsonValue, RpcError>(context.transport == RpcTransport::Http
                    ? QStringLiteral("http")
                    : QStringLiteral("ws"));
        });
    auto port = server->listen(QHostAddress::LocalHost, 0);
    if (!port || *port == 0)
        qFatal("listen failed");
    return server;
}

const QByteArray kAdd = R"({"jsonrpc":"2.0","method":"add","params":[2,3],"id":1})";

} // namespace

class TestRpcServer : public QObject {
    Q_OBJECT

private:
    // A fresh client gets a correct answer: the server survived whatever came before.
    static bool stillServes(RpcServer& server)
    {
        HttpClient client(server.port());
        auto reply = client.exchange(post(kAdd));
        return reply && reply->status == 200
            && reply->json().value(QStringLiteral("result")).toInt() == 5;
    }

private Q_SLOTS:
    void listenReportsThePortAndRefusesATakenOne()
    {
        auto server = startServer();
        QVERIFY(server->port() != 0);
        RpcServer other;
        auto taken = other.listen(QHostAddress::LocalHost, server->port());
        QVERIFY(!taken);
        QVERIFY(!taken.error().message.empty());
    }

    void singleCall()
    {
        auto server = startServer();
        HttpClient client(server->port());
        auto reply = client.exchange(post(kAdd));
        QVERIFY(reply);
        QCOMPARE(reply->status, 200);
        QCOMPARE(reply->headers.value("access-control-allow-origin"), QByteArray("*"));
        QCOMPARE(reply->headers.value("content-type"), QByteArray("application/json"));
        QCOMPARE(reply->json().value(QStringLiteral("result")).toInt(), 5);
        QCOMPARE(reply->json().value(QStringLiteral("id")).toInt(), 1);
    }

    void batch()
    {
        auto server = startServer();
        HttpClient client(server->port());
        auto reply
            = client.exchange(post(R"([{"jsonrpc":"2.0","method":"add","params":[1,1],"id":"a"},
            {"jsonrpc":"2.0","method":"transport","id":"b"},{"jsonrpc":"2.0","method":"add","params":[0,0]}])"));
        QVERIFY(reply);
        const QJsonArray responses = QJsonDocument::fromJson(reply->body).array();
        QCOMPARE(responses.size(), 2);
        QCOMPARE(responses[0].toObject().value(QStringLiteral("result")).toInt(), 2);
        QCOMPARE(responses[1].toObject().value(QStringLiteral("result")).toString(),
            QStringLiteral("http"));
    }

    void notificationGetsNoBody()
    {
        auto server = startServer();
        HttpClient client(server->port());
        auto reply = client.exchange(post(R"({"jsonrpc":"2.0","method":"add","params":[1,1]})"));
        QVERIFY(reply);
        QCOMPARE(reply->status, 204);
        QVERIFY(reply->body.isEmpty());
    }

    void jsonRpcErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("code");
        QTest::newRow("parse error")
            << QByteArray(R"({"jsonrpc":"2.0",)") << RpcErrorCode::ParseError;
        QTest::newRow("invalid request")
            << QByteArray(R"({"jsonrpc":"2.0","id":1})") << RpcErrorCode::InvalidRequest;
        QTest::newRow("empty batch") << QByteArray("[]") << RpcErrorCode::InvalidRequest;
        QTest::newRow("unknown method") << QByteArray(R"({"jsonrpc":"2.0","method":"nope","id":1})")
                                        << RpcErrorCode::MethodNotFound;
        QTest::newRow("invalid params")
            << QByteArray(R"({"jsonrpc":"2.0","method":"add","params":["x"],"id":1})")
            << RpcErrorCode::InvalidParams;
        QTest::newRow("subscribe over http") << QByteArray(
            R"({"jsonrpc":"2.0","method":"eth_subscribe","params":["newHeads"],"id":1})")
                                             << RpcErrorCode::MethodNotFound;
    }

    void jsonRpcErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, code);
        auto server = startServer();
        HttpClient client(server->port());
        auto reply = client.exchange(post(body));
        QVERIFY(reply);
        QCOMPARE(reply->status, 200);
        QCOMPARE(reply->errorCode(), code);
    }

    void oversizeBodyThenNextClientIsServed()
    {
        RpcLimits limits;
        limits.maxBodyBytes = 1024;
        auto server = startServer(limits);
        HttpClient client(server->port());
        auto reply = client.exchange(post(QByteArray(2000, ' ')));
        QVERIFY(reply);
        QCOMPARE(reply->status, 413);
        QCOMPARE(reply->errorCode(), RpcErrorCode::InvalidRequest);
        QVERIFY(client.waitClosed());
        QVERIFY(stillServes(*server));
    }

    void httpErrors_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("chunked") << QByteArray(
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n")
                                 << 411;
        QTest::newRow("garbage") << QByteArray("\x16\x03\x01 hello\r\n\r\n") << 400;
        QTest::newRow("wrong content type") << QByteArray(
            "POST / HTTP/1.1\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n\r\n{}")
                                            << 415;
        QTest::newRow("other path") << QByteArray("GET /admin HTTP/1.1\r\n\r\n") << 404;
        QTest::newRow("put") << QByteArray("PUT / HTTP/1.1\r\nContent-Length: 0\r\n\r\n") << 405;
        QTest::newRow("headers too large")
            << (QByteArray("GET / HTTP/1.1\r\nX: ") + QByteArray(20000, 'a')) << 431;
        QTest::newRow("bad websocket version") << QByteArray(
            "GET / HTTP/1.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Version: 8\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
                                               << 426;
    }

    void httpErrors()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        auto server = startServer();
        HttpClient client(server->port());
        auto reply = client.exchange(request);
        QVERIFY(reply);
        QCOMPARE(reply->status, status);
        QVERIFY(reply->json().contains(QStringLiteral("error")));
        QVERIFY(stillServes(*server));
    }

    void statusAndPreflight()
    {
        auto server = startServer();
        server->setStatusInfo({ { QStringLiteral("chainId"), QStringLiteral("0x1") } });
        HttpClient client(server->port());
        auto status = client.exchange("GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(status);
        QCOMPARE(status->status, 200);
        QCOMPARE(status->json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(status->json().value(QStringLiteral("chainId")).toString(), QStringLiteral("0x1"));
        auto preflight = client.exchange("OPTIONS / HTTP/1.1\r\nOrigin: https://dapp.example\r\n"
                                         "Access-Control-Request-Method: POST\r\n\r\n");
        QVERIFY(preflight);
        QCOMPARE(preflight->status, 204);
        QCOMPARE(preflight->headers.value("access-control-allow-origin"), QByteArray("*"));
        QVERIFY(preflight->headers.value("access-control-allow-methods").contains("POST"));
        QVERIFY(preflight->headers.value("access-control-allow-headers").contains("Content-Type"));
        auto custom
            = client.exchange("OPTIONS / HTTP/1.1\r\nAccess-Control-Request-Method: POST\r\n"
                              "Access-Control-Request-Headers: content-type, x-api-key\r\n\r\n");
        QVERIFY(custom);
        QCOMPARE(custom->headers.value("access-control-allow-headers"),
            QByteArray("content-type, x-api-key"));
    }

    void keepAliveAndPipelining()
    {
        auto server = startServer();
        HttpClient client(server->port());
        for (int i = 0; i < 2; ++i) {
            auto reply = client.exchange(post(kAdd));
            QVERIFY(reply);
            QCOMPARE(reply->headers.value("connection"), QByteArray("keep-alive"));
            QCOMPARE(reply->json().value(QStringLiteral("result")).toInt(), 5);
        }
        // Two requests in one write, answered in order on the same connection.
        client.send(post(R"({"jsonrpc":"2.0","method":"add","params":[1,2],"id":1})")
            + post(R"({"jsonrpc":"2.0","method":"add","params":[3,4],"id":2})"));
        auto first = client.reply();
        auto second = client.reply();
        QVERIFY(first && second);
        QCOMPARE(first->json().value(QStringLiteral("result")).toInt(), 3);
        QCOMPARE(second->json().value(QStringLiteral("result")).toInt(), 7);
        QCOMPARE(server->connectionCount(), 1);
        // Connection: close is honoured.
        auto last = client.exchange(post(kAdd, "Connection: close\r\n"));
        QVERIFY(last);
        QCOMPARE(last->headers.value("connection"), QByteArray("close"));
        QVERIFY(client.waitClosed());
    }

    void expectContinue()
    {
        auto server = startServer();
        HttpClient client(server->port());
        const QByteArray head
            = "POST / HTTP/1.1\r\nContent-Type: application/json\r\nExpect: 100-continue\r\n"
              "Content-Length: "
            + QByteArray::number(kAdd.size()) + "\r\n\r\n";
        auto interim = client.exchange(head);
        QVERIFY(interim);
        QCOMPARE(interim->status, 100);
        auto reply = client.exchange(kAdd);
        QVERIFY(reply);
        QCOMPARE(reply->json().value(QStringLiteral("result")).toInt(), 5);
    }

    void abuseDoesNotStopTheServer()
    {
        auto server = startServer();
        {
            // Half a request, then gone.
            HttpClient half(server->port());
            QVERIFY(half.waitConnected());
            half.send("POST / HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"jsonrpc\"");
            QTest::qWait(20);
        }
        {
            HttpClient aborted(server->port());
            QVERIFY(aborted.waitConnected());
            aborted.send("GET / HTT");
            aborted.socket().abort();
        }
        for (int seed = 0; seed < 20; ++seed) {
            HttpClient noise(server->port());
            QVERIFY(noise.waitConnected());
            QByteArray bytes;
            for (int i = 0; i < 512; ++i)
                bytes.append(static_cast<char>((seed * 7919 + i * 104729) & 0xFF));
            noise.send(bytes + "\r\n\r\n");
            QVERIFY(noise.waitClosed()); // answered with 400 (or refused outright) and closed
        }
        QVERIFY(stillServes(*server));
        QTRY_COMPARE_WITH_TIMEOUT(server->connectionCount(), 0, kWaitMs);
    }

    void slowClientsAreCut()
    {
        RpcLimits limits;
        limits.headerTimeoutMs = 200;
        limits.requestTimeoutMs = 400;
        limits.idleTimeoutMs = 300;
        auto server = startServer(limits);
        HttpClient slowHeaders(server->port());
        QVERIFY(slowHeaders.waitConnected());
        slowHeaders.send("POST / HTTP/1.1\r\nContent-Type: appl");
        auto timeout = slowHeaders.reply();
        QVERIFY(timeout);
        QCOMPARE(timeout->status, 408);
        QVERIFY(slowHeaders.waitClosed());

        HttpClient slowBody(server->port());
        slowBody.send(
            "POST / HTTP/1.1\r\nContent-Type: application/json\r\nContent-Length: 50\r\n\r\n{");
        QVERIFY(slowBody.waitClosed());

        HttpClient silent(server->port());
        QVERIFY(silent.waitConnected());
        QVERIFY(silent.waitClosed());

        HttpClient idle(server->port());
        QVERIFY(idle.exchange(post(kAdd)));
        QVERIFY(idle.waitClosed());
        QTRY_COMPARE_WITH_TIMEOUT(server->connectionCount(), 0, kWaitMs);
    }

    void connectionLimitPerIp()
    {
        RpcLimits limits;
        limits.maxConnectionsPerIp = 2;
        auto server = startServer(limits);
        HttpClient a(server->port());
        HttpClient b(server->port());
        QVERIFY(a.waitConnected() && b.waitConnected());
        QTRY_COMPARE_WITH_TIMEOUT(server->connectionCount(), 2, kWaitMs);
        HttpClient c(server->port());
        auto refused = c.reply();
        QVERIFY(refused);
        QCOMPARE(refused->status, 503);
        QCOMPARE(refused->errorCode(), RpcErrorCode::LimitExceeded);
        QVERIFY(c.waitClosed());
        QCOMPARE(server->connectionCount(), 2);
        QVERIFY(a.exchange(post(kAdd)));
        QVERIFY(b.exchange(post(kAdd)));
        // A slot frees up when a client leaves.
        a.socket().abort();
        QTRY_COMPARE_WITH_TIMEOUT(server->connectionCount(), 1, kWaitMs);
        QVERIFY(stillServes(*server));
    }

    void totalConnectionLimit()
    {
        RpcLimits limits;
        limits.maxConnections = 1;
        auto server = startServer(limits);
        HttpClient a(server->port());
        QVERIFY(a.waitConnected());
        QTRY_COMPARE_WITH_TIMEOUT(server->connectionCount(), 1, kWaitMs);
        HttpClient b(server->port());
        auto refused = b.reply();
        QVERIFY(refused);
        QCOMPARE(refused->status, 503);
    }

    void rateLimitWithFakeClock()
    {
        auto now = std::make_shared<qint64>(1'000'000);
        RpcLimits limits;
        limits.rateLimitPerSecond = 2;
        limits.rateLimitBurst = 3;
        auto server = startServer(limits, [now] { return *now; });
        HttpClient client(server->port());
        for (int i = 0; i < 3; ++i) {
            auto reply = client.exchange(post(kAdd));
            QVERIFY(reply);
            QCOMPARE(reply->status, 200);
            QCOMPARE(reply->json().value(QStringLiteral("result")).toInt(), 5);
        }
        auto limited = client.exchange(post(kAdd));
        QVERIFY(limited);
        QCOMPARE(limited->status, 429);
        QCOMPARE(limited->errorCode(), RpcErrorCode::LimitExceeded);
        QCOMPARE(limited->json().value(QStringLiteral("id")).toInt(), 1);

        // Half a second refills one token: one call passes, the next does not.
        *now += 500;
        auto again = client.exchange(post(kAdd));
        QVERIFY(again);
        QCOMPARE(again->status, 200);
        QCOMPARE(client.exchange(post(kAdd))->status, 429);

        // Each batch element takes a token: after refilling to 3 (capped), a batch of 4 gets one
        // refusal, and the HTTP status stays 200 because some elements passed.
        *now += 10'000;
        auto mixed = client.exchange(post("[" + kAdd + "," + kAdd + "," + kAdd + "," + kAdd + "]"));
        QVERIFY(mixed);
        QCOMPARE(mixed->status, 200);
        const QJsonArray responses = QJsonDocument::fromJson(mixed->body).array();
        QCOMPARE(responses.size(), 4);
        QCOMPARE(responses[2].toObject().value(QStringLiteral("result")).toInt(), 5);
        QCOMPARE(responses[3]
                     .toObject()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toInt(),
            RpcErrorCode::LimitExceeded);
    }
};

QTEST_GUILESS_MAIN(TestRpcServer)
#include "tst_rpc_server.moc"
