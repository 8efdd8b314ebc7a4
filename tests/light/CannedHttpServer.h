#pragma once

// A tiny HTTP/1.1 server on 127.0.0.1 (port 0) that answers each POST with whatever the test's
// handler returns: JSON-RPC results, errors, garbage, oversize or slow answers, or silence. The
// seam through which the light client meets servers that lie or break.
#include <QByteArray>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonValue>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

namespace ls::testing {

struct CannedReply {
    int status = 200;
    QByteArray body;
    QByteArray rawResponse; // sent verbatim instead of status + body when set
    bool hang = false; // read the request, never answer
    int trickleMs = 0; // send the response one byte every trickleMs
    bool announceHugeLength = false; // Content-Length far above any limit

    static CannedReply json(const QJsonObject& object)
    {
        return { 200, QJsonDocument(object).toJson(QJsonDocument::Compact), {}, false, 0, false };
    }
    static CannedReply result(const QJsonObject& request, const QJsonValue& value)
    {
        return json({ { QStringLiteral("jsonrpc"), QStringLiteral("2.0") },
            { QStringLiteral("id"), request.value(QStringLiteral("id")) },
            { QStringLiteral("result"), value } });
    }
    static CannedReply error(const QJsonObject& request, int code, const QString& message,
        const QJsonValue& data = QJsonValue::Undefined)
    {
        QJsonObject error { { QStringLiteral("code"), code },
            { QStringLiteral("message"), message } };
        if (!data.isUndefined())
            error.insert(QStringLiteral("data"), data);
        return json({ { QStringLiteral("jsonrpc"), QStringLiteral("2.0") },
            { QStringLiteral("id"), request.value(QStringLiteral("id")) },
            { QStringLiteral("error"), error } });
    }
    static CannedReply raw(int status, QByteArray body)
    {
        return { status, std::move(body), {}, false, 0, false };
    }
};

class CannedHttpServer : public QObject {
public:
    using Handler = std::function<CannedReply(const QJsonObject& request)>;

    explicit CannedHttpServer(Handler handler)
        : m_handler(std::move(handler))
    {
        if (!m_server.listen(QHostAddress::LocalHost, 0))
            qFatal("cannot listen on 127.0.0.1");
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection())
                serve(socket);
        });
    }

    void setHandler(Handler handler) { m_handler = std::move(handler); }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    int requests() const { return m_requests; }
    const QList<QJsonObject>& received() const { return m_received; }

private:
    void serve(QTcpSocket* socket)
    {
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            *buffer += socket->readAll();
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            qsizetype length = 0;
            for (const QByteArray& line : buffer->left(end).split('\n')) {
                const QByteArray trimmed = line.trimmed();
                if (trimmed.toLower().startsWith("content-length:"))
                    length = trimmed.mid(15).trimmed().toLongLong();
            }
            if (buffer->size() < end + 4 + length)
                return;
            const QByteArray body = buffer->mid(end + 4, length);
            buffer->remove(0, end + 4 + length);
            const QJsonObject request = QJsonDocument::fromJson(body).object();
            ++m_requests;
            m_received.append(request);
            respond(socket, m_handler(request));
        });
    }

    void respond(QTcpSocket* socket, const CannedReply& reply)
    {
        if (reply.hang)
            return;
        QByteArray bytes = reply.rawResponse;
        if (bytes.isEmpty()) {
            const QByteArray length = reply.announceHugeLength
                ? QByteArray("1000000000")
                : QByteArray::number(reply.body.size());
            bytes = "HTTP/1.1 " + QByteArray::number(reply.status) + " Canned\r\n"
                + "Content-Type: application/json\r\nConnection: close\r\nContent-Length: " + length
                + "\r\n\r\n" + reply.body;
        }
        if (reply.trickleMs <= 0) {
            socket->write(bytes);
            socket->disconnectFromHost();
            return;
        }
        auto* timer = new QTimer(socket);
        auto remaining = std::make_shared<QByteArray>(bytes);
        QObject::connect(timer, &QTimer::timeout, socket, [socket, timer, remaining] {
            if (remaining->isEmpty()) {
                timer->stop();
                socket->disconnectFromHost();
                return;
            }
            socket->write(remaining->left(1));
            remaining->remove(0, 1);
        });
        timer->start(reply.trickleMs);
    }

    QTcpServer m_server;
    Handler m_handler;
    int m_requests = 0;
    QList<QJsonObject> m_received;
};

} // namespace ls::testing
