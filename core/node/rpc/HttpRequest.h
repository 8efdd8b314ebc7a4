#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <optional>
#include <utility>
#include <vector>

namespace ls::node::rpc {

// One parsed HTTP/1.x request. Header names are stored lower-case (they are case-insensitive);
// values have surrounding whitespace removed.
struct HttpRequest {
    QByteArray method; // case-sensitive, as sent ("GET", "POST", …)
    QByteArray target; // request-target, e.g. "/" or "/?q=1"
    int versionMinor = 1; // HTTP/1.0 or HTTP/1.1
    std::vector<std::pair<QByteArray, QByteArray>> headers;
    QByteArray body;

    // The target without its query string.
    QByteArrayView path() const;
    // First value of a header; `lowerName` must be lower-case.
    std::optional<QByteArray> header(QByteArrayView lowerName) const;
    // Whether any instance of the header lists `token` (comma-separated, case-insensitive), as
    // for "Connection: keep-alive, Upgrade".
    bool headerHasToken(QByteArrayView lowerName, QByteArrayView token) const;
    // HTTP/1.1 defaults to keep-alive, HTTP/1.0 to close; "Connection" overrides either way.
    bool keepAlive() const;
    // "Upgrade: websocket" with "Connection: Upgrade" (RFC 6455 §4.2.1); the rest of the
    // handshake is checked by WebSocketHandshake.
    bool wantsWebSocket() const;
};

} // namespace ls::node::rpc
