#include "ui/reader/ReaderPosition.h"

#include <QList>

namespace ls::ui {
namespace {

constexpr qreal kMinimumZoom = 0.1;
constexpr qreal kMaximumZoom = 10.0;

} // namespace

QString ReaderPosition::toString() const
{
    QString zoom;
    switch (zoomMode) {
    case ZoomMode::FitWidth:
        zoom = QStringLiteral("fit-width");
        break;
    case ZoomMode::FitPage:
        zoom = QStringLiteral("fit-page");
        break;
    case ZoomMode::Custom:
        zoom = QString::number(zoomFactor, 'g', 4);
        break;
    }
    return QStringLiteral("page=%1;zoom=%2").arg(page).arg(zoom);
}

std::optional<ReaderPosition> ReaderPosition::fromString(QStringView text)
{
    const auto fields = text.split(u';');
    if (fields.size() != 2 || !fields[0].startsWith(u"page=") || !fields[1].startsWith(u"zoom="))
        return std::nullopt;
    ReaderPosition position;
    bool ok = false;
    position.page = fields[0].mid(5).toInt(&ok);
    if (!ok || position.page < 0)
        return std::nullopt;
    const QStringView zoom = fields[1].mid(5);
    if (zoom == u"fit-width") {
        position.zoomMode = ZoomMode::FitWidth;
    } else if (zoom == u"fit-page") {
        position.zoomMode = ZoomMode::FitPage;
    } else {
        position.zoomMode = ZoomMode::Custom;
        position.zoomFactor = zoom.toDouble(&ok);
        if (!ok || position.zoomFactor < kMinimumZoom || position.zoomFactor > kMaximumZoom)
            return std::nullopt;
    }
    return position;
}

} // namespace ls::ui
