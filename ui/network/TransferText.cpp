#include "ui/network/TransferText.h"

#include <QCoreApplication>

namespace ls::ui::transfertext {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ls::ui::transfertext", text);
}

} // namespace

QString rate(int bytesPerSecond)
{
    const double value = bytesPerSecond;
    if (bytesPerSecond < 1000)
        return tr("%1 B/s").arg(bytesPerSecond);
    if (bytesPerSecond < 1'000'000)
        return tr("%1 KB/s").arg(value / 1e3, 0, 'f', 1);
    return tr("%1 MB/s").arg(value / 1e6, 0, 'f', 1);
}

QString rates(int downloadRate, int uploadRate)
{
    return tr("↓ %1  ↑ %2").arg(rate(downloadRate), rate(uploadRate));
}

QString state(api::TitleTransfer::State state)
{
    using State = api::TitleTransfer::State;
    switch (state) {
    case State::Checking:
        return tr("Checking");
    case State::Downloading:
        return tr("Downloading");
    case State::Seeding:
        return tr("Seeding");
    case State::Paused:
        return tr("Paused");
    case State::Failed:
        return tr("Failed");
    }
    return QString();
}

QString ratio(double ratio)
{
    return QString::number(ratio, 'f', 2);
}

} // namespace ls::ui::transfertext
