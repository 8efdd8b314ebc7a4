#include "ui/wallet/HistoryView.h"

#include "ui/PhtAmount.h"
#include "ui/StatusText.h"

#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ls::ui {
namespace {

enum Column { Date, Kind, What, Amount, Fee, Transaction, ColumnCount };

QTableWidgetItem* cell(const QString& text, bool number = false)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

QString kindText(api::AccountActivity::Kind kind)
{
    switch (kind) {
    case api::AccountActivity::Kind::Purchase:
        return HistoryView::tr("Purchase");
    case api::AccountActivity::Kind::Sale:
        return HistoryView::tr("Sale");
    case api::AccountActivity::Kind::Publication:
        return HistoryView::tr("Publication");
    case api::AccountActivity::Kind::SentTransfer:
        return HistoryView::tr("Sent");
    case api::AccountActivity::Kind::ReceivedTransfer:
        return HistoryView::tr("Received");
    }
    return {};
}

QString whatText(const api::AccountActivity& entry, const std::map<std::uint64_t, QString>& names)
{
    if (entry.kind == api::AccountActivity::Kind::SentTransfer)
        return HistoryView::tr("To %1").arg(QString::fromStdString(entry.counterparty));
    if (entry.kind == api::AccountActivity::Kind::ReceivedTransfer)
        return HistoryView::tr("Received from %1").arg(QString::fromStdString(entry.counterparty));
    const auto named = names.find(entry.titleId);
    const QString title = named != names.end() && !named->second.isEmpty()
        ? named->second
        : HistoryView::tr("Title #%1").arg(entry.titleId);
    if (entry.counterparty.empty())
        return title;
    return HistoryView::tr("%1 · bought by %2")
        .arg(title, statustext::shortHash(entry.counterparty));
}

// Signed from the account's point of view: what it paid is negative, what it was paid positive.
QString amountText(const api::AccountActivity& entry)
{
    if (entry.kind == api::AccountActivity::Kind::Publication || entry.amount == "0")
        return QStringLiteral("—");
    const bool paidToTheAccount = entry.kind == api::AccountActivity::Kind::Sale
        || entry.kind == api::AccountActivity::Kind::ReceivedTransfer;
    const QString sign = paidToTheAccount ? QStringLiteral("+") : QStringLiteral("−");
    return sign + pht::formatWithUnit(entry.amount);
}

QString feeText(const api::AccountActivity& entry)
{
    if (entry.fee.empty())
        return QStringLiteral("—");
    return pht::formatWithUnit(entry.fee);
}

} // namespace

HistoryView::HistoryView(QWidget* parent)
    : QWidget(parent)
{
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setObjectName(QStringLiteral("walletHistory"));
    m_table->setHorizontalHeaderLabels(
        { tr("Date"), tr("Kind"), tr("Details"), tr("Amount"), tr("Fee"), tr("Transaction") });
    m_table->horizontalHeader()->setSectionResizeMode(What, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setMinimumHeight(160);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("walletHistoryStatus"));
    m_status->setWordWrap(true);
    m_copy = new QPushButton(tr("Copy transaction hash"), this);
    m_copy->setObjectName(QStringLiteral("walletHistoryCopy"));
    m_copy->setEnabled(false);
    auto* note = new QLabel(tr("Each entry is proven by its transaction's receipt in a block the "
                               "app verified. A server could leave entries out, but cannot invent "
                               "or change one."),
        this);
    note->setWordWrap(true);
    note->setForegroundRole(QPalette::PlaceholderText);

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_status, 1);
    actions->addWidget(m_copy);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(actions);
    layout->addWidget(note);

    connect(m_table, &QTableWidget::itemSelectionChanged, this,
        [this] { m_copy->setEnabled(!m_table->selectedItems().isEmpty()); });
    connect(m_copy, &QPushButton::clicked, this, &HistoryView::copySelectedHash);
    load(nullptr, {});
}

void HistoryView::load(api::Chain* chain, const std::string& address)
{
    m_read.reset();
    if (!chain || address.empty()) {
        m_entries.clear();
        showRows();
        m_status->setText(tr("Waiting for the network…"));
        return;
    }
    // The rows shown stay until the new list arrives.
    m_status->setText(tr("Loading the history…"));
    m_read = chain->activity(address, 0,
        [this](Result<std::vector<api::AccountActivity>> entries) { show(std::move(entries)); });
}

void HistoryView::show(Result<std::vector<api::AccountActivity>> entries)
{
    if (!entries) {
        m_status->setText(tr("Cannot prove the history: %1")
                              .arg(QString::fromStdString(entries.error().message)));
        return;
    }
    m_entries = std::move(*entries); // already newest first (api::Chain::activity)
    showRows();
}

void HistoryView::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_titleNames && !m_entries.empty())
        showRows();
}

void HistoryView::setTitleNames(TitleNames names)
{
    m_titleNames = std::move(names);
    showRows();
}

void HistoryView::showRows()
{
    const auto names = m_titleNames ? m_titleNames() : std::map<std::uint64_t, QString> {};
    m_table->setRowCount(static_cast<int>(m_entries.size()));
    for (int row = 0; row < static_cast<int>(m_entries.size()); ++row) {
        const api::AccountActivity& entry = m_entries[static_cast<std::size_t>(row)];
        const QDateTime time
            = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(entry.timeMs)).toLocalTime();
        m_table->setItem(row, Date, cell(QLocale().toString(time, QLocale::ShortFormat)));
        m_table->setItem(row, Kind, cell(kindText(entry.kind)));
        m_table->setItem(row, What, cell(whatText(entry, names)));
        m_table->setItem(row, Amount, cell(amountText(entry), true));
        m_table->setItem(row, Fee, cell(feeText(entry), true));
        auto* hash = cell(statustext::shortHash(entry.txHash));
        hash->setData(Qt::UserRole, QString::fromStdString(entry.txHash));
        hash->setToolTip(tr("%1\nProven in block %2")
                             .arg(QString::fromStdString(entry.txHash))
                             .arg(entry.proof.height));
        m_table->setItem(row, Transaction, hash);
    }
    m_status->setText(m_entries.empty()
            ? tr("No purchases, sales, publications or transfers yet.")
            : (m_entries.size() == 1 ? tr("1 entry, proven.")
                                     : tr("%1 entries, each proven.").arg(m_entries.size())));
}

void HistoryView::copySelectedHash()
{
    const auto selected = m_table->selectedItems();
    if (selected.isEmpty())
        return;
    const QTableWidgetItem* hash = m_table->item(selected.first()->row(), Transaction);
    if (hash)
        QApplication::clipboard()->setText(hash->data(Qt::UserRole).toString());
}

} // namespace ls::ui
