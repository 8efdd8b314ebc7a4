#include "core/node/rpc/HttpRouter.h"

#include "core/node/rpc/JsonRpcResponse.h"

#include <QJsonDocument>

namespace ls::node::rpc {

namespace {

// Browser dapps may add their own headers; a preflight that lists only well-formed header names
// gets them all allowed (the origin is "*" anyway), anything odd gets the plain default.
QByteArray allowedHeaders(const HttpRequest& request)
{
    const auto requested = request.header("access-control-request-headers");
    if (!requested || requested->isEmpty() || requested->size() > 1024)
        return "Content-Type";
    for (char c : *requested) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || c == '-' || c == '_' || c == ',' || c == ' ';
        if (!ok)
            return "Content-Type";
    }
    return *requested;
}

// geth's accepted content types; parameters such as "; charset=utf-8" are ignored.
bool isJsonContentType(const std::optional<QByteArray>& header)
{
    if (!header)
        return false;
    QByteArray type = *header;
    const qsizetype semicolon = type.indexOf(';');
    if (semicolon >= 0)
        type.truncate(semicolon);
    type = type.trimmed().toLower();
    return type == "application/json" || type == "application/json-rpc"
        || type == "application/jsonrequest";
}

} // namespace

HttpResponse HttpRouter::error(int status, const QString& message)
{
    const int code = (status == 429 || status == 503) ? RpcErrorCode::LimitExceeded
                                                      : RpcErrorCode::InvalidRequest;
    HttpResponse response;
    response.status = status;
    response.body = JsonRpcResponse::errorBody(RpcError { code, message, std::nullopt });
    return response;
}

HttpResponse HttpRouter::route(
    const HttpRequest& request, const Dispatch& dispatch, const QJsonObject& status)
{
    if (!isRpcPath(request))
        return error(404, QStringLiteral("Not found: JSON-RPC is served at /."));

    if (request.method == "OPTIONS") {
        HttpResponse preflight;
        preflight.status = 204;
        preflight.headers = { { "Access-Control-Allow-Methods", "POST, GET, OPTIONS" },
            { "Access-Control-Allow-Headers", allowedHeaders(request) },
            { "Access-Control-Max-Age", "86400" } };
        return preflight;
    }
    if (request.method == "GET") {
        HttpResponse response;
        response.body = QJsonDocument(status).toJson(QJsonDocument::Compact);
        return response;
    }
    if (request.method != "POST") {
        HttpResponse response = error(405, QStringLiteral("Use POST for JSON-RPC calls."));
        response.headers.emplace_back("Allow", "POST, GET, OPTIONS");
        return response;
    }
    if (!isJsonContentType(request.header("content-type")))
        return error(415, QStringLiteral("Content-Type must be application/json."));

    const JsonRpcDispatcher::Outcome outcome = dispatch(request.body);
    HttpResponse response;
    if (outcome.rateLimited)
        response.status = 429;
    if (outcome.response)
        response.body = *outcome.response;
    else if (outcome.rateLimited)
        response = error(429, QStringLiteral("request rate limit exceeded; slow down and retry"));
    else
        response.status = 204; // notifications only: nothing to answer
    return response;
}

} // namespace ls::node::rpc
