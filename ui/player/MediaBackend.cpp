#include "ui/player/MediaBackend.h"

#include <QByteArray>
#include <QtGlobal>

namespace ls::ui {

void preferFfmpegMediaBackend()
{
    if (qEnvironmentVariableIsEmpty("QT_MEDIA_BACKEND"))
        qputenv("QT_MEDIA_BACKEND", QByteArrayLiteral("ffmpeg"));
}

} // namespace ls::ui
