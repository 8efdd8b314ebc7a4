#pragma once

#include "core/node/rpc/ConnectionLimiter.h"
#include "core/node/rpc/JsonRpcDispatcher.h"
#include "core/node/rpc/RateLimiter.h"
#include "core/node/rpc/RpcClock.h"
#include "core/node/rpc/RpcHandler.h"
#include "core/node/rpc/RpcLimits.h"
#include "core/node/rpc/SubscriptionRegistry.h"
#include "core/util/Error.h"

#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QObject>

class QTcpServer;
class QTcpSocket;

namespace ls::node::rpc {

class RpcConnection;

// JSON-RPC 2.0 over HTTP/1.1 and WebSocket on one port (DESIGN.md §3). The chain's methods plug
// in through registerMethod / registerSubscription; eth_subscribe and eth_unsubscribe are
// built in. Lives on the thread that creates it, and every method except publish() must be
// called there; handlers run there too.
class RpcServer : public QObject {
    Q_OBJECT

public:
    using Handler = RpcHandler;

    explicit RpcServer(
        RpcLimits limits = {}, RpcClock clock = steadyRpcClock(), QObject* parent = nullptr);
    ~RpcServer() override;

    // Port 0 picks a free port; the port actually bound is returned.
    Result<quint16> listen(const QHostAddress& address, quint16 port = 0);
    // Stops listening and drops every connection (and so every subscription).
    void close();
    bool isListening() const;
    quint16 port() const;

    // Registers or replaces a method. eth_subscribe / eth_unsubscribe are built in and cannot be
    // replaced (asserted in debug builds, ignored otherwise).
    void registerMethod(const QString& name, Handler handler);
    // See JsonRpcDispatcher::registerBatchHandler.
    void registerBatchHandler(const QString& name, RpcBatchHandler handler);
    // Makes eth_subscribe [kind, …] available over WebSocket.
    void registerSubscription(const QString& kind, SubscribeHandler handler);

    // Sends `payload` as an eth_subscription notification to every subscription of `kind` whose
    // filter `matches` accepts (all of them when `matches` is empty). Safe to call from any
    // thread: delivery is queued to the server's thread. The caller keeps the server alive
    // while publishing.
    void publish(
        const QString& kind, const QJsonValue& payload, SubscriptionPredicate matches = {});

    // Extra members for the GET / status document.
    void setStatusInfo(const QJsonObject& info) { m_statusInfo = info; }

    const RpcLimits& limits() const { return m_limits; }
    int connectionCount() const { return static_cast<int>(m_connections.size()); }
    qsizetype subscriptionCount() const { return m_subscriptions.size(); }

private:
    void onNewConnection();
    void onConnectionFinished(quint64 id);
    void reject(QTcpSocket* socket);
    JsonRpcDispatcher::Outcome dispatch(QByteArrayView payload, const CallContext& context);
    void deliver(
        const QString& kind, const QJsonValue& payload, const SubscriptionPredicate& matches);
    std::expected<QJsonValue, RpcError> subscribe(
        const QJsonValue& params, const CallContext& context);
    std::expected<QJsonValue, RpcError> unsubscribe(
        const QJsonValue& params, const CallContext& context);
    QJsonObject status() const;

    RpcLimits m_limits;
    QTcpServer* m_tcpServer;
    JsonRpcDispatcher m_dispatcher;
    RateLimiter m_rateLimiter;
    ConnectionLimiter m_connectionLimiter;
    SubscriptionRegistry m_subscriptions;
    QHash<QString, SubscribeHandler> m_subscriptionKinds;
    QHash<quint64, RpcConnection*> m_connections;
    QHash<quint64, QByteArray> m_connectionKeys;
    quint64 m_nextConnectionId = 1;
    QJsonObject m_statusInfo;
};

} // namespace ls::node::rpc
