#include "core/node/rpc/SubscriptionRegistry.h"

#include "core/crypto/Random.h"

#include <QByteArray>

#include <utility>

namespace ls::node::rpc {

namespace {

QString randomSubscriptionId()
{
    const auto bytes = crypto::randomFixed<16>();
    return QStringLiteral("0x")
        + QString::fromLatin1(QByteArray(
            reinterpret_cast<const char*>(bytes.data()), static_cast<qsizetype>(bytes.size()))
                                  .toHex());
}

} // namespace

SubscriptionRegistry::SubscriptionRegistry(int maxPerConnection)
    : m_maxPerConnection(maxPerConnection)
{
}

std::expected<QString, RpcError> SubscriptionRegistry::add(
    const QString& kind, quint64 connectionId, QJsonValue filter)
{
    auto& owned = m_byConnection[connectionId];
    if (owned.size() >= m_maxPerConnection) {
        return std::unexpected(RpcError::limitExceeded(
            QStringLiteral("too many subscriptions on this connection (limit %1)")
                .arg(m_maxPerConnection)));
    }
    QString id = randomSubscriptionId();
    while (m_byId.contains(id))
        id = randomSubscriptionId();
    m_byId.insert(id, Subscription { id, kind, connectionId, std::move(filter) });
    owned.insert(id);
    return id;
}

bool SubscriptionRegistry::remove(const QString& id, quint64 connectionId)
{
    auto it = m_byId.find(id);
    if (it == m_byId.end() || it->connectionId != connectionId)
        return false;
    m_byId.erase(it);
    auto owned = m_byConnection.find(connectionId);
    if (owned != m_byConnection.end()) {
        owned->remove(id);
        if (owned->isEmpty())
            m_byConnection.erase(owned);
    }
    return true;
}

void SubscriptionRegistry::removeConnection(quint64 connectionId)
{
    const QSet<QString> owned = m_byConnection.take(connectionId);
    for (const QString& id : owned)
        m_byId.remove(id);
}

std::vector<SubscriptionRegistry::Subscription> SubscriptionRegistry::ofKind(
    const QString& kind) const
{
    std::vector<Subscription> matching;
    for (const auto& subscription : m_byId) {
        if (subscription.kind == kind)
            matching.push_back(subscription);
    }
    return matching;
}

} // namespace ls::node::rpc
