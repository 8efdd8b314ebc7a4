#pragma once

#include "core/node/rpc/CallContext.h"
#include "core/node/rpc/RpcError.h"

#include <QJsonValue>

#include <expected>
#include <functional>
#include <span>
#include <vector>

namespace ls::node::rpc {

// A method: params (array, object, or Undefined when absent) in, result or error out. Runs on
// the RPC server's thread; a slow handler delays every connection, so long work belongs
// elsewhere.
using RpcHandler = std::function<std::expected<QJsonValue, RpcError>(
    const QJsonValue& params, const CallContext&)>;

// A second way into a method, for a run of consecutive calls of it inside one JSON-RPC batch:
// gets every call's params in order and returns one reply per call, in the same order. For work
// that is cheaper together than one at a time (eth_sendRawTransaction checks the signatures of a
// whole batch on all cores); the replies must be what the single handler would have given.
using RpcBatchHandler = std::function<std::vector<std::expected<QJsonValue, RpcError>>(
    std::span<const QJsonValue> params, const CallContext&)>;

// A subscription kind for eth_subscribe. Receives the arguments after the kind (eth_subscribe
// ["logs", {…}] → the {…}; Undefined when there are none), validates them and returns the filter
// to keep with the subscription, or an error that refuses it.
using SubscribeHandler = std::function<std::expected<QJsonValue, RpcError>(
    const QJsonValue& arguments, const CallContext&)>;

// Given a subscription's filter, whether a published payload goes to it. Runs on the server's
// thread, so it must not touch the publisher's state by reference.
using SubscriptionPredicate = std::function<bool(const QJsonValue& filter)>;

} // namespace ls::node::rpc
