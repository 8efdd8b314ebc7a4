#include "ui/library/TitleViewer.h"

#include "ui/library/VersionContentDevice.h"
#include "ui/player/MediaPlayerView.h"
#include "ui/reader/PdfReader.h"

#include <QAbstractButton>
#include <QMessageBox>
#include <QMimeDatabase>
#include <QObject>
#include <QTimer>

namespace ls::ui {
namespace {

// A read waiting this long for the swarm shows the buffering indicator; checked this often.
constexpr std::chrono::milliseconds kStallShownAfter { 300 };
constexpr std::chrono::milliseconds kStallPollInterval { 200 };

// A version still downloading: the window shows at once, and the player gets the stream once
// what opening reads has arrived. Closing the window cancels the stream first, so neither the
// warm-up nor the player's demuxer thread keeps it waiting for data.
void openWhenWarm(MediaPlayerView* player, VersionContentDevice* device, const QString& title,
    const QString& fileName)
{
    device->cancelWhenClosed(player);
    player->setWindowTitle(QObject::tr("%1 (buffering)").arg(title));
    player->setWaitingForData(true);
    // The buffering indicator follows the reads: one that has waited a moment for the swarm
    // shows it, until the data is here. Polled, as reads come too often to signal each one.
    auto* watch = new QTimer(player);
    QObject::connect(watch, &QTimer::timeout, player,
        [player, device] { player->setWaitingForData(device->isWaiting(kStallShownAfter)); });
    QObject::connect(device, &VersionContentDevice::warmedUp, player,
        [player, device, watch, title, fileName](const QString& error) {
            if (!player->isVisible())
                return; // closed meanwhile: the warm-up ended because it was cancelled
            player->setWaitingForData(false);
            if (error.isEmpty()) {
                player->open(device, title, fileName); // names the window again
                watch->start(kStallPollInterval);
                return;
            }
            // Nothing arrived in time (no peer has those pieces now): try again, or give up.
            player->setWindowTitle(title);
            auto* box = new QMessageBox(QMessageBox::Warning, title,
                QObject::tr("The title cannot play yet: %1").arg(error),
                QMessageBox::Retry | QMessageBox::Close, player);
            box->setAttribute(Qt::WA_DeleteOnClose);
            QObject::connect(box, &QMessageBox::buttonClicked, player,
                [box, player, device, title](QAbstractButton* button) {
                    if (box->standardButton(button) != QMessageBox::Retry) {
                        player->close();
                        return;
                    }
                    player->setWindowTitle(QObject::tr("%1 (buffering)").arg(title));
                    player->setWaitingForData(true);
                    device->warmUp();
                });
            box->open();
        });
    device->warmUp(); // what the backend reads while it opens, on the GUI thread
}

} // namespace

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
    if (pdf && content->mayBlock()) {
        *error = QObject::tr("This book opens once its download is complete.");
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
        const QString fileName
            = QStringLiteral("title.") + (suffix.isEmpty() ? QStringLiteral("bin") : suffix);
        if (device->mayBlock())
            openWhenWarm(player, device, windowTitle, fileName);
        else
            player->open(device, windowTitle, fileName);
        viewer = player;
    }
    viewer->setAttribute(Qt::WA_DeleteOnClose);
    if (!device->mayBlock()) // else "(buffering)" until the player opens
        viewer->setWindowTitle(windowTitle);
    viewer->resize(900, 760);
    viewer->show();
    return viewer;
}

} // namespace ls::ui
