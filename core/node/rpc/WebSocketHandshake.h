#pragma once

#include "core/node/rpc/HttpRequest.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <expected>

namespace ls::node::rpc {

// The server side of the RFC 6455 §4.2 opening handshake.
class WebSocketHandshake {
public:
    struct Refusal {
        int httpStatus = 400; // 400, or 426 for an unsupported protocol version
        QString message;
    };

    // base64(SHA-1(key ‖ "258EAFA5-E914-47DA-95CA-C5AB0DC85B11")).
    static QByteArray acceptKey(QByteArrayView clientKey);

    // Checks an upgrade request and returns the Sec-WebSocket-Accept value to answer with.
    static std::expected<QByteArray, Refusal> validate(const HttpRequest& request);

    // The complete "101 Switching Protocols" response.
    static QByteArray switchingProtocolsResponse(QByteArrayView acceptValue);
};

} // namespace ls::node::rpc
