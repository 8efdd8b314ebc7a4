#include "ui/reader/PdfPageCanvas.h"

#include <QPainter>

namespace ls::ui {
namespace {

const QColor kMatch(255, 200, 0, 90);
const QColor kCurrentMatch(255, 120, 0, 150);
const QColor kPageEdge(0, 0, 0, 60);

} // namespace

PdfPageCanvas::PdfPageCanvas(QWidget* parent)
    : QWidget(parent)
{
    setAttribute(Qt::WA_OpaquePaintEvent, false);
}

void PdfPageCanvas::setPage(QImage image, qreal pixelsPerPoint)
{
    m_image = std::move(image);
    m_pixelsPerPoint = pixelsPerPoint;
    const QSizeF logical = m_image.deviceIndependentSize();
    setFixedSize(qCeil(logical.width()) + 2 * kMargin, qCeil(logical.height()) + 2 * kMargin);
    update();
}

void PdfPageCanvas::setMatches(QList<QList<QRectF>> matches, int current)
{
    m_matches = std::move(matches);
    m_current = current;
    update();
}

QRectF PdfPageCanvas::toWidget(const QRectF& points) const
{
    return QRectF(points.topLeft() * m_pixelsPerPoint, points.size() * m_pixelsPerPoint)
        .translated(kMargin, kMargin);
}

void PdfPageCanvas::paintEvent(QPaintEvent*)
{
    if (m_image.isNull())
        return;
    QPainter painter(this);
    const QRectF page(QPointF(kMargin, kMargin), m_image.deviceIndependentSize());
    painter.setPen(QPen(kPageEdge, 1));
    painter.drawRect(page.adjusted(-1, -1, 0, 0));
    painter.drawImage(page.topLeft(), m_image);
    painter.setPen(Qt::NoPen);
    for (int i = 0; i < m_matches.size(); ++i) {
        painter.setBrush(i == m_current ? kCurrentMatch : kMatch);
        for (const QRectF& part : m_matches[i])
            painter.drawRect(toWidget(part).adjusted(-1, -1, 1, 1));
    }
}

} // namespace ls::ui
