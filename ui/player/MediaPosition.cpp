#include "ui/player/MediaPosition.h"

namespace ls::ui {

QString MediaPosition::toString() const
{
    return QStringLiteral("ms=%1").arg(milliseconds);
}

std::optional<MediaPosition> MediaPosition::fromString(QStringView text)
{
    if (!text.startsWith(u"ms="))
        return std::nullopt;
    bool ok = false;
    const qint64 milliseconds = text.mid(3).toLongLong(&ok);
    if (!ok || milliseconds < 0)
        return std::nullopt;
    return MediaPosition { milliseconds };
}

} // namespace ls::ui
