#pragma once

#include "core/api/Library.h"

#include <QString>

#include <memory>

class QWidget;

namespace ls::ui {

// The window a title opens in: the reader for PDF, the player for audio and video, either
// reading the version's plaintext through a VersionContentDevice it owns. A window of its own,
// deleted when closed. Returns nullptr and sets `error` for a kind of title this app cannot
// show.
QWidget* openTitleViewer(std::unique_ptr<api::VersionContent> content, const QString& title,
    std::uint32_t version, QString* error);

} // namespace ls::ui
