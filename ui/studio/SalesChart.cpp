#include "ui/studio/SalesChart.h"

#include "ui/PhtAmount.h"

#include <QDateTime>
#include <QLocale>
#include <QPainter>

#include <algorithm>
#include <map>

namespace ls::ui {
namespace {

// For drawing only: the bar heights need no more than a double's precision.
double phtValue(const std::string& baseUnits)
{
    return QString::fromStdString(baseUnits).toDouble() / 1e18;
}

} // namespace

SalesChart::SalesChart(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("studioSalesChart"));
    setMinimumHeight(160);
}

std::vector<SalesChart::Day> SalesChart::daily(const std::vector<api::AccountActivity>& sales)
{
    std::map<QDate, Day> byDate;
    for (const api::AccountActivity& sale : sales) {
        const QDate date
            = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(sale.timeMs)).toLocalTime().date();
        Day& day = byDate[date];
        day.date = date;
        ++day.sales;
        day.revenue = pht::add(day.revenue, sale.amount);
    }
    std::vector<Day> out;
    if (byDate.empty())
        return out;
    for (QDate date = byDate.begin()->first; date <= byDate.rbegin()->first; date = date.addDays(1))
        if (auto found = byDate.find(date); found != byDate.end())
            out.push_back(found->second);
        else
            out.push_back(Day { date, 0, "0" });
    return out;
}

void SalesChart::setSales(const std::vector<api::AccountActivity>& sales)
{
    m_days = daily(sales);
    update();
}

void SalesChart::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRect area = rect().adjusted(8, 8, -8, -8);
    const QPalette colours = palette();
    if (m_days.empty()) {
        painter.setPen(colours.color(QPalette::PlaceholderText));
        painter.drawText(area, Qt::AlignCenter, tr("No sales yet."));
        return;
    }
    const QFontMetrics metrics(font());
    const int labelHeight = metrics.height();
    // Room for the date labels below and the count labels above the bars.
    const QRect plot = area.adjusted(0, labelHeight + 4, 0, -(labelHeight + 6));
    double top = 0;
    for (const Day& day : m_days)
        top = std::max(top, phtValue(day.revenue));
    if (top <= 0)
        top = 1;

    painter.setPen(colours.color(QPalette::Mid));
    painter.drawLine(plot.bottomLeft(), plot.bottomRight());
    const int count = static_cast<int>(m_days.size());
    const double slot = static_cast<double>(plot.width()) / count;
    const double barWidth = std::max(2.0, slot * 0.7);
    // Label about every 60 px so that dates never overlap.
    const int labelEvery = std::max(1, static_cast<int>(60 / std::max(1.0, slot)));
    const QColor bar = colours.color(QPalette::Highlight);
    for (int i = 0; i < count; ++i) {
        const Day& day = m_days[static_cast<std::size_t>(i)];
        const double x = plot.left() + slot * i + (slot - barWidth) / 2;
        const double height = plot.height() * phtValue(day.revenue) / top;
        const QRectF shape(x, plot.bottom() - height, barWidth, height);
        painter.fillRect(shape, bar);
        painter.setPen(colours.color(QPalette::WindowText));
        if (day.sales > 0)
            painter.drawText(
                QRectF(x - slot, shape.top() - labelHeight - 2, barWidth + 2 * slot, labelHeight),
                Qt::AlignCenter, QString::number(day.sales));
        if (i % labelEvery == 0)
            painter.drawText(QRectF(x - slot, plot.bottom() + 4, barWidth + 2 * slot, labelHeight),
                Qt::AlignCenter, QLocale().toString(day.date, QStringLiteral("MMM d")));
    }
    painter.setPen(colours.color(QPalette::PlaceholderText));
    painter.drawText(area, Qt::AlignLeft | Qt::AlignTop,
        tr("Best day: %1")
            .arg(pht::formatWithUnit(
                std::max_element(m_days.begin(), m_days.end(), [](const Day& a, const Day& b) {
                    return pht::compare(a.revenue, b.revenue) < 0;
                })->revenue)));
}

} // namespace ls::ui
