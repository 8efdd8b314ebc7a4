#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <utility>
#include <vector>

namespace ls::node::rpc {

// A response to serialise. Every response carries "Access-Control-Allow-Origin: *" so browser
// dapps can call the node, an explicit Content-Length, and a Connection header.
struct HttpResponse {
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    std::vector<std::pair<QByteArray, QByteArray>> headers; // extra, sent as given

    QByteArray serialize(bool keepAlive) const;
    static QByteArrayView reasonPhrase(int status);
};

} // namespace ls::node::rpc
