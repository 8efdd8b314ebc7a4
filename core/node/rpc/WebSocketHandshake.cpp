#include "core/node/rpc/WebSocketHandshake.h"

#include <QCryptographicHash>

namespace ls::node::rpc {

QByteArray WebSocketHandshake::acceptKey(QByteArrayView clientKey)
{
    QCryptographicHash hash(QCryptographicHash::Sha1);
    hash.addData(clientKey);
    hash.addData(QByteArrayView("258EAFA5-E914-47DA-95CA-C5AB0DC85B11"));
    return hash.result().toBase64();
}

std::expected<QByteArray, WebSocketHandshake::Refusal> WebSocketHandshake::validate(
    const HttpRequest& request)
{
    if (request.method != "GET" || request.versionMinor < 1)
        return std::unexpected(
            Refusal { 400, QStringLiteral("A WebSocket upgrade must be an HTTP/1.1 GET.") });
    if (!request.wantsWebSocket())
        return std::unexpected(
            Refusal { 400, QStringLiteral("Missing Upgrade: websocket or Connection: Upgrade.") });
    if (request.header("sec-websocket-version") != QByteArray("13"))
        return std::unexpected(
            Refusal { 426, QStringLiteral("Only WebSocket version 13 is supported.") });
    const auto key = request.header("sec-websocket-key");
    // The key is base64 of 16 random bytes: exactly 24 characters ending in "==".
    const auto decoded = key
        ? QByteArray::fromBase64Encoding(*key, QByteArray::AbortOnBase64DecodingErrors)
        : QByteArray::FromBase64Result {};
    if (!key || key->size() != 24 || !decoded || decoded.decoded.size() != 16)
        return std::unexpected(
            Refusal { 400, QStringLiteral("Sec-WebSocket-Key is missing or malformed.") });
    return acceptKey(*key);
}

QByteArray WebSocketHandshake::switchingProtocolsResponse(QByteArrayView acceptValue)
{
    QByteArray response("HTTP/1.1 101 Switching Protocols\r\n"
                        "Upgrade: websocket\r\n"
                        "Connection: Upgrade\r\n"
                        "Sec-WebSocket-Accept: ");
    response.append(acceptValue);
    response.append("\r\n\r\n");
    return response;
}

} // namespace ls::node::rpc
