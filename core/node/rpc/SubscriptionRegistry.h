#pragma once

#include "core/node/rpc/RpcError.h"

#include <QHash>
#include <QJsonValue>
#include <QSet>
#include <QString>

#include <expected>
#include <vector>

namespace ls::node::rpc {

// Live eth_subscribe subscriptions, each owned by one WebSocket connection.
class SubscriptionRegistry {
public:
    struct Subscription {
        QString id; // "0x" + 32 hex digits, random
        QString kind;
        quint64 connectionId = 0;
        QJsonValue filter;
    };

    explicit SubscriptionRegistry(int maxPerConnection);

    // Creates a subscription with a fresh random id, or refuses when the connection already
    // holds the maximum.
    std::expected<QString, RpcError> add(
        const QString& kind, quint64 connectionId, QJsonValue filter);
    // Removes `id` if `connectionId` owns it (a client cannot cancel someone else's).
    bool remove(const QString& id, quint64 connectionId);
    void removeConnection(quint64 connectionId);

    // Copies, so delivering (which may drop a slow connection) cannot invalidate the list.
    std::vector<Subscription> ofKind(const QString& kind) const;
    qsizetype size() const { return m_byId.size(); }

private:
    int m_maxPerConnection;
    QHash<QString, Subscription> m_byId;
    QHash<quint64, QSet<QString>> m_byConnection;
};

} // namespace ls::node::rpc
