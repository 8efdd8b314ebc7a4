// libFuzzer target: arbitrary bytes as a server's eth_getLogs answer to the light client's
// history scan (core/light/CatalogEvents decodeLogs), and each decoded log read as a Catalog
// event and as a native Transfer log (core/protocol/NativeTransfer). Whatever a server sends must
// give candidates or an error, never a crash; and what decodes must be exactly what was sent.
#include "core/codec/Hex.h"
#include "core/light/CatalogEvents.h"
#include "core/light/RpcDecoders.h"
#include "core/protocol/NativeTransfer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

using namespace ls;

namespace {

void decode(const QJsonValue& value)
{
    auto logs = light::catalogevents::decodeLogs(value);
    if (!logs)
        return;
    const QJsonArray sent = value.toArray();
    if (static_cast<qsizetype>(logs->size()) != sent.size())
        std::abort();
    for (std::size_t i = 0; i < logs->size(); ++i) {
        const auto& candidate = (*logs)[i];
        const QJsonObject entry = sent.at(static_cast<qsizetype>(i)).toObject();
        auto data = codec::fromHex(entry.value(QStringLiteral("data")).toString().toStdString());
        if (!data || *data != candidate.log.data || candidate.log.topics.size() > 4)
            std::abort();
        (void)light::catalogevents::purchase(candidate.log);
        (void)light::catalogevents::publication(candidate.log);
        // A Transfer log is read only in its one exact layout: it must encode back to itself.
        if (auto moved = protocol::nativetransfer::decode(candidate.log);
            moved && protocol::nativetransfer::encode(*moved) != candidate.log)
            std::abort();
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArrayView bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));
    if (auto response = light::parseRpcResponse(bytes, 1))
        decode(*response);
    // The bare value too, so the fuzzer reaches the decoder without an envelope.
    const QJsonDocument document = QJsonDocument::fromJson(QByteArray(bytes.data(), bytes.size()));
    if (document.isArray())
        decode(document.array());
    return 0;
}
