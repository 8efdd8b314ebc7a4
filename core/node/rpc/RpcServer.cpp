#include "core/node/rpc/RpcServer.h"

#include "core/node/rpc/ClientKey.h"
#include "core/node/rpc/HttpRouter.h"
#include "core/node/rpc/JsonRpcResponse.h"
#include "core/node/rpc/RpcConnection.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <utility>

namespace ls::node::rpc {

namespace {

constexpr int kRejectGraceMs = 2'000;

RpcError notificationsNotSupported()
{
    // geth's answer to eth_subscribe over plain HTTP.
    return { RpcErrorCode::MethodNotFound, QStringLiteral("notifications not supported"),
        std::nullopt };
}

} // namespace

RpcServer::RpcServer(RpcLimits limits, RpcClock clock, QObject* parent)
    : QObject(parent)
    , m_limits(limits)
    , m_tcpServer(new QTcpServer(this))
    , m_dispatcher(limits.maxBatchSize)
    , m_rateLimiter(limits.rateLimitPerSecond, limits.rateLimitBurst, std::move(clock))
    , m_connectionLimiter(limits.maxConnections, limits.maxConnectionsPerIp)
    , m_subscriptions(limits.maxSubscriptionsPerConnection)
{
    connect(m_tcpServer, &QTcpServer::newConnection, this, &RpcServer::onNewConnection);
    m_dispatcher.registerMethod(QStringLiteral("eth_subscribe"),
        [this](const QJsonValue& params, const CallContext& context) {
            return subscribe(params, context);
        });
    m_dispatcher.registerMethod(QStringLiteral("eth_unsubscribe"),
        [this](const QJsonValue& params, const CallContext& context) {
            return unsubscribe(params, context);
        });
}

RpcServer::~RpcServer()
{
    // Connections go first, while the dispatcher and registries they point into still exist.
    const auto connections = std::exchange(m_connections, {});
    for (RpcConnection* connection : connections) {
        connection->disconnect(this);
        delete connection;
    }
}

Result<quint16> RpcServer::listen(const QHostAddress& address, quint16 port)
{
    if (m_tcpServer->isListening())
        return fail(ErrorKind::InvalidInput, "The RPC server is already listening.");
    if (!m_tcpServer->listen(address, port)) {
        return fail(ErrorKind::Io,
            "Cannot listen for RPC on " + address.toString().toStdString() + ":"
                + std::to_string(port) + ": " + m_tcpServer->errorString().toStdString()
                + ". Is another node using that port?");
    }
    return m_tcpServer->serverPort();
}

void RpcServer::close()
{
    m_tcpServer->close();
    const auto connections = m_connections;
    for (RpcConnection* connection : connections)
        connection->abort();
}

bool RpcServer::isListening() const
{
    return m_tcpServer->isListening();
}

quint16 RpcServer::port() const
{
    return m_tcpServer->serverPort();
}

void RpcServer::registerMethod(const QString& name, Handler handler)
{
    const bool reserved
        = name == QStringLiteral("eth_subscribe") || name == QStringLiteral("eth_unsubscribe");
    Q_ASSERT_X(
        !reserved, "RpcServer::registerMethod", "eth_subscribe/eth_unsubscribe are built in");
    if (reserved)
        return;
    m_dispatcher.registerMethod(name, std::move(handler));
}

void RpcServer::registerBatchHandler(const QString& name, RpcBatchHandler handler)
{
    if (name == QStringLiteral("eth_subscribe") || name == QStringLiteral("eth_unsubscribe"))
        return; // built in, like registerMethod refuses
    m_dispatcher.registerBatchHandler(name, std::move(handler));
}

void RpcServer::registerSubscription(const QString& kind, SubscribeHandler handler)
{
    m_subscriptionKinds.insert(kind, std::move(handler));
}

void RpcServer::publish(
    const QString& kind, const QJsonValue& payload, SubscriptionPredicate matches)
{
    // Always queued, also from our own thread, so a notification published by a handler goes out
    // after that handler's response.
    QMetaObject::invokeMethod(
        this,
        [this, kind, payload, matches = std::move(matches)] { deliver(kind, payload, matches); },
        Qt::QueuedConnection);
}

void RpcServer::deliver(
    const QString& kind, const QJsonValue& payload, const SubscriptionPredicate& matches)
{
    for (const auto& subscription : m_subscriptions.ofKind(kind)) {
        if (matches && !matches(subscription.filter))
            continue;
        // sendText may drop a slow subscriber, which removes its subscriptions; we iterate a copy
        // and look the connection up every time.
        RpcConnection* connection = m_connections.value(subscription.connectionId);
        if (!connection)
            continue;
        connection->sendText(
            QJsonDocument(JsonRpcResponse::subscriptionNotification(subscription.id, payload))
                .toJson(QJsonDocument::Compact));
    }
}

void RpcServer::onNewConnection()
{
    while (QTcpSocket* socket = m_tcpServer->nextPendingConnection()) {
        const QByteArray key = clientKey(socket->peerAddress());
        if (!m_connectionLimiter.tryAdd(key)) {
            reject(socket);
            continue;
        }
        const quint64 id = m_nextConnectionId++;
        RpcConnection::Services services;
        services.dispatch = [this](QByteArrayView payload, const CallContext& context) {
            return dispatch(payload, context);
        };
        services.status = [this] { return status(); };
        auto* connection = new RpcConnection(socket, id, m_limits, std::move(services), this);
        m_connections.insert(id, connection);
        m_connectionKeys.insert(id, key);
        connect(connection, &RpcConnection::finished, this, &RpcServer::onConnectionFinished);
    }
}

void RpcServer::reject(QTcpSocket* socket)
{
    // Over a limit: say so if the client listens, but never wait on it for long.
    socket->write(HttpRouter::error(503, QStringLiteral("Too many connections; try again later."))
                      .serialize(false));
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    QTimer::singleShot(kRejectGraceMs, socket, [socket] {
        socket->abort();
        socket->deleteLater();
    });
    socket->disconnectFromHost();
}

void RpcServer::onConnectionFinished(quint64 id)
{
    m_connections.remove(id);
    m_connectionLimiter.remove(m_connectionKeys.take(id));
    m_subscriptions.removeConnection(id);
}

JsonRpcDispatcher::Outcome RpcServer::dispatch(QByteArrayView payload, const CallContext& context)
{
    const QByteArray key = clientKey(context.peer);
    return m_dispatcher.dispatch(
        payload, context, [this, &key] { return m_rateLimiter.tryAcquire(key); });
}

std::expected<QJsonValue, RpcError> RpcServer::subscribe(
    const QJsonValue& params, const CallContext& context)
{
    if (context.transport != RpcTransport::WebSocket)
        return std::unexpected(notificationsNotSupported());
    const QJsonArray arguments = params.toArray();
    if (!params.isArray() || arguments.isEmpty() || !arguments.first().isString()) {
        return std::unexpected(
            RpcError::invalidParams(QStringLiteral("expected [kind] or [kind, options]")));
    }
    const QString kind = arguments.first().toString();
    const auto handler = m_subscriptionKinds.constFind(kind);
    if (handler == m_subscriptionKinds.constEnd()) {
        return std::unexpected(RpcError { RpcErrorCode::MethodNotFound,
            QStringLiteral("no \"%1\" subscription in eth namespace").arg(kind), std::nullopt });
    }
    auto filter = handler.value()(
        arguments.size() > 1 ? arguments.at(1) : QJsonValue(QJsonValue::Undefined), context);
    if (!filter)
        return std::unexpected(filter.error());
    auto id = m_subscriptions.add(kind, context.connectionId, std::move(*filter));
    if (!id)
        return std::unexpected(id.error());
    return QJsonValue(*id);
}

std::expected<QJsonValue, RpcError> RpcServer::unsubscribe(
    const QJsonValue& params, const CallContext& context)
{
    if (context.transport != RpcTransport::WebSocket)
        return std::unexpected(notificationsNotSupported());
    const QJsonArray arguments = params.toArray();
    if (arguments.size() != 1 || !arguments.first().isString())
        return std::unexpected(
            RpcError::invalidParams(QStringLiteral("expected [subscription id]")));
    return QJsonValue(m_subscriptions.remove(arguments.first().toString(), context.connectionId));
}

QJsonObject RpcServer::status() const
{
    QJsonObject document { { QStringLiteral("jsonrpc"), QStringLiteral("2.0") },
        { QStringLiteral("status"), QStringLiteral("ok") }, { QStringLiteral("websocket"), true } };
    for (auto it = m_statusInfo.begin(); it != m_statusInfo.end(); ++it)
        document.insert(it.key(), it.value());
    return document;
}

} // namespace ls::node::rpc
