#pragma once

#include "core/node/rpc/RpcError.h"

#include <QJsonValue>
#include <QString>

#include <expected>

namespace ls::node::rpc {

// A request element that failed validation, with the id to answer under (null when the id
// itself was missing or unusable).
struct JsonRpcRequestError {
    QJsonValue id = QJsonValue::Null;
    RpcError error;
};

// One validated JSON-RPC 2.0 request.
struct JsonRpcRequest {
    QString method;
    // Array or Object; Undefined when absent (or null, which some clients send for "none").
    QJsonValue params = QJsonValue::Undefined;
    // String, number or Null; Undefined for a notification, which gets no response.
    QJsonValue id = QJsonValue::Undefined;

    bool isNotification() const { return id.isUndefined(); }

    // Checks one element: an object with "jsonrpc":"2.0", a string "method", structured or
    // absent "params", and an absent, string, number or null "id".
    static std::expected<JsonRpcRequest, JsonRpcRequestError> fromJson(const QJsonValue& value);
};

} // namespace ls::node::rpc
