#pragma once

#include "core/node/rpc/RpcError.h"

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace ls::node::rpc {

// Builders for the JSON objects the server sends.
namespace JsonRpcResponse {

// {"jsonrpc":"2.0","id":…,"result":…}; an Undefined result becomes null.
QJsonObject result(const QJsonValue& id, const QJsonValue& result);
// {"jsonrpc":"2.0","id":…,"error":{…}}
QJsonObject error(const QJsonValue& id, const RpcError& error);
// {"jsonrpc":"2.0","method":"eth_subscription","params":{"subscription":…,"result":…}}
QJsonObject subscriptionNotification(const QString& subscriptionId, const QJsonValue& result);
// Compact JSON text of one error response, for HTTP-level failures.
QByteArray errorBody(const RpcError& error);

} // namespace JsonRpcResponse

} // namespace ls::node::rpc
