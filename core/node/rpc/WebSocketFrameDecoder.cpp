#include "core/node/rpc/WebSocketFrameDecoder.h"

#include "core/node/rpc/Utf8.h"

#include <cstdint>
#include <utility>

namespace ls::node::rpc {

namespace {

bool isKnownOpcode(unsigned opcode)
{
    return opcode <= 0x2 || (opcode >= 0x8 && opcode <= 0xA);
}

// RFC 6455 §7.4: codes a peer may put on the wire. 1004–1006 and 1015 are reserved for local
// use, 1016–2999 for future standards.
bool isValidCloseCode(quint16 code)
{
    return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014)
        || (code >= 3000 && code <= 4999);
}

} // namespace

WebSocketFrameDecoder::WebSocketFrameDecoder(qsizetype maxMessageBytes, bool requireMask)
    : m_maxMessageBytes(maxMessageBytes)
    , m_requireMask(requireMask)
{
}

void WebSocketFrameDecoder::feed(QByteArrayView bytes)
{
    if (m_failed)
        return;
    // Drop what earlier messages consumed before growing the buffer.
    if (m_readPos > 0) {
        m_buffer.remove(0, m_readPos);
        m_readPos = 0;
    }
    m_buffer.append(bytes);
}

std::unexpected<WsDecodeError> WebSocketFrameDecoder::fail(quint16 code, QString message)
{
    m_failed = true;
    m_error = WsDecodeError { code, std::move(message) };
    m_buffer.clear();
    m_message.clear();
    m_readPos = 0;
    return std::unexpected(m_error);
}

std::expected<std::optional<WsMessage>, WsDecodeError> WebSocketFrameDecoder::next()
{
    if (m_failed)
        return std::unexpected(m_error);
    while (true) {
        const auto* data = reinterpret_cast<const std::uint8_t*>(m_buffer.constData()) + m_readPos;
        const qsizetype available = m_buffer.size() - m_readPos;
        if (available < 2)
            return std::nullopt;

        const bool fin = (data[0] & 0x80) != 0;
        const unsigned opcode = data[0] & 0x0Fu;
        const bool masked = (data[1] & 0x80) != 0;
        const unsigned shortLength = data[1] & 0x7Fu;
        const bool control = (opcode & 0x8u) != 0;

        // Everything checkable from the first two bytes fails fast, before any payload arrives.
        if ((data[0] & 0x70) != 0)
            return fail(WsCloseCode::ProtocolError, QStringLiteral("reserved bits set"));
        if (!isKnownOpcode(opcode))
            return fail(WsCloseCode::ProtocolError, QStringLiteral("unknown opcode"));
        if (masked != m_requireMask)
            return fail(WsCloseCode::ProtocolError,
                m_requireMask ? QStringLiteral("client frames must be masked")
                              : QStringLiteral("server frames must not be masked"));
        if (control && (!fin || shortLength > 125))
            return fail(WsCloseCode::ProtocolError,
                QStringLiteral("control frames must be short and unfragmented"));
        if (!control) {
            if (opcode == 0x0 && !m_inMessage)
                return fail(WsCloseCode::ProtocolError, QStringLiteral("unexpected continuation"));
            if (opcode != 0x0 && m_inMessage)
                return fail(WsCloseCode::ProtocolError,
                    QStringLiteral("new message inside a fragmented one"));
        }

        const qsizetype lengthBytes = shortLength == 126 ? 2 : shortLength == 127 ? 8 : 0;
        const qsizetype headerLength = 2 + lengthBytes + (masked ? 4 : 0);
        if (available < 2 + lengthBytes)
            return std::nullopt;
        std::uint64_t length = shortLength;
        if (lengthBytes > 0) {
            length = 0;
            for (qsizetype i = 0; i < lengthBytes; ++i)
                length = (length << 8) | data[2 + i];
            if (lengthBytes == 8 && (length >> 63) != 0)
                return fail(
                    WsCloseCode::ProtocolError, QStringLiteral("frame length out of range"));
        }
        // The limit is checked on the declared length, so an oversized message is refused
        // before its bytes are buffered.
        const auto limit = static_cast<std::uint64_t>(m_maxMessageBytes);
        const auto soFar = static_cast<std::uint64_t>(control ? 0 : m_message.size());
        if (length > limit || soFar + length > limit)
            return fail(WsCloseCode::MessageTooBig, QStringLiteral("message too big"));
        const auto payloadLength = static_cast<qsizetype>(length);
        if (available < headerLength || available - headerLength < payloadLength)
            return std::nullopt;

        QByteArray payload(reinterpret_cast<const char*>(data + headerLength), payloadLength);
        if (masked) {
            const std::uint8_t* mask = data + 2 + lengthBytes;
            for (qsizetype i = 0; i < payloadLength; ++i)
                payload[i] = static_cast<char>(static_cast<std::uint8_t>(payload[i]) ^ mask[i % 4]);
        }
        m_readPos += headerLength + payloadLength;

        if (control) {
            WsMessage message;
            message.opcode = static_cast<WsOpcode>(opcode);
            if (message.opcode == WsOpcode::Close && !payload.isEmpty()) {
                if (payload.size() < 2)
                    return fail(WsCloseCode::ProtocolError, QStringLiteral("truncated close code"));
                message.closeCode
                    = static_cast<quint16>((static_cast<std::uint8_t>(payload[0]) << 8)
                        | static_cast<std::uint8_t>(payload[1]));
                if (!isValidCloseCode(message.closeCode))
                    return fail(WsCloseCode::ProtocolError, QStringLiteral("invalid close code"));
                message.closeReason = payload.sliced(2);
                if (!isValidUtf8(message.closeReason))
                    return fail(WsCloseCode::InvalidPayload,
                        QStringLiteral("close reason is not valid UTF-8"));
            }
            message.payload = std::move(payload);
            return message;
        }

        if (!m_inMessage) {
            m_messageOpcode = static_cast<WsOpcode>(opcode);
            m_message = std::move(payload);
        } else {
            m_message.append(payload);
        }
        if (!fin) {
            m_inMessage = true;
            continue;
        }
        m_inMessage = false;
        if (m_messageOpcode == WsOpcode::Text && !isValidUtf8(m_message))
            return fail(
                WsCloseCode::InvalidPayload, QStringLiteral("text message is not valid UTF-8"));
        WsMessage message;
        message.opcode = m_messageOpcode;
        message.payload = std::exchange(m_message, QByteArray());
        return message;
    }
}

} // namespace ls::node::rpc
