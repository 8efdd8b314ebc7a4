#include "core/node/rpc/JsonRpcDispatcher.h"

#include "core/node/rpc/JsonRpcPayload.h"
#include "core/node/rpc/JsonRpcResponse.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <exception>
#include <utility>

namespace ls::node::rpc {

namespace {

RpcError rateLimitError()
{
    return RpcError::limitExceeded(
        QStringLiteral("request rate limit exceeded; slow down and retry"));
}

QByteArray toJsonText(const QJsonObject& object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

JsonRpcDispatcher::JsonRpcDispatcher(int maxBatchSize)
    : m_maxBatchSize(maxBatchSize)
{
}

void JsonRpcDispatcher::registerMethod(const QString& name, RpcHandler handler)
{
    m_methods.insert(name, std::move(handler));
}

std::optional<QJsonValue> JsonRpcDispatcher::call(
    const JsonRpcRequest& request, const CallContext& context) const
{
    std::expected<QJsonValue, RpcError> outcome;
    const auto it = m_methods.constFind(request.method);
    if (it == m_methods.constEnd()) {
        outcome = std::unexpected(RpcError::methodNotFound(request.method));
    } else {
        // Handlers are not supposed to throw; if one does anyway (a bug, bad_alloc), that
        // request fails and the server keeps serving everyone else.
        try {
            outcome = it.value()(request.params, context);
        } catch (const std::exception& e) {
            outcome = std::unexpected(
                RpcError::internalError(QStringLiteral("internal error in %1: %2")
                                            .arg(request.method, QString::fromUtf8(e.what()))));
        } catch (...) {
            outcome = std::unexpected(RpcError::internalError(
                QStringLiteral("internal error in %1").arg(request.method)));
        }
    }
    if (request.isNotification())
        return std::nullopt;
    if (!outcome)
        return JsonRpcResponse::error(request.id, outcome.error());
    return JsonRpcResponse::result(request.id, *outcome);
}

JsonRpcDispatcher::Outcome JsonRpcDispatcher::dispatch(
    QByteArrayView payload, const CallContext& context, const Admission& admit) const
{
    auto parsed = JsonRpcPayload::parse(payload, m_maxBatchSize);
    if (!parsed) {
        if (admit && !admit())
            return { toJsonText(JsonRpcResponse::error(QJsonValue::Null, rateLimitError())), true };
        return { toJsonText(JsonRpcResponse::error(QJsonValue::Null, parsed.error())), false };
    }

    QJsonArray responses;
    qsizetype refused = 0;
    for (const auto& element : parsed->elements) {
        if (admit && !admit()) {
            ++refused;
            if (!element)
                responses.append(JsonRpcResponse::error(element.error().id, rateLimitError()));
            else if (!element->isNotification())
                responses.append(JsonRpcResponse::error(element->id, rateLimitError()));
            continue;
        }
        if (!element) {
            responses.append(JsonRpcResponse::error(element.error().id, element.error().error));
            continue;
        }
        if (auto response = call(*element, context))
            responses.append(*response);
    }

    Outcome outcome;
    outcome.rateLimited = refused == static_cast<qsizetype>(parsed->elements.size());
    if (responses.isEmpty())
        return outcome;
    if (parsed->isBatch)
        outcome.response = QJsonDocument(responses).toJson(QJsonDocument::Compact);
    else
        outcome.response = toJsonText(responses.first().toObject());
    return outcome;
}

} // namespace ls::node::rpc
