#include "ui/reader/PdfPageView.h"

#include "ui/reader/PdfPageCanvas.h"

#include <QKeyEvent>
#include <QPainter>
#include <QPdfDocument>
#include <QScrollBar>
#include <QStyle>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <cmath>

namespace ls::ui {
namespace {

constexpr int kWheelStep = 120; // one notch
// At the top or bottom of a page, this much more wheel turns it: a scroll that merely reaches
// the end of a page must not skip to the next one.
constexpr int kWheelToTurnPage = 2 * kWheelStep;
constexpr qreal kPointsPerInch = 72.0;

// Dark pages: each channel inverted into the range from dark grey paper to light grey ink, which
// reads more calmly than pure black and white.
constexpr int kDarkPaper = 0x24;
constexpr int kDarkInk = 0xdc;

const std::array<uchar, 256>& darkChannel()
{
    static const auto table = [] {
        std::array<uchar, 256> values {};
        for (std::size_t v = 0; v < values.size(); ++v)
            values[v] = uchar(kDarkPaper + (255 - int(v)) * (kDarkInk - kDarkPaper) / 255);
        return values;
    }();
    return table;
}

// PDF pages may leave their background transparent; paper is white.
QImage onWhitePaper(const QImage& rendered, bool darkPaper)
{
    QImage page(rendered.size(), QImage::Format_RGB32);
    page.fill(Qt::white);
    {
        QPainter painter(&page);
        painter.drawImage(0, 0, rendered);
    }
    if (!darkPaper)
        return page;
    const auto& table = darkChannel();
    const auto dark = [&table](int value) { return table[std::size_t(value)]; };
    for (int y = 0; y < page.height(); ++y) {
        auto* pixel = reinterpret_cast<QRgb*>(page.scanLine(y));
        for (int x = 0; x < page.width(); ++x)
            pixel[x] = qRgb(dark(qRed(pixel[x])), dark(qGreen(pixel[x])), dark(qBlue(pixel[x])));
    }
    return page;
}

} // namespace

PdfPageView::PdfPageView(QWidget* parent)
    : QScrollArea(parent)
    , m_canvas(new PdfPageCanvas)
{
    setObjectName(QStringLiteral("readerPageView"));
    setWidget(m_canvas);
    setWidgetResizable(false);
    setAlignment(Qt::AlignCenter);
    setFrameShape(QFrame::NoFrame);
    setFocusPolicy(Qt::StrongFocus);
    updateBackground();
}

void PdfPageView::setDocument(QPdfDocument* document)
{
    m_document = document;
    m_page = 0;
    m_rendered = {};
    m_canvas->setMatches({}, -1);
    render();
}

void PdfPageView::setPage(int page)
{
    m_page = page;
    m_wheelAtEdge = 0;
    m_canvas->setMatches({}, -1);
    render();
    verticalScrollBar()->setValue(verticalScrollBar()->minimum());
}

void PdfPageView::setZoom(ZoomMode mode, qreal factor)
{
    m_zoomMode = mode;
    m_zoomFactor = std::clamp(factor, kMinimumZoom, kMaximumZoom);
    render();
}

void PdfPageView::setDarkPages(bool dark)
{
    m_dark = dark;
    updateBackground();
    render();
}

void PdfPageView::setMatches(QList<QList<QRectF>> matches, int current, bool reveal)
{
    QRectF target;
    if (reveal && current >= 0 && current < matches.size() && !matches[current].isEmpty())
        target = m_canvas->toWidget(matches[current].first());
    m_canvas->setMatches(std::move(matches), current);
    if (target.isValid())
        ensureVisible(qRound(target.center().x()), qRound(target.center().y()), 80, 120);
}

QImage PdfPageView::renderedPage() const
{
    return m_canvas->image();
}

qreal PdfPageView::pointsToPixels() const
{
    return logicalDpiX() / kPointsPerInch;
}

qreal PdfPageView::fittedZoom(QSizeF pagePoints) const
{
    const QSize available
        = maximumViewportSize() - QSize(2 * PdfPageCanvas::kMargin, 2 * PdfPageCanvas::kMargin);
    const QSizeF page = pagePoints * pointsToPixels();
    if (page.isEmpty() || available.isEmpty())
        return 1.0;
    qreal zoom = available.width() / page.width();
    if (m_zoomMode == ZoomMode::FitPage)
        return std::min(zoom, available.height() / page.height());
    // Fitted to the width, a page taller than the view needs the vertical scroll bar's room.
    if (page.height() * zoom > available.height()) {
        const int bar = style()->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, this);
        zoom = (available.width() - bar) / page.width();
    }
    return zoom;
}

void PdfPageView::render()
{
    if (!m_document || m_document->status() != QPdfDocument::Status::Ready
        || m_page >= m_document->pageCount()) {
        m_canvas->setPage({}, 1.0);
        m_rendered = {};
        return;
    }
    const QSizeF points = m_document->pagePointSize(m_page);
    const qreal zoom
        = std::max(0.05, m_zoomMode == ZoomMode::Custom ? m_zoomFactor : fittedZoom(points));
    const qreal scale = zoom * pointsToPixels();
    const qreal ratio = devicePixelRatioF();
    const QSize pixels(std::max(1, int(std::floor(points.width() * scale * ratio))),
        std::max(1, int(std::floor(points.height() * scale * ratio))));
    const Rendered wanted { m_page, pixels, m_dark };
    if (wanted != m_rendered) {
        QPdfDocumentRenderOptions options;
        options.setRenderFlags(QPdfDocumentRenderOptions::RenderFlag::Annotations);
        QImage image = onWhitePaper(m_document->render(m_page, pixels, options), m_dark);
        image.setDevicePixelRatio(ratio);
        m_canvas->setPage(std::move(image), scale);
        m_rendered = wanted;
    }
    if (!qFuzzyCompare(zoom, m_effectiveZoom)) {
        m_effectiveZoom = zoom;
        Q_EMIT effectiveZoomChanged(zoom);
    }
}

void PdfPageView::updateBackground()
{
    QPalette colours = viewport()->palette();
    colours.setColor(viewport()->backgroundRole(),
        m_dark ? QColor(0x18, 0x18, 0x18) : palette().color(QPalette::Window).darker(110));
    viewport()->setPalette(colours);
}

void PdfPageView::changeEvent(QEvent* event)
{
    QScrollArea::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        updateBackground(); // the theme changed
}

void PdfPageView::resizeEvent(QResizeEvent* event)
{
    QScrollArea::resizeEvent(event);
    if (m_zoomMode != ZoomMode::Custom)
        render();
}

void PdfPageView::keyPressEvent(QKeyEvent* event)
{
    QScrollBar* vertical = verticalScrollBar();
    const bool plain = event->modifiers() == Qt::NoModifier;
    switch (event->key()) {
    case Qt::Key_PageDown:
    case Qt::Key_Space:
        if (!plain)
            break;
        if (vertical->value() >= vertical->maximum())
            Q_EMIT nextPageRequested();
        else
            vertical->triggerAction(QAbstractSlider::SliderPageStepAdd);
        return;
    case Qt::Key_PageUp:
    case Qt::Key_Backspace:
        if (!plain)
            break;
        if (vertical->value() <= vertical->minimum())
            Q_EMIT previousPageRequested();
        else
            vertical->triggerAction(QAbstractSlider::SliderPageStepSub);
        return;
    case Qt::Key_Right:
    case Qt::Key_Left:
        if (!plain || horizontalScrollBar()->maximum() > 0)
            break;
        if (event->key() == Qt::Key_Right)
            Q_EMIT nextPageRequested();
        else
            Q_EMIT previousPageRequested();
        return;
    default:
        break;
    }
    QScrollArea::keyPressEvent(event);
}

void PdfPageView::wheelEvent(QWheelEvent* event)
{
    const int delta = event->angleDelta().y();
    if (event->modifiers() & Qt::ControlModifier) {
        if (delta != 0)
            Q_EMIT zoomStepRequested(delta > 0 ? 1 : -1);
        event->accept();
        return;
    }
    QScrollBar* vertical = verticalScrollBar();
    const bool down = delta < 0;
    const bool atEdge = down ? vertical->value() >= vertical->maximum()
                             : vertical->value() <= vertical->minimum();
    if (delta == 0 || !atEdge) {
        m_wheelAtEdge = 0;
        QScrollArea::wheelEvent(event);
        return;
    }
    event->accept();
    m_wheelAtEdge += std::abs(delta);
    if (m_wheelAtEdge < kWheelToTurnPage)
        return;
    m_wheelAtEdge = 0;
    if (down)
        Q_EMIT nextPageRequested();
    else
        Q_EMIT previousPageRequested();
}

} // namespace ls::ui
