#pragma once

#include <QtGlobal>

namespace ls::node::rpc {

// Every bound the RPC server enforces. The defaults suit a public node behind no proxy; tests
// shrink them. A rate of 0 turns the rate limiter off; an interval of 0 turns pings off.
struct RpcLimits {
    // HTTP
    qsizetype maxHeaderBytes = 16 * 1024; // request line + headers → 431 beyond this
    qsizetype maxBodyBytes = 1024 * 1024; // Content-Length → 413 beyond this
    int headerTimeoutMs = 10'000; // first byte (or accept) → end of headers
    int requestTimeoutMs = 30'000; // first byte → end of body; also per WebSocket message
    int idleTimeoutMs = 120'000; // keep-alive connection with nothing pending

    // JSON-RPC
    int maxBatchSize = 100; // elements in one batch array

    // Connections
    int maxConnections = 512; // HTTP and WebSocket together
    int maxConnectionsPerIp = 64; // IPv6 clients are grouped by /64

    // Per-IP token bucket; each batch element takes one token.
    int rateLimitPerSecond = 500;
    int rateLimitBurst = 1000;

    // WebSocket
    qsizetype maxWebSocketMessageBytes = 1024 * 1024; // reassembled message → close 1009
    qsizetype maxPendingOutboundBytes = 16 * 1024 * 1024; // unread replies/notifications → drop
    int maxSubscriptionsPerConnection = 256;
    int webSocketPingIntervalMs = 30'000; // a peer silent for two intervals is dropped
};

} // namespace ls::node::rpc
