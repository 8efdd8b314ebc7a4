#include "core/node/rpc/RpcError.h"

namespace ls::node::rpc {

RpcError RpcError::parseError(const QString& detail)
{
    return { RpcErrorCode::ParseError, QStringLiteral("parse error: ") + detail, std::nullopt };
}

RpcError RpcError::invalidRequest(const QString& message)
{
    return { RpcErrorCode::InvalidRequest, message, std::nullopt };
}

RpcError RpcError::methodNotFound(const QString& method)
{
    // geth's wording, which some client libraries match on.
    return { RpcErrorCode::MethodNotFound,
        QStringLiteral("the method ") + method + QStringLiteral(" does not exist/is not available"),
        std::nullopt };
}

RpcError RpcError::invalidParams(const QString& message)
{
    return { RpcErrorCode::InvalidParams, message, std::nullopt };
}

RpcError RpcError::internalError(const QString& message)
{
    return { RpcErrorCode::InternalError, message, std::nullopt };
}

RpcError RpcError::limitExceeded(const QString& message)
{
    return { RpcErrorCode::LimitExceeded, message, std::nullopt };
}

QJsonObject RpcError::toJson() const
{
    QJsonObject object { { QStringLiteral("code"), code }, { QStringLiteral("message"), message } };
    if (data)
        object.insert(QStringLiteral("data"), *data);
    return object;
}

} // namespace ls::node::rpc
