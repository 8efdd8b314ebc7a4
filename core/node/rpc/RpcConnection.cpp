#include "core/node/rpc/RpcConnection.h"

#include "core/node/rpc/HttpRouter.h"
#include "core/node/rpc/WebSocketFrameEncoder.h"
#include "core/node/rpc/WebSocketHandshake.h"

#include <QTcpSocket>
#include <QTimer>

#include <algorithm>
#include <climits>
#include <utility>

namespace ls::node::rpc {

namespace {

// How long a closing connection may take to flush its last bytes before it is cut.
constexpr int kCloseGraceMs = 5'000;
// Qt stops reading from the kernel beyond this, so a paused connection pushes back on the peer.
constexpr qint64 kSocketReadBuffer = 256 * 1024;

} // namespace

RpcConnection::RpcConnection(
    QTcpSocket* socket, quint64 id, const RpcLimits& limits, Services services, QObject* parent)
    : QObject(parent)
    , m_socket(socket)
    , m_limits(limits)
    , m_services(std::move(services))
    , m_parser(limits.maxHeaderBytes, limits.maxBodyBytes)
    , m_deadline(new QTimer(this))
    , m_pingTimer(new QTimer(this))
{
    m_socket->setParent(this);
    m_socket->setReadBufferSize(kSocketReadBuffer);
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    m_context.transport = RpcTransport::Http;
    m_context.peer = m_socket->peerAddress();
    m_context.connectionId = id;

    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, &RpcConnection::onDeadline);
    connect(m_pingTimer, &QTimer::timeout, this, &RpcConnection::onPingTimer);
    connect(m_socket, &QTcpSocket::readyRead, this, &RpcConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &RpcConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::disconnected, this, &RpcConnection::finish);
    connect(m_socket, &QTcpSocket::errorOccurred, this, [this] {
        if (m_socket->state() == QAbstractSocket::UnconnectedState)
            finish();
    });

    // A new connection must deliver a complete header block in time (slowloris).
    m_requestClock.start();
    arm(Deadline::Header, m_limits.headerTimeoutMs);
    if (m_socket->bytesAvailable() > 0)
        QTimer::singleShot(0, this, &RpcConnection::onReadyRead);
}

RpcConnection::~RpcConnection()
{
    // The socket is deleted with us and may still signal while going down.
    m_socket->disconnect(this);
}

void RpcConnection::abort()
{
    m_closing = true;
    m_socket->abort();
    finish();
}

void RpcConnection::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_closing = true;
    m_deadline->stop();
    m_pingTimer->stop();
    Q_EMIT finished(m_context.connectionId);
    deleteLater();
}

void RpcConnection::arm(Deadline kind, qint64 ms)
{
    m_deadlineKind = kind;
    m_deadline->start(static_cast<int>(std::clamp<qint64>(ms, 0, INT_MAX)));
}

void RpcConnection::onDeadline()
{
    switch (m_deadlineKind) {
    case Deadline::Header:
    case Deadline::Request:
        // Nothing useful has arrived on a fresh connection: just close it. A started request
        // gets a 408 so a merely slow client learns why.
        if (m_parser.hasPartialRequest() || m_parser.headersComplete())
            respond(HttpRouter::error(408, QStringLiteral("The request took too long to arrive.")),
                false);
        else
            closeAfterWrite();
        break;
    case Deadline::Idle:
        closeAfterWrite();
        break;
    case Deadline::Message:
        failWebSocket(WsCloseCode::PolicyViolation, QStringLiteral("message took too long"));
        break;
    case Deadline::Closing:
        abort();
        break;
    case Deadline::None:
        break;
    }
}

void RpcConnection::closeAfterWrite()
{
    if (m_finished)
        return;
    m_closing = true;
    m_pingTimer->stop();
    arm(Deadline::Closing, kCloseGraceMs);
    m_socket->disconnectFromHost();
}

void RpcConnection::onReadyRead()
{
    if (m_finished)
        return;
    if (m_closing) {
        m_socket->readAll(); // discard; we are on our way out
        return;
    }
    if (m_decoder) {
        m_decoder->feed(m_socket->readAll());
        m_heardSincePing = true;
        processWebSocket();
        return;
    }
    if (m_httpPaused)
        return;
    m_parser.feed(m_socket->readAll());
    processHttp();
}

void RpcConnection::onBytesWritten()
{
    if (!m_httpPaused || m_closing || m_socket->bytesToWrite() > 0)
        return;
    m_httpPaused = false;
    m_parser.feed(m_socket->readAll());
    processHttp();
}

void RpcConnection::processHttp()
{
    while (!m_closing) {
        switch (m_parser.status()) {
        case HttpRequestParser::Status::Error:
            respond(HttpRouter::error(m_parser.errorStatus(), m_parser.errorMessage()), false);
            return;
        case HttpRequestParser::Status::NeedMore:
            // curl and others wait for "100 Continue" before sending a larger body.
            if (m_parser.headersComplete() && !m_sentContinue
                && m_parser.request().headerHasToken("expect", "100-continue")) {
                m_sentContinue = true;
                m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
            }
            updateHttpDeadline();
            return;
        case HttpRequestParser::Status::Complete:
            break;
        }

        HttpRequest request = m_parser.takeRequest();
        m_sentContinue = false;
        if (request.wantsWebSocket() && HttpRouter::isRpcPath(request)) {
            upgradeToWebSocket(request);
            return;
        }
        const HttpResponse response = HttpRouter::route(
            request, [this](QByteArrayView body) { return m_services.dispatch(body, m_context); },
            m_services.status ? m_services.status() : QJsonObject());
        respond(response, request.keepAlive());
        if (m_closing)
            return;
        // Keep-alive: wait for the next request, or take the one already buffered once this
        // response is on its way (so a client that never reads cannot pile up responses).
        m_requestClock.start();
        arm(Deadline::Idle, m_limits.idleTimeoutMs);
        if (m_socket->bytesToWrite() > 0) {
            m_httpPaused = true;
            return;
        }
        m_parser.feed({});
    }
}

void RpcConnection::updateHttpDeadline()
{
    if (m_deadlineKind == Deadline::Idle && m_parser.hasPartialRequest()) {
        m_requestClock.start();
        arm(Deadline::Header, m_limits.headerTimeoutMs);
    }
    if (m_deadlineKind == Deadline::Header && m_parser.headersComplete())
        arm(Deadline::Request, m_limits.requestTimeoutMs - m_requestClock.elapsed());
}

void RpcConnection::respond(const HttpResponse& response, bool keepAlive)
{
    m_socket->write(response.serialize(keepAlive));
    if (!keepAlive)
        closeAfterWrite();
}

void RpcConnection::upgradeToWebSocket(const HttpRequest& request)
{
    auto accept = WebSocketHandshake::validate(request);
    if (!accept) {
        HttpResponse refusal = HttpRouter::error(accept.error().httpStatus, accept.error().message);
        if (accept.error().httpStatus == 426)
            refusal.headers.emplace_back("Sec-WebSocket-Version", "13");
        respond(refusal, false);
        return;
    }
    m_socket->write(WebSocketHandshake::switchingProtocolsResponse(*accept));
    m_context.transport = RpcTransport::WebSocket;
    m_deadline->stop();
    m_deadlineKind = Deadline::None;
    m_decoder.emplace(m_limits.maxWebSocketMessageBytes);
    if (m_limits.webSocketPingIntervalMs > 0)
        m_pingTimer->start(m_limits.webSocketPingIntervalMs);
    // Frames the client sent right behind its handshake are already in the parser's buffer.
    const QByteArray early = m_parser.takeBufferedBytes();
    if (!early.isEmpty()) {
        m_decoder->feed(early);
        processWebSocket();
    }
}

void RpcConnection::processWebSocket()
{
    bool completedMessage = false;
    while (!m_closing) {
        auto next = m_decoder->next();
        if (!next) {
            failWebSocket(next.error().closeCode, next.error().message);
            return;
        }
        if (!*next) {
            // A message trickling in byte by byte would hold the connection forever; it gets
            // as long as an HTTP request does.
            if (m_decoder->bufferedBytes() == 0) {
                m_deadline->stop();
                m_deadlineKind = Deadline::None;
            } else if (m_deadlineKind != Deadline::Message || completedMessage) {
                arm(Deadline::Message, m_limits.requestTimeoutMs);
            }
            return;
        }
        completedMessage = true;
        const WsMessage& message = **next;
        switch (message.opcode) {
        case WsOpcode::Text:
        case WsOpcode::Binary: {
            // Binary messages are taken as JSON too (some clients send UTF-8 JSON that way);
            // replies are always text.
            const auto outcome = m_services.dispatch(message.payload, m_context);
            if (outcome.response)
                sendFrame(WebSocketFrameEncoder::text(*outcome.response));
            break;
        }
        case WsOpcode::Ping:
            sendFrame(WebSocketFrameEncoder::pong(message.payload));
            break;
        case WsOpcode::Pong:
            break;
        case WsOpcode::Close: {
            // Echo the peer's code (RFC 6455 §5.5.1), then close the TCP connection ourselves.
            const quint16 code = message.closeCode == WsCloseCode::NoStatus ? WsCloseCode::Normal
                                                                            : message.closeCode;
            sendFrame(WebSocketFrameEncoder::close(code));
            closeAfterWrite();
            return;
        }
        case WsOpcode::Continuation:
            break; // never handed out by the decoder
        }
    }
}

void RpcConnection::sendText(const QByteArray& text)
{
    if (isWebSocket())
        sendFrame(WebSocketFrameEncoder::text(text));
}

void RpcConnection::sendFrame(const QByteArray& frame)
{
    if (m_closing)
        return;
    m_socket->write(frame);
    // A subscriber that stopped reading would otherwise grow this buffer without bound.
    if (m_socket->bytesToWrite() > m_limits.maxPendingOutboundBytes)
        abort();
}

void RpcConnection::failWebSocket(quint16 code, const QString& reason)
{
    sendFrame(WebSocketFrameEncoder::close(code, reason.toUtf8()));
    closeAfterWrite();
}

void RpcConnection::onPingTimer()
{
    // Nothing at all (not even a pong) since the last ping: the peer is gone or stuck.
    if (m_pingOutstanding && !m_heardSincePing) {
        abort();
        return;
    }
    m_pingOutstanding = true;
    m_heardSincePing = false;
    sendFrame(WebSocketFrameEncoder::ping({}));
}

} // namespace ls::node::rpc
