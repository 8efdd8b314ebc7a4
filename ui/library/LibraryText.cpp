#include "ui/library/LibraryText.h"

#include <QCoreApplication>

namespace ls::ui::librarytext {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ls::ui::librarytext", text);
}

} // namespace

QString fetchStage(const api::FetchProgress& progress)
{
    switch (progress.stage) {
    case api::FetchStage::Checking:
        return tr("Checking your licence…");
    case api::FetchStage::Connecting:
        return tr("Looking for peers…");
    case api::FetchStage::Downloading:
        return progress.bytesTotal == 0
            ? tr("Downloading…")
            : tr("Downloading: %1%").arg(progress.bytesDone * 100 / progress.bytesTotal);
    case api::FetchStage::WaitingForKey:
        return tr("Asking for the title key…");
    case api::FetchStage::Done:
        return tr("On this computer");
    }
    return QString();
}

QString downloadState(const api::LibraryVersion& version)
{
    switch (version.download) {
    case api::DownloadState::None:
        return tr("Not downloaded");
    case api::DownloadState::Downloading:
        return version.size == 0
            ? tr("Partly downloaded")
            : tr("Partly downloaded: %1%").arg(version.bytesVerified * 100 / version.size);
    case api::DownloadState::Complete:
        return tr("On this computer");
    case api::DownloadState::Removed:
        return tr("Local copy removed");
    }
    return QString();
}

} // namespace ls::ui::librarytext
