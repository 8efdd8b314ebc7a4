#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>

namespace ls::node::rpc {

// RFC 6455 §5.2 opcodes.
enum class WsOpcode : quint8 {
    Continuation = 0x0,
    Text = 0x1,
    Binary = 0x2,
    Close = 0x8,
    Ping = 0x9,
    Pong = 0xA,
};

// RFC 6455 §7.4.1 status codes the server sends or must recognise.
namespace WsCloseCode {
inline constexpr quint16 Normal = 1000;
inline constexpr quint16 GoingAway = 1001;
inline constexpr quint16 ProtocolError = 1002;
inline constexpr quint16 UnsupportedData = 1003;
inline constexpr quint16 NoStatus = 1005; // never on the wire: a close frame without a code
inline constexpr quint16 InvalidPayload = 1007;
inline constexpr quint16 PolicyViolation = 1008;
inline constexpr quint16 MessageTooBig = 1009;
inline constexpr quint16 InternalError = 1011;
} // namespace WsCloseCode

// A complete message as the decoder hands it out: a reassembled text/binary message, or one
// control frame. For Close, `closeCode` is the peer's code (NoStatus when it sent none).
struct WsMessage {
    WsOpcode opcode = WsOpcode::Text;
    QByteArray payload;
    quint16 closeCode = WsCloseCode::NoStatus;
    QByteArray closeReason;
};

// Why decoding stopped; the connection answers with a close frame carrying `closeCode`.
struct WsDecodeError {
    quint16 closeCode = WsCloseCode::ProtocolError;
    QString message;
};

} // namespace ls::node::rpc
