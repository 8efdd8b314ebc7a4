#pragma once

#include "core/util/Bytes.h"

#include <QImage>
#include <QPixmap>
#include <QSize>
#include <QString>

namespace ls::ui {

// A title's cover scaled to fit `size`; a title without one (or whose image does not decode)
// gets a plain card with its name (its initials on a card under 96 px, such as a list icon), so
// Discover's grid and the Library never show holes.
QPixmap coverArt(const Bytes& image, const QString& title, QSize size);
// The same as an image, which any thread may draw (decoding a cover takes milliseconds: a long
// list draws its icons on a worker).
QImage coverImage(const Bytes& image, const QString& title, QSize size);

} // namespace ls::ui
