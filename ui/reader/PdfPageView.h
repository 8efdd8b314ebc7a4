#pragma once

#include "ui/reader/ReaderPosition.h"

#include <QList>
#include <QRectF>
#include <QScrollArea>
#include <QSize>

class QPdfDocument;

namespace ls::ui {

class PdfPageCanvas;

// Shows one page of a PDF at a time, rendered at the zoom asked for (a factor, or fitted to the
// width or the whole view), optionally as light text on dark paper, with search matches drawn
// over it. Pages are rendered here rather than by QPdfView: Qt 6.4's view can neither draw
// search matches nor change the colours of a page.
//
// Keys: Page Down / Space scroll down and then turn the page; Page Up / Backspace likewise
// backwards; Left / Right turn pages when the page fits the width; Ctrl+wheel zooms. The view
// asks its owner to turn pages (nextPageRequested, …), which decides what the next page is.
class PdfPageView : public QScrollArea {
    Q_OBJECT

public:
    static constexpr qreal kMinimumZoom = 0.25;
    static constexpr qreal kMaximumZoom = 4.0;

    explicit PdfPageView(QWidget* parent = nullptr);

    void setDocument(QPdfDocument* document); // nullptr: shows nothing
    void setPage(int page); // from 0, at its top
    int page() const { return m_page; }
    void setZoom(ZoomMode mode, qreal factor = 1.0);
    ZoomMode zoomMode() const { return m_zoomMode; }
    qreal zoomFactor() const { return m_zoomFactor; } // the Custom factor
    qreal effectiveZoom() const { return m_effectiveZoom; } // what is shown now, fitted or not
    void setDarkPages(bool dark);
    bool darkPages() const { return m_dark; }
    // Matches on the current page (each in rectangles in page points); `current` is drawn
    // stronger, and scrolled to when `reveal`.
    void setMatches(QList<QList<QRectF>> matches, int current, bool reveal);
    // The page as shown, for tests and thumbnails.
    QImage renderedPage() const;

Q_SIGNALS:
    void nextPageRequested();
    void previousPageRequested();
    void zoomStepRequested(int steps); // Ctrl+wheel: +1 in, -1 out
    void effectiveZoomChanged(qreal zoom);

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    void render();
    qreal fittedZoom(QSizeF pagePoints) const;
    qreal pointsToPixels() const;
    void updateBackground();

    QPdfDocument* m_document = nullptr;
    PdfPageCanvas* m_canvas = nullptr;
    int m_page = 0;
    ZoomMode m_zoomMode = ZoomMode::FitWidth;
    qreal m_zoomFactor = 1.0;
    qreal m_effectiveZoom = 1.0;
    bool m_dark = false;
    int m_wheelAtEdge = 0; // wheel steps pushed against the top or bottom of the page
    // What the canvas shows, so a resize that changes nothing renders nothing.
    struct Rendered {
        int page = -1;
        QSize pixels;
        bool dark = false;
        friend bool operator==(const Rendered&, const Rendered&) = default;
    } m_rendered;
};

} // namespace ls::ui
