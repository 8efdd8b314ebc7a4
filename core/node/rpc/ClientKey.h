#pragma once

#include <QByteArray>
#include <QHostAddress>

namespace ls::node::rpc {

// The key per-client limits are counted under. IPv4 (and IPv4-mapped IPv6) addresses count
// individually; IPv6 clients by their /64, because one subscriber line usually owns a whole /64
// and could otherwise dodge per-address limits.
QByteArray clientKey(const QHostAddress& address);

} // namespace ls::node::rpc
