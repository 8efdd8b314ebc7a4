#pragma once

#include <QImage>
#include <QList>
#include <QRectF>
#include <QWidget>

namespace ls::ui {

// One rendered page with a margin around it and the search matches drawn over it. Sized by its
// owner (PdfPageView), which renders the image; this only paints.
class PdfPageCanvas : public QWidget {
    Q_OBJECT

public:
    static constexpr int kMargin = 16;

    explicit PdfPageCanvas(QWidget* parent = nullptr);

    // `image` carries its device pixel ratio; `pixelsPerPoint` maps match rectangles (in page
    // points, origin top left) onto it.
    void setPage(QImage image, qreal pixelsPerPoint);
    void setMatches(QList<QList<QRectF>> matches, int current);
    const QImage& image() const { return m_image; }
    // Where a rectangle in page points is on this widget.
    QRectF toWidget(const QRectF& points) const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QImage m_image;
    qreal m_pixelsPerPoint = 1.0;
    QList<QList<QRectF>> m_matches;
    int m_current = -1;
};

} // namespace ls::ui
