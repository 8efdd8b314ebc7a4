#pragma once

#include "core/node/rpc/HttpRequest.h"
#include "core/node/rpc/HttpResponse.h"
#include "core/node/rpc/JsonRpcDispatcher.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace ls::node::rpc {

// Maps a complete HTTP request (other than a WebSocket upgrade) to its response, the way geth
// serves JSON-RPC: POST / with a JSON content type is a call, GET / a status document,
// OPTIONS / a CORS preflight; anything else an error with a JSON-RPC error body.
class HttpRouter {
public:
    using Dispatch = std::function<JsonRpcDispatcher::Outcome(QByteArrayView body)>;

    static HttpResponse route(
        const HttpRequest& request, const Dispatch& dispatch, const QJsonObject& status);

    // An HTTP error whose body is a JSON-RPC error object (code -32600, or -32005 for 429/503)
    // so JSON-RPC clients can show the message.
    static HttpResponse error(int status, const QString& message);

    // JSON-RPC is served at "/" only (optionally with a query string).
    static bool isRpcPath(const HttpRequest& request) { return request.path() == "/"; }
};

} // namespace ls::node::rpc
