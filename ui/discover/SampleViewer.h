#pragma once

#include "core/api/Catalog.h"

#include <QString>

class QWidget;

namespace ls::ui {

// Opens a title's free sample (public plaintext the catalog holds) in the window Library opens
// titles in: the reader for a PDF, the player for audio and video (ui/library/TitleViewer). A
// window of its own, deleted when closed. Returns nullptr and sets `error` when the sample is of
// a kind this app cannot show.
QWidget* openSampleViewer(api::CatalogSample sample, const QString& title, QString* error);

} // namespace ls::ui
