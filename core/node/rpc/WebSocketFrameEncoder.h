#pragma once

#include "core/node/rpc/WebSocketFrame.h"

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <optional>

namespace ls::node::rpc {

// RFC 6455 frame encoder. The server sends unmasked frames; `mask` exists for the client side
// (tests, fuzz round trips). Lengths use the shortest of the 7/16/64-bit forms.
class WebSocketFrameEncoder {
public:
    using Mask = std::array<quint8, 4>;

    static QByteArray frame(WsOpcode opcode, QByteArrayView payload, bool fin = true,
        std::optional<Mask> mask = std::nullopt);

    static QByteArray text(QByteArrayView payload) { return frame(WsOpcode::Text, payload); }
    static QByteArray pong(QByteArrayView payload) { return frame(WsOpcode::Pong, payload); }
    static QByteArray ping(QByteArrayView payload) { return frame(WsOpcode::Ping, payload); }
    // A close frame with a status code and a reason, cut to fit the 125-byte control limit
    // without splitting a UTF-8 sequence.
    static QByteArray close(
        quint16 code, QByteArrayView reason = {}, std::optional<Mask> mask = std::nullopt);
};

} // namespace ls::node::rpc
