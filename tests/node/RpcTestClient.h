#pragma once

// Minimal HTTP and WebSocket clients over QTcpSocket for the RPC server tests. Everything runs
// on the test's thread, so waiting means spinning the event loop (never blocking socket waits,
// which would starve the server).

#include "core/node/rpc/WebSocketFrameDecoder.h"
#include "core/node/rpc/WebSocketFrameEncoder.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

namespace rpctest {

constexpr int kWaitMs = 20'000;

inline bool waitUntil(const std::function<bool()>& condition, int timeoutMs = kWaitMs)
{
    QDeadlineTimer deadline(timeoutMs);
    while (!condition()) {
        if (deadline.hasExpired())
            return false;
        QTest::qWait(5);
    }
    return true;
}

struct HttpReply {
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    int errorCode() const
    {
        return json()
            .value(QStringLiteral("error"))
            .toObject()
            .value(QStringLiteral("code"))
            .toInt();
    }
};

inline QByteArray post(const QByteArray& body, const QByteArray& extraHeaders = {})
{
    return "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" + extraHeaders
        + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

class HttpClient {
public:
    explicit HttpClient(quint16 port)
        : m_socket(std::make_unique<QTcpSocket>())
    {
        m_socket->connectToHost(QHostAddress::LocalHost, port);
    }

    QTcpSocket& socket() { return *m_socket; }
    bool waitConnected()
    {
        return waitUntil([this] { return m_socket->state() == QAbstractSocket::ConnectedState; });
    }
    void send(const QByteArray& bytes) { m_socket->write(bytes); }

    // The next complete response, or nullopt if none arrives in time.
    std::optional<HttpReply> reply(int timeoutMs = kWaitMs)
    {
        std::optional<HttpReply> parsed;
        waitUntil(
            [&] {
                m_buffer.append(m_socket->readAll());
                parsed = takeReply();
                return parsed.has_value();
            },
            timeoutMs);
        return parsed;
    }

    std::optional<HttpReply> exchange(const QByteArray& request)
    {
        send(request);
        return reply();
    }

    bool waitClosed()
    {
        return waitUntil([this] {
            m_buffer.append(m_socket->readAll());
            return m_socket->state() == QAbstractSocket::UnconnectedState;
        });
    }

    QByteArray& buffer() { return m_buffer; }

private:
    std::optional<HttpReply> takeReply()
    {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return std::nullopt;
        HttpReply reply;
        const QList<QByteArray> lines = m_buffer.left(end).split('\n');
        reply.status = lines.first().split(' ').value(1).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines[i].trimmed();
            const qsizetype colon = line.indexOf(':');
            reply.headers.insert(line.left(colon).toLower(), line.mid(colon + 1).trimmed());
        }
        const qsizetype length = reply.headers.value("content-length", "0").toLongLong();
        if (m_buffer.size() < end + 4 + length)
            return std::nullopt;
        reply.body = m_buffer.mid(end + 4, length);
        m_buffer.remove(0, end + 4 + length);
        return reply;
    }

    std::unique_ptr<QTcpSocket> m_socket;
    QByteArray m_buffer;
};

class WsClient {
public:
    static constexpr ls::node::rpc::WebSocketFrameEncoder::Mask kMask { 1, 2, 3, 4 };

    explicit WsClient(quint16 port)
        : m_http(port)
    {
    }

    // Opens the WebSocket; returns the server's 101 response (nullopt on failure).
    std::optional<HttpReply> handshake(const QByteArray& key = "dGhlIHNhbXBsZSBub25jZQ==")
    {
        auto reply = m_http.exchange("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                                     "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                                     "Sec-WebSocket-Key: "
            + key + "\r\n\r\n");
        if (reply && reply->status == 101) {
            m_decoder.feed(m_http.buffer());
            m_http.buffer().clear();
        }
        return reply;
    }

    QTcpSocket& socket() { return m_http.socket(); }
    void sendRaw(const QByteArray& bytes) { m_http.send(bytes); }
    void sendText(const QByteArray& text)
    {
        sendRaw(ls::node::rpc::WebSocketFrameEncoder::frame(
            ls::node::rpc::WsOpcode::Text, text, true, kMask));
    }

    std::optional<ls::node::rpc::WsMessage> next(int timeoutMs = kWaitMs)
    {
        std::optional<ls::node::rpc::WsMessage> message;
        waitUntil(
            [&] {
                m_decoder.feed(socket().readAll());
                auto result = m_decoder.next();
                if (result && *result)
                    message = **result;
                return message.has_value() || !result;
            },
            timeoutMs);
        return message;
    }

    QJsonObject nextJson(int timeoutMs = kWaitMs)
    {
        auto message = next(timeoutMs);
        return message ? QJsonDocument::fromJson(message->payload).object() : QJsonObject();
    }

    QJsonObject call(const QByteArray& request)
    {
        sendText(request);
        return nextJson();
    }

    bool waitClosed() { return m_http.waitClosed(); }

private:
    HttpClient m_http;
    ls::node::rpc::WebSocketFrameDecoder m_decoder { 64 * 1024 * 1024, false };
};

} // namespace rpctest
