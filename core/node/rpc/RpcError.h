#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <optional>

namespace ls::node::rpc {

// JSON-RPC 2.0 error codes (https://www.jsonrpc.org/specification#error_object), plus the ones
// Ethereum clients expect from geth.
namespace RpcErrorCode {
inline constexpr int ParseError = -32700;
inline constexpr int InvalidRequest = -32600;
inline constexpr int MethodNotFound = -32601;
inline constexpr int InvalidParams = -32602;
inline constexpr int InternalError = -32603;
// geth answers rate-limited calls with -32005 "limit exceeded"; wallets back off on it.
inline constexpr int LimitExceeded = -32005;
// eth_call / eth_estimateGas revert: `data` carries the revert bytes as 0x-hex.
inline constexpr int ExecutionReverted = 3;
} // namespace RpcErrorCode

// The error member of a JSON-RPC response. Handlers return it as is; the server passes code,
// message and data through unchanged.
struct RpcError {
    int code = RpcErrorCode::InternalError;
    QString message;
    std::optional<QJsonValue> data;

    static RpcError parseError(const QString& detail);
    static RpcError invalidRequest(const QString& message);
    static RpcError methodNotFound(const QString& method);
    static RpcError invalidParams(const QString& message);
    static RpcError internalError(const QString& message);
    static RpcError limitExceeded(const QString& message);

    // {"code":…, "message":…, "data":…} — `data` only when present.
    QJsonObject toJson() const;
};

} // namespace ls::node::rpc
