#include "core/node/rpc/HttpRequest.h"

namespace ls::node::rpc {

namespace {

QByteArrayView trimmed(QByteArrayView view)
{
    while (!view.isEmpty() && (view.front() == ' ' || view.front() == '\t'))
        view = view.sliced(1);
    while (!view.isEmpty() && (view.back() == ' ' || view.back() == '\t'))
        view.chop(1);
    return view;
}

} // namespace

QByteArrayView HttpRequest::path() const
{
    const qsizetype query = target.indexOf('?');
    QByteArrayView view(target);
    return query < 0 ? view : view.first(query);
}

std::optional<QByteArray> HttpRequest::header(QByteArrayView lowerName) const
{
    for (const auto& [name, value] : headers) {
        if (name == lowerName)
            return value;
    }
    return std::nullopt;
}

bool HttpRequest::headerHasToken(QByteArrayView lowerName, QByteArrayView token) const
{
    for (const auto& [name, value] : headers) {
        if (name != lowerName)
            continue;
        QByteArrayView rest(value);
        while (!rest.isEmpty()) {
            const qsizetype comma = rest.indexOf(',');
            QByteArrayView item = trimmed(comma < 0 ? rest : rest.first(comma));
            if (item.compare(token, Qt::CaseInsensitive) == 0)
                return true;
            rest = comma < 0 ? QByteArrayView() : rest.sliced(comma + 1);
        }
    }
    return false;
}

bool HttpRequest::keepAlive() const
{
    if (headerHasToken("connection", "close"))
        return false;
    if (versionMinor >= 1)
        return true;
    return headerHasToken("connection", "keep-alive");
}

bool HttpRequest::wantsWebSocket() const
{
    return headerHasToken("upgrade", "websocket") && headerHasToken("connection", "upgrade");
}

} // namespace ls::node::rpc
