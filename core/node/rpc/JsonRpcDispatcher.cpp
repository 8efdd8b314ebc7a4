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

void JsonRpcDispatcher::registerBatchHandler(const QString& name, RpcBatchHandler handler)
{
    m_batchHandlers.insert(name, std::move(handler));
}

std::optional<QJsonValue> JsonRpcDispatcher::respond(
    const JsonRpcRequest& request, const Reply& outcome)
{
    if (request.isNotification())
        return std::nullopt;
    if (!outcome)
        return JsonRpcResponse::error(request.id, outcome.error());
    return JsonRpcResponse::result(request.id, *outcome);
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
    return respond(request, outcome);
}

void JsonRpcDispatcher::callRun(std::span<const JsonRpcRequest* const> run,
    const RpcBatchHandler& handler, const CallContext& context, QJsonArray& responses) const
{
    std::vector<QJsonValue> params;
    params.reserve(run.size());
    for (const JsonRpcRequest* request : run)
        params.push_back(request->params);
    const QString& method = run.front()->method;
    std::vector<Reply> outcomes;
    // As for single calls: a handler that throws fails its own requests, nobody else's.
    try {
        outcomes = handler(params, context);
    } catch (const std::exception& e) {
        outcomes.assign(run.size(),
            std::unexpected(
                RpcError::internalError(QStringLiteral("internal error in %1: %2")
                                            .arg(method, QString::fromUtf8(e.what())))));
    } catch (...) {
        outcomes.assign(run.size(),
            std::unexpected(
                RpcError::internalError(QStringLiteral("internal error in %1").arg(method))));
    }
    if (outcomes.size() != run.size())
        outcomes.assign(run.size(),
            std::unexpected(RpcError::internalError(
                QStringLiteral("internal error in %1: wrong number of replies").arg(method))));
    for (std::size_t i = 0; i < run.size(); ++i)
        if (auto response = respond(*run[i], outcomes[i]))
            responses.append(*response);
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
    auto refuse = [&](const JsonRpcPayload::Element& element) {
        ++refused;
        if (!element)
            responses.append(JsonRpcResponse::error(element.error().id, rateLimitError()));
        else if (!element->isNotification())
            responses.append(JsonRpcResponse::error(element->id, rateLimitError()));
    };
    const auto& elements = parsed->elements;
    for (std::size_t i = 0; i < elements.size(); ++i) {
        const auto& element = elements[i];
        if (admit && !admit()) {
            refuse(element);
            continue;
        }
        if (!element) {
            responses.append(JsonRpcResponse::error(element.error().id, element.error().error));
            continue;
        }
        const auto batchHandler = m_batchHandlers.constFind(element->method);
        if (batchHandler == m_batchHandlers.constEnd() || !m_methods.contains(element->method)) {
            if (auto response = call(*element, context))
                responses.append(*response);
            continue;
        }
        // The run of valid, admitted calls of this method that starts here (admission is still
        // asked once per element, in order).
        std::vector<const JsonRpcRequest*> run { &*element };
        bool nextRefused = false;
        while (i + 1 < elements.size() && elements[i + 1]
            && elements[i + 1]->method == element->method) {
            if (admit && !admit()) {
                nextRefused = true;
                break;
            }
            run.push_back(&*elements[++i]);
        }
        if (run.size() == 1) {
            if (auto response = call(*element, context))
                responses.append(*response);
        } else {
            callRun(run, *batchHandler, context, responses);
        }
        if (nextRefused)
            refuse(elements[++i]);
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
