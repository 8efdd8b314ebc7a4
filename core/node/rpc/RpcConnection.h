#pragma once

#include "core/node/rpc/CallContext.h"
#include "core/node/rpc/HttpRequestParser.h"
#include "core/node/rpc/HttpResponse.h"
#include "core/node/rpc/JsonRpcDispatcher.h"
#include "core/node/rpc/RpcLimits.h"
#include "core/node/rpc/WebSocketFrameDecoder.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>

#include <functional>
#include <optional>

class QTcpSocket;
class QTimer;

namespace ls::node::rpc {

// One client socket of the RPC server: HTTP/1.1 with keep-alive until the client upgrades to
// WebSocket, then RFC 6455 frames. Enforces the per-connection limits (slow headers and bodies,
// idle keep-alive, unresponsive WebSocket peers, unread output) and reports its end once.
class RpcConnection : public QObject {
    Q_OBJECT

public:
    struct Services {
        // Runs one JSON-RPC payload (rate limiting included).
        std::function<JsonRpcDispatcher::Outcome(QByteArrayView, const CallContext&)> dispatch;
        // The GET / document.
        std::function<QJsonObject()> status;
    };

    // Takes ownership of a connected socket.
    RpcConnection(QTcpSocket* socket, quint64 id, const RpcLimits& limits, Services services,
        QObject* parent = nullptr);
    ~RpcConnection() override;

    quint64 id() const { return m_context.connectionId; }
    const CallContext& context() const { return m_context; }
    bool isWebSocket() const { return m_context.transport == RpcTransport::WebSocket; }

    // Sends a text message to a WebSocket peer; a peer that has left more than the outbound cap
    // unread is dropped instead.
    void sendText(const QByteArray& text);
    // Drops the connection without ceremony.
    void abort();

Q_SIGNALS:
    // Emitted once, when the connection is gone; the object deletes itself afterwards.
    void finished(quint64 id);

private:
    enum class Deadline { None, Header, Request, Idle, Message, Closing };

    void onReadyRead();
    void onBytesWritten();
    void processHttp();
    void updateHttpDeadline();
    void respond(const HttpResponse& response, bool keepAlive);
    void upgradeToWebSocket(const HttpRequest& request);
    void processWebSocket();
    void sendFrame(const QByteArray& frame);
    void failWebSocket(quint16 code, const QString& reason);
    void closeAfterWrite();
    void arm(Deadline kind, qint64 ms);
    void onDeadline();
    void onPingTimer();
    void finish();

    QTcpSocket* m_socket;
    RpcLimits m_limits;
    Services m_services;
    CallContext m_context;
    HttpRequestParser m_parser;
    std::optional<WebSocketFrameDecoder> m_decoder;
    QTimer* m_deadline;
    QTimer* m_pingTimer;
    Deadline m_deadlineKind = Deadline::None;
    QElapsedTimer m_requestClock; // since the first byte of the current request
    bool m_sentContinue = false;
    bool m_httpPaused = false; // a pipelined response is still being written
    bool m_closing = false; // no more input is processed
    bool m_finished = false;
    bool m_pingOutstanding = false;
    bool m_heardSincePing = false;
};

} // namespace ls::node::rpc
