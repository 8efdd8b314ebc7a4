#include "ui/studio/StudioPage.h"

#include "ui/PhtAmount.h"
#include "ui/SectionHeading.h"
#include "ui/StatusText.h"
#include "ui/studio/PublishJobDialog.h"
#include "ui/studio/PublishProgressView.h"
#include "ui/studio/PublishWizard.h"
#include "ui/studio/SalesSummaryView.h"
#include "ui/studio/StudioWidgets.h"
#include "ui/studio/TitleTransactionDialog.h"

#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ls::ui {
namespace {

enum Column { TitleColumn, PriceColumn, ListedColumn, VersionsColumn, SalesColumn, RevenueColumn };

QTableWidgetItem* cell(const QString& text, bool number = false)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    if (number)
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

} // namespace

StudioPage::StudioPage(api::Studio& studio, api::Market& market, api::Chain& chain,
    api::Wallet& wallet, QWidget* parent)
    : QWidget(parent)
    , m_studio(studio)
    , m_market(market)
    , m_chain(chain)
    , m_wallet(wallet)
{
    setObjectName(QStringLiteral("studioPage"));
    m_publish = new QPushButton(tr("Publish a title…"), this);
    m_publish->setObjectName(QStringLiteral("studioPublish"));
    m_status = studio::errorLabel(QStringLiteral("studioStatus"), this);
    m_status->hide();
    auto* top = new QHBoxLayout;
    top->addWidget(makeSectionHeading(tr("Studio"), this));
    top->addStretch(1);
    auto* author = new QLabel(this);
    author->setObjectName(QStringLiteral("studioAuthor"));
    author->setText(tr("Publishing as %1")
                        .arg(QString::fromStdString(m_wallet.address().value_or(std::string()))));
    author->setTextInteractionFlags(Qt::TextSelectableByMouse);
    author->setForegroundRole(QPalette::PlaceholderText);
    top->addWidget(author);
    top->addWidget(m_publish);

    m_unfinishedBox = new QGroupBox(tr("Unfinished publications"), this);
    m_unfinishedBox->setObjectName(QStringLiteral("studioUnfinishedBox"));
    m_unfinishedList = new QListWidget(m_unfinishedBox);
    m_unfinishedList->setObjectName(QStringLiteral("studioUnfinished"));
    m_unfinishedList->setMaximumHeight(m_unfinishedList->fontMetrics().lineSpacing() * 5);
    m_resume = new QPushButton(tr("Resume…"), m_unfinishedBox);
    m_resume->setObjectName(QStringLiteral("studioResume"));
    auto* unfinishedLayout = new QHBoxLayout(m_unfinishedBox);
    unfinishedLayout->addWidget(m_unfinishedList, 1);
    unfinishedLayout->addWidget(m_resume, 0, Qt::AlignTop);

    m_sales = new SalesSummaryView(this);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("studioTabs"));
    m_tabs->addTab(buildTitlesTab(), tr("My titles"));
    m_tabs->addTab(m_sales, tr("Sales"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->setSpacing(16);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(m_unfinishedBox);
    layout->addWidget(m_tabs, 1);

    connect(m_publish, &QPushButton::clicked, this, &StudioPage::openPublishWizard);
    connect(m_resume, &QPushButton::clicked, this, &StudioPage::resumeSelected);
    connect(m_unfinishedList, &QListWidget::currentRowChanged, this,
        [this](int row) { m_resume->setEnabled(row >= 0); });
    m_statusSubscription
        = m_chain.subscribeStatus([this](const api::ChainStatus& status) { onStatus(status); });
    refresh();
}

StudioPage::~StudioPage() = default;

QWidget* StudioPage::buildTitlesTab()
{
    auto* page = new QWidget(this);
    m_table = new QTableWidget(0, 6, page);
    m_table->setObjectName(QStringLiteral("studioTitles"));
    m_table->setHorizontalHeaderLabels(
        { tr("Title"), tr("Price"), tr("Listed"), tr("Versions"), tr("Sales"), tr("Revenue") });
    m_table->horizontalHeader()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_provenAt = new QLabel(page);
    m_provenAt->setObjectName(QStringLiteral("studioProvenAt"));
    m_provenAt->setForegroundRole(QPalette::PlaceholderText);
    m_changePrice = new QPushButton(tr("Change price…"), page);
    m_changePrice->setObjectName(QStringLiteral("studioChangePrice"));
    m_addVersion = new QPushButton(tr("Add a version…"), page);
    m_addVersion->setObjectName(QStringLiteral("studioAddVersion"));
    m_toggleListed = new QPushButton(tr("Delist…"), page);
    m_toggleListed->setObjectName(QStringLiteral("studioToggleListed"));
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_changePrice);
    actions->addWidget(m_addVersion);
    actions->addWidget(m_toggleListed);
    actions->addStretch(1);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_provenAt);
    layout->addLayout(actions);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &StudioPage::updateActions);
    connect(m_changePrice, &QPushButton::clicked, this, &StudioPage::changePrice);
    connect(m_addVersion, &QPushButton::clicked, this, &StudioPage::addVersion);
    connect(m_toggleListed, &QPushButton::clicked, this, &StudioPage::toggleListed);
    return page;
}

void StudioPage::refresh()
{
    // Both are reads of the profile's own files (the library database, the publication job
    // files): quick, and the Studio's owner thread is this one.
    auto titles = m_studio.titles();
    auto unfinished = m_studio.unfinished();
    QStringList problems;
    if (titles) {
        std::map<std::uint64_t, StudioTitle> previous;
        for (auto& title : m_titles)
            previous.emplace(title.local.titleId, std::move(title));
        m_titles.clear();
        for (auto& local : *titles) {
            StudioTitle title;
            if (auto found = previous.find(local.titleId); found != previous.end())
                title = std::move(found->second); // keep the proven facts until read again
            title.local = std::move(local);
            m_titles.push_back(std::move(title));
        }
    } else {
        problems << tr("Cannot read your titles: %1")
                        .arg(QString::fromStdString(titles.error().message));
    }
    if (unfinished)
        showUnfinished(*unfinished);
    else
        problems << tr("Cannot read unfinished publications: %1")
                        .arg(QString::fromStdString(unfinished.error().message));
    m_status->setText(problems.join(QLatin1Char('\n')));
    m_status->setVisible(!problems.isEmpty());
    showTitles();
    readChainFacts();
}

void StudioPage::onStatus(const api::ChainStatus& status)
{
    // A newer verified block may hold a sale, a new price or a listing change.
    if (status.verifiedHeight && status.verifiedHeight != m_readHeight)
        readChainFacts();
}

void StudioPage::readChainFacts()
{
    m_readHeight = m_chain.status().verifiedHeight;
    for (const StudioTitle& title : m_titles) {
        const std::uint64_t id = title.local.titleId;
        // Replacing the handle drops an older read of the same title that is still on its way.
        m_reads[id] = m_chain.title(id, [this, id](Result<std::optional<api::TitleInfo>> info) {
            for (StudioTitle& shown : m_titles) {
                if (shown.local.titleId != id)
                    continue;
                if (!info)
                    shown.chainError = QString::fromStdString(info.error().message);
                else if (!*info)
                    shown.chainError = tr("not on the chain");
                else {
                    // An answer proven at an older block than one already shown is stale.
                    if (!shown.chain || shown.chain->proof.height <= (*info)->proof.height)
                        shown.chain = **info;
                    shown.chainError.clear();
                }
            }
            showTitles();
            readSalesIfChanged();
        });
    }
    readSalesIfChanged(); // with no titles, at once
}

void StudioPage::readSalesIfChanged()
{
    // The single sales are read again when the proven sales count changes (and once at first),
    // not at every block: listing them is a scan of the chain's Catalog events.
    std::uint64_t count = 0;
    for (const StudioTitle& title : m_titles) {
        if (!title.chain)
            return; // wait for every title's record
        count += title.chain->salesCount;
    }
    const auto address = m_wallet.address();
    if (!address || m_salesReadAt == count)
        return;
    m_salesReadAt = count;
    m_salesRead
        = m_chain.activity(*address, 0, [this](Result<std::vector<api::AccountActivity>> entries) {
              if (!entries)
                  m_salesReadAt.reset(); // try again with the next record read
              m_sales->setSales(std::move(entries));
          });
}

void StudioPage::showTitles()
{
    const auto selected = selectedTitle();
    const std::uint64_t selectedId = selected ? m_titles[*selected].local.titleId : 0;
    m_table->setRowCount(static_cast<int>(m_titles.size()));
    std::optional<std::uint64_t> provenAt;
    for (int row = 0; row < static_cast<int>(m_titles.size()); ++row) {
        const StudioTitle& title = m_titles[static_cast<std::size_t>(row)];
        auto* name = cell(title.name());
        name->setData(Qt::UserRole, QVariant::fromValue<quint64>(title.local.titleId));
        m_table->setItem(row, TitleColumn, name);
        if (title.chain) {
            const api::TitleInfo& info = *title.chain;
            m_table->setItem(row, PriceColumn, cell(pht::formatWithUnit(info.price), true));
            m_table->setItem(row, ListedColumn, cell(info.listed ? tr("Listed") : tr("Delisted")));
            m_table->setItem(row, VersionsColumn, cell(QString::number(info.versionCount), true));
            m_table->setItem(row, SalesColumn, cell(QString::number(info.salesCount), true));
            m_table->setItem(row, RevenueColumn, cell(pht::formatWithUnit(info.revenue), true));
            provenAt = provenAt ? std::min(*provenAt, info.proof.height) : info.proof.height;
        } else {
            const QString unknown = title.chainError.isEmpty() ? tr("reading…") : tr("unknown");
            for (int column : { PriceColumn, ListedColumn, SalesColumn, RevenueColumn })
                m_table->setItem(row, column, cell(unknown));
            m_table->setItem(
                row, VersionsColumn, cell(QString::number(title.local.versions.size()), true));
            if (!title.chainError.isEmpty())
                name->setToolTip(tr("Cannot read the chain: %1").arg(title.chainError));
        }
        if (title.local.titleId == selectedId)
            m_table->selectRow(row);
    }
    m_provenAt->setText(m_titles.empty() ? tr("You have not published anything yet.")
            : provenAt                   ? tr("Proven at block %1 or later.").arg(*provenAt)
                                         : QString());
    m_sales->setTitles(m_titles);
    updateActions();
}

void StudioPage::showUnfinished(const std::vector<api::UnfinishedPublication>& unfinished)
{
    m_unfinished = unfinished;
    m_unfinishedList->clear();
    for (const auto& publication : unfinished) {
        QString text = tr("“%1” — stopped at: %2")
                           .arg(QString::fromStdString(publication.title),
                               PublishProgressView::stageText(publication.stage));
        if (publication.titleId != 0)
            text += tr(" (title %1)").arg(publication.titleId);
        auto* item = new QListWidgetItem(text, m_unfinishedList);
        item->setToolTip(QString::fromStdString(publication.file));
    }
    m_unfinishedBox->setVisible(!unfinished.empty());
    if (!unfinished.empty())
        m_unfinishedList->setCurrentRow(0);
    m_resume->setEnabled(!unfinished.empty());
}

std::optional<std::size_t> StudioPage::selectedTitle() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty() || rows.front().row() >= static_cast<int>(m_titles.size()))
        return std::nullopt;
    return static_cast<std::size_t>(rows.front().row());
}

void StudioPage::updateActions()
{
    const auto selected = selectedTitle();
    const StudioTitle* title = selected ? &m_titles[*selected] : nullptr;
    const bool proven = title && title->chain;
    m_changePrice->setEnabled(proven);
    m_toggleListed->setEnabled(proven);
    m_toggleListed->setText(proven && !title->chain->listed ? tr("List again…") : tr("Delist…"));
    m_addVersion->setEnabled(title && title->local.hasKey);
}

void StudioPage::openPublishWizard()
{
    if (m_wizard) {
        m_wizard->raise();
        m_wizard->activateWindow();
        return;
    }
    auto* wizard = new PublishWizard(m_studio, this);
    m_wizard = wizard;
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    connect(wizard, &PublishWizard::published, this, [this](const api::PublishedVersion& v) {
        refresh();
        Q_EMIT published(v.titleId);
    });
    connect(wizard, &PublishWizard::stopped, this, &StudioPage::refresh);
    wizard->open();
}

void StudioPage::resumeSelected()
{
    const int row = m_unfinishedList->currentRow();
    if (row < 0 || row >= static_cast<int>(m_unfinished.size()))
        return;
    auto* dialog
        = PublishJobDialog::resume(m_studio, m_unfinished[static_cast<std::size_t>(row)], this);
    connect(dialog, &PublishJobDialog::published, this, [this](const api::PublishedVersion& v) {
        refresh();
        Q_EMIT published(v.titleId);
    });
    connect(dialog, &PublishJobDialog::stopped, this, &StudioPage::refresh);
    dialog->open();
}

void StudioPage::changePrice()
{
    const auto selected = selectedTitle();
    if (!selected || !m_titles[*selected].chain)
        return;
    const StudioTitle& title = m_titles[*selected];
    auto* dialog = TitleTransactionDialog::changePrice(
        m_market, title.local.titleId, title.name(), title.chain->price, this);
    connect(dialog, &TitleTransactionDialog::included, this, &StudioPage::readChainFacts);
    dialog->open();
}

void StudioPage::toggleListed()
{
    const auto selected = selectedTitle();
    if (!selected || !m_titles[*selected].chain)
        return;
    const StudioTitle& title = m_titles[*selected];
    auto* dialog = TitleTransactionDialog::setListed(
        m_market, title.local.titleId, title.name(), !title.chain->listed, this);
    connect(dialog, &TitleTransactionDialog::included, this, &StudioPage::readChainFacts);
    dialog->open();
}

void StudioPage::addVersion()
{
    const auto selected = selectedTitle();
    if (!selected)
        return;
    const StudioTitle& title = m_titles[*selected];
    auto* dialog = PublishJobDialog::addVersion(m_studio, title.local.titleId, title.name(), this);
    connect(dialog, &PublishJobDialog::published, this, [this](const api::PublishedVersion& v) {
        refresh();
        Q_EMIT published(v.titleId);
    });
    connect(dialog, &PublishJobDialog::stopped, this, &StudioPage::refresh);
    dialog->open();
}

} // namespace ls::ui
