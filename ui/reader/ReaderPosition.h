#pragma once

#include <QString>
#include <QStringView>

#include <optional>

namespace ls::ui {

// How the reader sizes a page: a chosen factor (1.0 = the page's printed size on screen), or to
// fill the width or the whole of the view.
enum class ZoomMode { Custom, FitWidth, FitPage };

// Where the reader is in a PDF: the page (from 0) and the zoom. The library stores it as the
// opaque text toString() makes ("page=4;zoom=fit-width", "page=4;zoom=1.5") and gives it back
// through fromString() when the title opens again.
struct ReaderPosition {
    int page = 0;
    ZoomMode zoomMode = ZoomMode::FitWidth;
    qreal zoomFactor = 1.0; // used when zoomMode is Custom

    QString toString() const;
    // nullopt for text this reader did not write (another reader's locator, a damaged row).
    static std::optional<ReaderPosition> fromString(QStringView text);

    friend bool operator==(const ReaderPosition&, const ReaderPosition&) = default;
};

} // namespace ls::ui
