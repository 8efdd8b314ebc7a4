#include "core/node/rpc/WebSocketFrameEncoder.h"

namespace ls::node::rpc {

QByteArray WebSocketFrameEncoder::frame(
    WsOpcode opcode, QByteArrayView payload, bool fin, std::optional<Mask> mask)
{
    QByteArray out;
    const qsizetype length = payload.size();
    out.reserve(length + 14);
    out.append(static_cast<char>((fin ? 0x80 : 0x00) | static_cast<quint8>(opcode)));
    const char maskBit = mask ? static_cast<char>(0x80) : static_cast<char>(0x00);
    if (length <= 125) {
        out.append(static_cast<char>(maskBit | static_cast<char>(length)));
    } else if (length <= 0xFFFF) {
        out.append(static_cast<char>(maskBit | 126));
        out.append(static_cast<char>((length >> 8) & 0xFF));
        out.append(static_cast<char>(length & 0xFF));
    } else {
        out.append(static_cast<char>(maskBit | 127));
        const auto wide = static_cast<quint64>(length);
        for (int shift = 56; shift >= 0; shift -= 8)
            out.append(static_cast<char>((wide >> shift) & 0xFF));
    }
    if (!mask) {
        out.append(payload);
        return out;
    }
    for (quint8 byte : *mask)
        out.append(static_cast<char>(byte));
    for (qsizetype i = 0; i < length; ++i) {
        const auto masked = static_cast<quint8>(
            static_cast<quint8>(payload[i]) ^ (*mask)[static_cast<std::size_t>(i % 4)]);
        out.append(static_cast<char>(masked));
    }
    return out;
}

QByteArray WebSocketFrameEncoder::close(
    quint16 code, QByteArrayView reason, std::optional<Mask> mask)
{
    // 125 bytes of control payload minus the two-byte code.
    qsizetype keep = qMin<qsizetype>(reason.size(), 123);
    // Back up over UTF-8 continuation bytes so a cut never leaves half a character.
    if (keep < reason.size()) {
        while (keep > 0 && (static_cast<quint8>(reason[keep]) & 0xC0) == 0x80)
            --keep;
    }
    QByteArray payload;
    payload.append(static_cast<char>(code >> 8));
    payload.append(static_cast<char>(code & 0xFF));
    payload.append(reason.first(keep));
    return frame(WsOpcode::Close, payload, true, mask);
}

} // namespace ls::node::rpc
