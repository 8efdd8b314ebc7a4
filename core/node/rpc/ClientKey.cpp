#include "core/node/rpc/ClientKey.h"

#include <QtEndian>

namespace ls::node::rpc {

QByteArray clientKey(const QHostAddress& address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4) {
        QByteArray key(4, '\0');
        qToBigEndian(v4, key.data());
        return key;
    }
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    return QByteArray(reinterpret_cast<const char*>(v6.c), 8);
}

} // namespace ls::node::rpc
