#pragma once

#include "ui/studio/SalesChart.h"
#include "ui/studio/StudioTitle.h"

#include <QWidget>

#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace ls::ui {

// Sales per title and in total, as the chain proves them (the titles' records), a chart of sales
// per day from the single sales (each proven by its receipt: api::Chain::activity), and an export
// to CSV of both.
class SalesSummaryView : public QWidget {
    Q_OBJECT

public:
    explicit SalesSummaryView(QWidget* parent = nullptr);

    void setTitles(const std::vector<StudioTitle>& titles);
    // The author's sales (api::AccountActivity::Kind::Sale entries, newest first), or why they
    // could not be read.
    void setSales(Result<std::vector<api::AccountActivity>> sales);
    const SalesChart& chart() const { return *m_chart; }
    // Writes the CSV to `file` atomically (QSaveFile); a sentence on failure.
    bool exportTo(const QString& file, QString* error);

private:
    void chooseExportFile();

    std::vector<StudioTitle> m_titles;
    std::vector<api::AccountActivity> m_saleEntries;
    SalesChart* m_chart = nullptr;
    QLabel* m_chartStatus = nullptr;
    QTableWidget* m_table = nullptr;
    QLabel* m_total = nullptr;
    QLabel* m_exportResult = nullptr;
    QPushButton* m_export = nullptr;
};

} // namespace ls::ui
