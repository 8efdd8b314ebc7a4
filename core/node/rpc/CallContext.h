#pragma once

#include <QHostAddress>
#include <QtGlobal>

namespace ls::node::rpc {

enum class RpcTransport { Http, WebSocket };

// Who is calling, handed to every method and subscription handler. `connectionId` is unique for
// the server's lifetime; subscriptions belong to it and die with it.
struct CallContext {
    RpcTransport transport = RpcTransport::Http;
    QHostAddress peer;
    quint64 connectionId = 0;
};

} // namespace ls::node::rpc
