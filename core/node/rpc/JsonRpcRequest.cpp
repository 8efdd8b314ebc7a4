#include "core/node/rpc/JsonRpcRequest.h"

#include <QJsonObject>

namespace ls::node::rpc {

std::expected<JsonRpcRequest, JsonRpcRequestError> JsonRpcRequest::fromJson(const QJsonValue& value)
{
    if (!value.isObject()) {
        return std::unexpected(JsonRpcRequestError { QJsonValue::Null,
            RpcError::invalidRequest(QStringLiteral("a request must be a JSON object")) });
    }
    const QJsonObject object = value.toObject();
    JsonRpcRequest request;

    // The id comes first so every later error can be answered under it.
    const auto idIt = object.constFind(QStringLiteral("id"));
    if (idIt != object.constEnd()) {
        const QJsonValue id = idIt.value();
        if (!id.isString() && !id.isDouble() && !id.isNull()) {
            return std::unexpected(JsonRpcRequestError { QJsonValue::Null,
                RpcError::invalidRequest(
                    QStringLiteral("id must be a string, a number or null")) });
        }
        request.id = id;
    }
    const QJsonValue answerId
        = request.id.isUndefined() ? QJsonValue(QJsonValue::Null) : request.id;

    if (object.value(QStringLiteral("jsonrpc")) != QJsonValue(QStringLiteral("2.0"))) {
        return std::unexpected(JsonRpcRequestError {
            answerId, RpcError::invalidRequest(QStringLiteral("jsonrpc must be \"2.0\"")) });
    }
    const QJsonValue method = object.value(QStringLiteral("method"));
    if (!method.isString()) {
        return std::unexpected(JsonRpcRequestError {
            answerId, RpcError::invalidRequest(QStringLiteral("method must be a string")) });
    }
    request.method = method.toString();

    const QJsonValue params = object.value(QStringLiteral("params"));
    if (params.isArray() || params.isObject()) {
        request.params = params;
    } else if (!params.isUndefined() && !params.isNull()) {
        return std::unexpected(JsonRpcRequestError { answerId,
            RpcError::invalidRequest(QStringLiteral("params must be an array or an object")) });
    }
    return request;
}

} // namespace ls::node::rpc
