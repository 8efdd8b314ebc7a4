#pragma once

#include "core/api/Chain.h"

#include <QDate>
#include <QWidget>

#include <string>
#include <vector>

namespace ls::ui {

// Sales per day: one bar per calendar day (local time) from the first sale to the last, its
// height the day's revenue, with the number of sales above it. Drawn with QPainter.
class SalesChart : public QWidget {
    Q_OBJECT

public:
    struct Day {
        QDate date;
        std::uint64_t sales = 0;
        std::string revenue = "0"; // base units, decimal digits
    };

    explicit SalesChart(QWidget* parent = nullptr);

    // Days without a sale between the first and the last are there, with zeros.
    static std::vector<Day> daily(const std::vector<api::AccountActivity>& sales);

    void setSales(const std::vector<api::AccountActivity>& sales);
    const std::vector<Day>& days() const { return m_days; }

    QSize sizeHint() const override { return { 480, 200 }; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<Day> m_days;
};

} // namespace ls::ui
