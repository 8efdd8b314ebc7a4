#include "core/node/rpc/JsonRpcResponse.h"

#include <QJsonDocument>

namespace ls::node::rpc::JsonRpcResponse {

QJsonObject result(const QJsonValue& id, const QJsonValue& result)
{
    return QJsonObject { { QStringLiteral("jsonrpc"), QStringLiteral("2.0") },
        { QStringLiteral("id"), id },
        { QStringLiteral("result"), result.isUndefined() ? QJsonValue() : result } };
}

QJsonObject error(const QJsonValue& id, const RpcError& error)
{
    return QJsonObject { { QStringLiteral("jsonrpc"), QStringLiteral("2.0") },
        { QStringLiteral("id"), id.isUndefined() ? QJsonValue() : id },
        { QStringLiteral("error"), error.toJson() } };
}

QJsonObject subscriptionNotification(const QString& subscriptionId, const QJsonValue& result)
{
    return QJsonObject { { QStringLiteral("jsonrpc"), QStringLiteral("2.0") },
        { QStringLiteral("method"), QStringLiteral("eth_subscription") },
        { QStringLiteral("params"),
            QJsonObject { { QStringLiteral("subscription"), subscriptionId },
                { QStringLiteral("result"), result.isUndefined() ? QJsonValue() : result } } } };
}

QByteArray errorBody(const RpcError& rpcError)
{
    return QJsonDocument(error(QJsonValue::Null, rpcError)).toJson(QJsonDocument::Compact);
}

} // namespace ls::node::rpc::JsonRpcResponse
