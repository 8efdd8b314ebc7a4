#include "core/localnet/EndpointProbe.h"

#include <QTcpSocket>
#include <QUrl>

namespace ls::localnet {

bool endpointAnswers(const std::string& url, std::chrono::milliseconds timeout)
{
    const QUrl endpoint(QString::fromStdString(url));
    if (!endpoint.isValid() || endpoint.port() <= 0)
        return false;
    QTcpSocket socket;
    socket.connectToHost(endpoint.host(), static_cast<quint16>(endpoint.port()));
    return socket.waitForConnected(static_cast<int>(timeout.count()));
}

} // namespace ls::localnet
