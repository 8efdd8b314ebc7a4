#pragma once

#include "core/node/rpc/CallContext.h"
#include "core/node/rpc/JsonRpcRequest.h"
#include "core/node/rpc/RpcHandler.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QJsonArray>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>
#include <span>

namespace ls::node::rpc {

// The transport-independent half of the server: method registry plus the JSON-RPC rules for
// singles, batches and notifications. No sockets, so it can be fuzzed and tested directly.
class JsonRpcDispatcher {
public:
    // Asked once per batch element (once for a payload that does not parse); false refuses the
    // element with -32005.
    using Admission = std::function<bool()>;

    struct Outcome {
        // The JSON text to send; nullopt when only notifications arrived.
        std::optional<QByteArray> response;
        // Every element was refused by admission (HTTP answers 429).
        bool rateLimited = false;
    };

    explicit JsonRpcDispatcher(int maxBatchSize = 100);

    void setMaxBatchSize(int maxBatchSize) { m_maxBatchSize = maxBatchSize; }
    // Registers or replaces a method.
    void registerMethod(const QString& name, RpcHandler handler);
    // Adds a batch handler to a registered method: inside a batch, two or more consecutive calls
    // of it (all valid and admitted) go to `handler` in one piece; everything else goes to the
    // method's own handler. Responses keep the order of the requests either way.
    void registerBatchHandler(const QString& name, RpcBatchHandler handler);
    bool hasMethod(const QString& name) const { return m_methods.contains(name); }
    QStringList methods() const { return m_methods.keys(); }

    Outcome dispatch(
        QByteArrayView payload, const CallContext& context, const Admission& admit = {}) const;

    // Runs one validated request; nullopt for a notification.
    std::optional<QJsonValue> call(const JsonRpcRequest& request, const CallContext& context) const;

private:
    using Reply = std::expected<QJsonValue, RpcError>;
    // Runs consecutive calls of one method through its batch handler, appending their responses.
    void callRun(std::span<const JsonRpcRequest* const> run, const RpcBatchHandler& handler,
        const CallContext& context, QJsonArray& responses) const;
    static std::optional<QJsonValue> respond(const JsonRpcRequest& request, const Reply& outcome);

    QHash<QString, RpcHandler> m_methods;
    QHash<QString, RpcBatchHandler> m_batchHandlers;
    int m_maxBatchSize;
};

} // namespace ls::node::rpc
