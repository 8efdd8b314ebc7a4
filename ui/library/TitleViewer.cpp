#include "ui/library/TitleViewer.h"

#include "ui/library/VersionContentDevice.h"
#include "ui/player/MediaPlayerView.h"
#include "ui/reader/PdfReader.h"

#include <QMimeDatabase>
#include <QObject>

namespace ls::ui {

QWidget* openTitleViewer(std::unique_ptr<api::VersionContent> content, const QString& title,
    std::uint32_t version, QString* error)
{
    const QString mediaType = QString::fromStdString(content->mediaType());
    const QString windowTitle
        = version > 1 ? QObject::tr("%1 (version %2)").arg(title).arg(version) : title;
    const bool pdf = mediaType == QStringLiteral("application/pdf");
    const bool media = mediaType.startsWith(QStringLiteral("audio/"))
        || mediaType.startsWith(QStringLiteral("video/"));
    if (!pdf && !media) {
        *error = QObject::tr("This app cannot show %1 files yet.").arg(mediaType);
        return nullptr;
    }
    auto* device = new VersionContentDevice(std::move(content));
    if (!device->open(QIODevice::ReadOnly)) {
        *error = device->errorString();
        delete device;
        return nullptr;
    }
    QWidget* viewer = nullptr;
    if (pdf) {
        auto* reader = new PdfReader;
        device->setParent(reader); // lives exactly as long as the reader that reads it
        reader->open(device, windowTitle);
        viewer = reader;
    } else {
        auto* player = new MediaPlayerView;
        device->setParent(player);
        // The suffix tells the media backend the format before it reads a byte.
        const QString suffix = QMimeDatabase().mimeTypeForName(mediaType).preferredSuffix();
        player->open(device, windowTitle,
            QStringLiteral("title.") + (suffix.isEmpty() ? QStringLiteral("bin") : suffix));
        viewer = player;
    }
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    viewer->setWindowTitle(windowTitle);
    viewer->resize(900, 760);
    viewer->show();
    return viewer;
}

} // namespace ls::ui
