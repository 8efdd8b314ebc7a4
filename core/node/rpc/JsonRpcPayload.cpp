#include "core/node/rpc/JsonRpcPayload.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace ls::node::rpc {

namespace {

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// QJsonDocument only takes objects and arrays at the top level. A lone scalar is valid JSON
// but not a request (-32600, not -32700), so it is told apart by parsing it inside an array.
bool isJsonScalar(QByteArrayView bytes)
{
    QByteArray wrapped;
    wrapped.reserve(bytes.size() + 2);
    wrapped.append('[');
    wrapped.append(bytes);
    wrapped.append(']');
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(wrapped, &error);
    return error.error == QJsonParseError::NoError && document.isArray()
        && document.array().size() == 1;
}

} // namespace

std::expected<JsonRpcPayload, RpcError> JsonRpcPayload::parse(
    QByteArrayView bytes, int maxBatchSize)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError) {
        qsizetype first = 0;
        while (first < bytes.size() && isJsonSpace(bytes[first]))
            ++first;
        const bool structured
            = first < bytes.size() && (bytes[first] == '{' || bytes[first] == '[');
        if (!structured && isJsonScalar(bytes))
            return std::unexpected(RpcError::invalidRequest(
                QStringLiteral("a request must be a JSON object or array")));
        return std::unexpected(RpcError::parseError(error.errorString()));
    }

    JsonRpcPayload payload;
    if (document.isObject()) {
        payload.elements.push_back(JsonRpcRequest::fromJson(document.object()));
        return payload;
    }
    const QJsonArray array = document.array();
    if (array.isEmpty())
        return std::unexpected(RpcError::invalidRequest(QStringLiteral("empty batch")));
    if (array.size() > maxBatchSize) {
        return std::unexpected(
            RpcError::invalidRequest(QStringLiteral("batch of %1 requests exceeds the limit of %2")
                                         .arg(array.size())
                                         .arg(maxBatchSize)));
    }
    payload.isBatch = true;
    payload.elements.reserve(static_cast<std::size_t>(array.size()));
    for (const QJsonValue& element : array)
        payload.elements.push_back(JsonRpcRequest::fromJson(element));
    return payload;
}

} // namespace ls::node::rpc
