// libFuzzer target: arbitrary bytes as a server's answer to the light client (docs/protocol.md
// §8) — the JSON-RPC envelope and every typed result decoder of core/light/RpcDecoders. Whatever
// a server sends must give a value or an error, never a crash; and what decodes must be exactly
// what was sent (the canonical encodings, byte for byte).
#include "core/codec/Hex.h"
#include "core/light/RpcDecoders.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace ls;

namespace {

Bytes hexField(const QJsonValue& value, const char* name)
{
    auto bytes
        = codec::fromHex(value.toObject().value(QLatin1String(name)).toString().toStdString());
    if (!bytes)
        std::abort(); // the decoder accepted a field that is not hex
    return *bytes;
}

void decodeAll(const QJsonValue& value)
{
    if (auto block = light::decodeLightBlock(value)) {
        if (block->header.encode() != hexField(value, "header")
            || block->commit.encode() != hexField(value, "commit")
            || block->validators.encode() != hexField(value, "validators"))
            std::abort();
    }
    (void)light::decodeGenesis(value);
    if (auto proof = light::decodeStateProof(value, 7)) {
        if (proof->height != 7 || proof->proof.encode() != hexField(value, "proof"))
            std::abort();
    }
    if (auto receipt = light::decodeReceiptProof(value); receipt && *receipt) {
        const auto& info = **receipt;
        if (info.receipt.encode() != info.receiptEncoding || info.proof.index != info.index)
            std::abort();
    }
    (void)light::decodeTransaction(value);
    (void)light::decodeChainId(value);
    static const Bytes raw { 0x02, 0xc0 };
    (void)light::decodeSubmittedHash(value, raw);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    auto response = light::parseRpcResponse(bytes, 1);
    if (response) {
        decodeAll(*response);
    } else if (response.error().kind != light::RpcError::Kind::Server
        && response.error().kind != light::RpcError::Kind::Malformed) {
        std::abort();
    }
    // The bare value too, so the fuzzer reaches the result decoders without an envelope.
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(bytes.data(), bytes.size()));
    if (document.isObject())
        decodeAll(document.object());
    return 0;
}
