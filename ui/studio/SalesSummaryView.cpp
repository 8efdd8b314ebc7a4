#include "ui/studio/SalesSummaryView.h"

#include "ui/PhtAmount.h"
#include "ui/studio/SalesCsv.h"
#include "ui/studio/StudioWidgets.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ls::ui {
namespace {

QTableWidgetItem* item(const QString& text, bool number = false)
{
    auto* cell = new QTableWidgetItem(text);
    cell->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number)
        cell->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return cell;
}

} // namespace

SalesSummaryView::SalesSummaryView(QWidget* parent)
    : QWidget(parent)
{
    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("studioSales"));
    m_table->setHorizontalHeaderLabels({ tr("Title"), tr("Sales"), tr("Revenue") });
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_total = new QLabel(this);
    m_total->setObjectName(QStringLiteral("studioSalesTotal"));
    m_chart = new SalesChart(this);
    m_chartStatus = new QLabel(this);
    m_chartStatus->setObjectName(QStringLiteral("studioSalesChartStatus"));
    m_chartStatus->setWordWrap(true);
    auto* note = new QLabel(tr("Revenue is what buyers paid, before the network's service fee. "
                               "Each sale in the chart is proven by its transaction's receipt; a "
                               "server could leave sales out, but cannot invent or change one."),
        this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);
    m_export = new QPushButton(tr("Export CSV…"), this);
    m_export->setObjectName(QStringLiteral("studioExportCsv"));
    m_exportResult = studio::errorLabel(QStringLiteral("studioExportResult"), this);
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_export);
    actions->addWidget(m_exportResult, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_total);
    layout->addWidget(m_chart, 1);
    layout->addWidget(m_chartStatus);
    layout->addWidget(note);
    layout->addLayout(actions);
    connect(m_export, &QPushButton::clicked, this, &SalesSummaryView::chooseExportFile);
    setTitles({});
    setSales(std::vector<api::AccountActivity> {});
    m_chartStatus->setText(tr("Reading the sales…"));
}

void SalesSummaryView::setSales(Result<std::vector<api::AccountActivity>> sales)
{
    if (!sales) {
        // The last proven sales stay on screen.
        m_chartStatus->setText(
            tr("Cannot prove the sales: %1").arg(QString::fromStdString(sales.error().message)));
        return;
    }
    m_saleEntries.clear();
    for (auto& entry : *sales)
        if (entry.kind == api::AccountActivity::Kind::Sale)
            m_saleEntries.push_back(std::move(entry));
    m_chart->setSales(m_saleEntries);
    m_chartStatus->setText(m_saleEntries.empty()
            ? tr("No sales yet.")
            : tr("Sales per day: %1 proven sales.").arg(m_saleEntries.size()));
}

void SalesSummaryView::setTitles(const std::vector<StudioTitle>& titles)
{
    m_titles = titles;
    m_table->setRowCount(static_cast<int>(titles.size()));
    std::uint64_t sales = 0;
    std::string revenue = "0";
    bool allProven = true;
    for (int row = 0; row < static_cast<int>(titles.size()); ++row) {
        const StudioTitle& title = titles[static_cast<std::size_t>(row)];
        m_table->setItem(row, 0, item(title.name()));
        if (title.chain) {
            sales += title.chain->salesCount;
            revenue = pht::add(revenue, title.chain->revenue);
            m_table->setItem(row, 1, item(QString::number(title.chain->salesCount), true));
            m_table->setItem(row, 2, item(pht::formatWithUnit(title.chain->revenue), true));
        } else {
            allProven = false;
            m_table->setItem(row, 1, item(tr("…"), true));
            m_table->setItem(row, 2, item(tr("…"), true));
        }
    }
    const QString count
        = sales == 1 ? tr("1 sale") : tr("%1 sales").arg(QLocale().toString(qulonglong(sales)));
    m_total->setText(tr("Total: %1, %2").arg(count, pht::formatWithUnit(revenue))
        + (allProven ? QString() : tr(" (some titles not read from the chain yet)")));
    m_export->setEnabled(!titles.empty());
}

void SalesSummaryView::chooseExportFile()
{
    studio::chooseFile(this, QStringLiteral("studioExportDialog"), tr("Export sales as CSV"),
        tr("CSV files (*.csv)"), true, [this](const QString& file) {
            QString error;
            const bool ok = exportTo(file, &error);
            studio::setErrorStyle(m_exportResult, !ok);
            m_exportResult->setText(ok ? tr("Saved to %1.").arg(file) : error);
        });
}

bool SalesSummaryView::exportTo(const QString& file, QString* error)
{
    // Written whole under a temporary name and renamed: an existing file is either replaced
    // completely or left as it was.
    QSaveFile out(file);
    const QByteArray csv = salescsv::build(m_titles, m_saleEntries);
    if (!out.open(QIODevice::WriteOnly) || out.write(csv) != csv.size() || !out.commit()) {
        *error = tr("Could not save %1: %2").arg(file, out.errorString());
        return false;
    }
    return true;
}

} // namespace ls::ui
