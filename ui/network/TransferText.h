#pragma once

#include "core/api/Transfers.h"

#include <QString>

// The words the status bar and the Network page's sharing table use for the swarm's figures.
namespace ls::ui::transfertext {

// "0 B/s", "12.5 KB/s", "3.2 MB/s"
QString rate(int bytesPerSecond);
// "↓ 1.2 MB/s  ↑ 40 KB/s"
QString rates(int downloadRate, int uploadRate);
QString state(api::TitleTransfer::State state);
QString ratio(double ratio); // "0.00", "1.25"

} // namespace ls::ui::transfertext
