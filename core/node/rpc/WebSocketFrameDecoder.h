#pragma once

#include "core/node/rpc/WebSocketFrame.h"

#include <QByteArray>
#include <QByteArrayView>

#include <expected>
#include <optional>

namespace ls::node::rpc {

// Incremental RFC 6455 frame decoder over plain bytes (no sockets, so it can be fuzzed).
// feed() appends bytes; next() yields complete messages one at a time: fragmented text/binary
// messages are reassembled, control frames (which may arrive between fragments) come out on
// their own. It enforces client masking, zero reserved bits (no extension is negotiated), known
// opcodes, the control-frame rules (≤ 125 bytes, never fragmented), continuation order, the
// message size limit — checked against declared lengths, before buffering — and UTF-8 validity
// of text messages and close reasons. The first violation is sticky.
class WebSocketFrameDecoder {
public:
    // `requireMask`: frames from a client must be masked (the server side); a client-side
    // decoder (tests) reads unmasked server frames.
    WebSocketFrameDecoder(qsizetype maxMessageBytes, bool requireMask = true);

    void feed(QByteArrayView bytes);
    // A message, std::nullopt when more bytes are needed, or the violation.
    std::expected<std::optional<WsMessage>, WsDecodeError> next();

    bool failed() const { return m_failed; }
    // Bytes received but not yet part of a returned message.
    qsizetype bufferedBytes() const { return m_buffer.size() - m_readPos + m_message.size(); }

private:
    std::unexpected<WsDecodeError> fail(quint16 code, QString message);

    qsizetype m_maxMessageBytes;
    bool m_requireMask;
    QByteArray m_buffer;
    qsizetype m_readPos = 0;
    bool m_inMessage = false; // a fragmented message is being reassembled
    WsOpcode m_messageOpcode = WsOpcode::Text;
    QByteArray m_message;
    bool m_failed = false;
    WsDecodeError m_error;
};

} // namespace ls::node::rpc
