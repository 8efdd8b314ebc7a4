// libFuzzer target: arbitrary bytes, in arbitrary pieces, as WebSocket frames
// (WebSocketFrameDecoder); every message that decodes must survive an encode/decode round trip.
#include "core/node/rpc/Utf8.h"
#include "core/node/rpc/WebSocketFrameDecoder.h"
#include "core/node/rpc/WebSocketFrameEncoder.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

constexpr qsizetype kMaxMessage = 64 * 1024;

void roundTrip(const ls::node::rpc::WsMessage& message, bool requireMask)
{
    using namespace ls::node::rpc;
    if (message.opcode == WsOpcode::Continuation)
        std::abort(); // the decoder reassembles; continuations never come out
    if (message.opcode == WsOpcode::Text && !isValidUtf8(message.payload))
        std::abort();
    const auto mask
        = requireMask ? std::optional(WebSocketFrameEncoder::Mask { 9, 8, 7, 6 }) : std::nullopt;
    WebSocketFrameDecoder again(kMaxMessage, requireMask);
    again.feed(WebSocketFrameEncoder::frame(message.opcode, message.payload, true, mask));
    auto decoded = again.next();
    if (!decoded || !*decoded)
        std::abort();
    const WsMessage& copy = **decoded;
    if (copy.opcode != message.opcode || copy.payload != message.payload
        || copy.closeCode != message.closeCode || copy.closeReason != message.closeReason)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ls::node::rpc;
    if (size == 0)
        return 0;
    // First byte: bit 7 picks server (masked frames required) or client side, the rest the
    // piece size.
    const bool requireMask = (data[0] & 0x80) == 0;
    const std::size_t piece = (data[0] & 0x7F) + 1;
    ++data;
    --size;

    WebSocketFrameDecoder decoder(kMaxMessage, requireMask);
    for (std::size_t offset = 0; offset < size; offset += piece) {
        const std::size_t length = std::min(piece, size - offset);
        decoder.feed(QByteArrayView(
            reinterpret_cast<const char*>(data + offset), static_cast<qsizetype>(length)));
        while (true) {
            auto next = decoder.next();
            if (!next) {
                const quint16 code = next.error().closeCode;
                if (code != WsCloseCode::ProtocolError && code != WsCloseCode::InvalidPayload
                    && code != WsCloseCode::MessageTooBig)
                    std::abort();
                if (decoder.next() || !decoder.failed())
                    std::abort(); // errors are sticky
                return 0;
            }
            if (!*next)
                break;
            roundTrip(**next, requireMask);
        }
        if (decoder.bufferedBytes() > kMaxMessage + 2 * 1024)
            std::abort(); // nothing is buffered beyond one message and a frame header
    }
    return 0;
}
