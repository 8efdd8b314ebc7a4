// libFuzzer target: arbitrary bytes as a JSON-RPC payload (JsonRpcPayload::parse) and through
// the dispatcher, which must always answer with JSON text or, for notifications, nothing.
#include "core/node/rpc/JsonRpcDispatcher.h"
#include "core/node/rpc/JsonRpcPayload.h"

#include <QJsonDocument>

#include <cstddef>
#include <cstdint>
#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ls::node::rpc;
    const QByteArrayView bytes(reinterpret_cast<const char*>(data), static_cast<qsizetype>(size));

    auto payload = JsonRpcPayload::parse(bytes, 100);
    if (payload && (payload->elements.empty() || payload->elements.size() > 100))
        std::abort();

    static const JsonRpcDispatcher dispatcher = [] {
        JsonRpcDispatcher d(100);
        d.registerMethod(QStringLiteral("echo"), [](const QJsonValue& params, const CallContext&) {
            return std::expected<QJsonValue, RpcError>(params);
        });
        d.registerMethod(QStringLiteral("fail"),
            [](const QJsonValue& params,
                const CallContext&) -> std::expected<QJsonValue, RpcError> {
                return std::unexpected(RpcError { 3, QStringLiteral("reverted"), params });
            });
        return d;
    }();
    // Admit every other element so the rate-limited paths are fuzzed too.
    int calls = 0;
    const auto outcome
        = dispatcher.dispatch(bytes, CallContext {}, [&calls] { return ++calls % 2 == 1; });
    if (outcome.response) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(*outcome.response, &error);
        if (error.error != QJsonParseError::NoError || document.isNull())
            std::abort();
    }
    return 0;
}
