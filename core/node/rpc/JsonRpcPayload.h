#pragma once

#include "core/node/rpc/JsonRpcRequest.h"
#include "core/node/rpc/RpcError.h"

#include <QByteArrayView>

#include <expected>
#include <vector>

namespace ls::node::rpc {

// The body of an HTTP POST or one WebSocket message: a single request or a batch array. Each
// element is validated on its own so one bad element does not spoil the batch.
struct JsonRpcPayload {
    using Element = std::expected<JsonRpcRequest, JsonRpcRequestError>;

    bool isBatch = false;
    std::vector<Element> elements; // one for a single request

    // Errors for the payload as a whole, answered with one error object under id null:
    // -32700 for text that is not JSON, -32600 for a JSON scalar, an empty batch or a batch
    // longer than `maxBatchSize`.
    static std::expected<JsonRpcPayload, RpcError> parse(QByteArrayView bytes, int maxBatchSize);
};

} // namespace ls::node::rpc
