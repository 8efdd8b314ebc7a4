#include "ui/discover/DiscoverPage.h"

#include "ui/CoverArt.h"
#include "ui/PhtAmount.h"
#include "ui/SectionHeading.h"
#include "ui/discover/TitleDetailsPage.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTimer>
#include <QVBoxLayout>

namespace ls::ui {
namespace {

const QString kErrorStyle = QStringLiteral("color: #b3261e;");
const QSize kCoverSize(120, 160);
constexpr int kTypingPauseMs = 150;
// Titles without metadata are looked for again at most this often while the page is shown.
constexpr qint64 kMissingMetadataRetryMs = 60'000;

enum Page { GridPage, DetailsPage };

QString titleText(const api::CatalogTitle& title)
{
    return title.title.empty() ? QObject::tr("Title %1").arg(title.titleId)
                               : QString::fromStdString(title.title);
}

} // namespace

DiscoverPage::DiscoverPage(api::Catalog& catalog, api::Chain& chain, api::Market& market,
    api::Library& library, api::Wallet& wallet, QWidget* parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_chain(chain)
{
    setObjectName(QStringLiteral("discoverPage"));
    m_details = new TitleDetailsPage(catalog, chain, market, library, wallet, this);
    m_pages = new QStackedWidget(this);
    m_pages->insertWidget(GridPage, buildGrid());
    m_pages->insertWidget(DetailsPage, m_details);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->addWidget(makeSectionHeading(tr("Discover"), this));
    layout->addWidget(m_pages, 1);

    connect(m_details, &TitleDetailsPage::backRequested, this, &DiscoverPage::showGrid);
    connect(m_details, &TitleDetailsPage::openRequested, this, &DiscoverPage::openRequested);
    connect(m_details, &TitleDetailsPage::purchased, this, &DiscoverPage::purchased);
    m_subscription = m_catalog.subscribe([this] {
        reloadFilters();
        m_requery->start(); // many changes in a row make one query
    });
    m_chainStatus = m_chain.subscribeStatus(
        [this](const api::ChainStatus& status) { onChainStatus(status); });
    reloadFilters();
    requery();
}

DiscoverPage::~DiscoverPage() = default;

QWidget* DiscoverPage::buildGrid()
{
    auto* page = new QWidget(this);
    m_search = new QLineEdit(page);
    m_search->setObjectName(QStringLiteral("discoverSearch"));
    m_search->setPlaceholderText(tr("Search titles, authors, subjects"));
    m_search->setClearButtonEnabled(true);
    m_subject = new QComboBox(page);
    m_subject->setObjectName(QStringLiteral("discoverSubject"));
    m_author = new QComboBox(page);
    m_author->setObjectName(QStringLiteral("discoverAuthor"));
    m_mediaType = new QComboBox(page);
    m_mediaType->setObjectName(QStringLiteral("discoverMediaType"));
    m_mediaType->addItem(tr("All formats"));
    m_mediaType->addItem(tr("Books (PDF)"), QStringLiteral("application/pdf"));
    m_mediaType->addItem(tr("Books (EPUB)"), QStringLiteral("application/epub+zip"));
    m_mediaType->addItem(tr("Audio"), QStringLiteral("audio/"));
    m_mediaType->addItem(tr("Video"), QStringLiteral("video/"));
    m_price = new QComboBox(page);
    m_price->setObjectName(QStringLiteral("discoverPrice"));
    m_price->addItem(tr("Any price"));
    for (const char* limit : { "1", "5", "20", "100" })
        m_price->addItem(tr("Up to %1 PHT").arg(QString::fromLatin1(limit)),
            QString::fromStdString(pht::parse(QString::fromLatin1(limit)).value_or("0")));
    m_sort = new QComboBox(page);
    m_sort->setObjectName(QStringLiteral("discoverSort"));
    m_sort->addItem(tr("Best match"), static_cast<int>(api::CatalogSort::Relevance));
    m_sort->addItem(tr("Newest"), static_cast<int>(api::CatalogSort::Newest));
    m_sort->addItem(tr("Most sold"), static_cast<int>(api::CatalogSort::MostSold));
    m_sort->addItem(tr("Price: low to high"), static_cast<int>(api::CatalogSort::PriceLowToHigh));
    m_sort->addItem(tr("Price: high to low"), static_cast<int>(api::CatalogSort::PriceHighToLow));
    m_refresh = new QPushButton(tr("Refresh"), page);
    m_refresh->setObjectName(QStringLiteral("discoverRefresh"));
    m_status = new QLabel(page);
    m_status->setObjectName(QStringLiteral("discoverStatus"));
    m_status->setWordWrap(true);
    m_empty = new QLabel(page);
    m_empty->setObjectName(QStringLiteral("discoverEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setForegroundRole(QPalette::PlaceholderText);

    m_model = new QStandardItemModel(this);
    m_grid = new QListView(page);
    m_grid->setObjectName(QStringLiteral("discoverGrid"));
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setMovement(QListView::Static);
    m_grid->setUniformItemSizes(true);
    m_grid->setWordWrap(true);
    m_grid->setIconSize(kCoverSize);
    m_grid->setGridSize(QSize(kCoverSize.width() + 40, kCoverSize.height() + 64));
    m_grid->setSpacing(8);
    m_grid->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_grid->setModel(m_model);

    m_requery = new QTimer(this);
    m_requery->setSingleShot(true);
    m_requery->setInterval(kTypingPauseMs);

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 2);
    filters->addWidget(m_subject, 1);
    filters->addWidget(m_author, 1);
    filters->addWidget(m_mediaType);
    filters->addWidget(m_price);
    filters->addWidget(m_sort);
    filters->addWidget(m_refresh);
    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 8, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_status);
    layout->addWidget(m_empty);
    layout->addWidget(m_grid, 1);

    connect(m_search, &QLineEdit::textChanged, m_requery, qOverload<>(&QTimer::start));
    connect(m_requery, &QTimer::timeout, this, &DiscoverPage::requery);
    for (QComboBox* box : { m_subject, m_author, m_mediaType, m_price, m_sort })
        connect(box, &QComboBox::currentIndexChanged, this, &DiscoverPage::requery);
    connect(m_refresh, &QPushButton::clicked, this, &DiscoverPage::refresh);
    connect(m_grid, &QListView::activated, this,
        [this](const QModelIndex& index) { showTitle(index.data(kTitleIdRole).toULongLong()); });
    return page;
}

void DiscoverPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!std::exchange(m_refreshedOnce, true))
        refresh();
    else
        refreshIfTheCatalogChanged();
}

void DiscoverPage::onChainStatus(const api::ChainStatus& status)
{
    if (!status.verifiedHeight || *status.verifiedHeight <= m_checkedHeight)
        return;
    m_checkedHeight = *status.verifiedHeight;
    if (isVisible())
        refreshIfTheCatalogChanged();
}

void DiscoverPage::refreshIfTheCatalogChanged()
{
    if (m_busy || m_countChecking || !m_refreshedOnce)
        return;
    if (!m_lastRefresh) // the last refresh failed: the network answers again now
        return refresh();
    if (m_lastRefresh->metadataMissing > 0 && m_sinceRefresh.elapsed() >= kMissingMetadataRetryMs)
        return refresh();
    // One proven number decides whether the whole catalog is read again.
    m_countChecking = true;
    m_countCheck = m_chain.parameters([this](Result<api::NetworkParameters> parameters) {
        m_countChecking = false;
        if (parameters && m_lastRefresh && parameters->titleCount != m_lastRefresh->titleCount
            && !m_busy)
            refresh();
    });
}

void DiscoverPage::refresh()
{
    m_refreshedOnce = true;
    m_busy = true;
    m_refresh->setEnabled(false);
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Reading the catalog from the network…"));
    m_refreshing = m_catalog.refresh(
        [this](const api::CatalogRefreshProgress& progress) { onRefreshProgress(progress); },
        [this](Result<api::CatalogRefreshSummary> result) { onRefreshDone(std::move(result)); });
}

void DiscoverPage::onRefreshProgress(const api::CatalogRefreshProgress& progress)
{
    switch (progress.stage) {
    case api::CatalogRefreshStage::Syncing:
        m_status->setText(tr("Catching up with the newest verified block…"));
        break;
    case api::CatalogRefreshStage::ReadingTitles:
        m_status->setText(
            tr("Checking titles on the chain: %1 of %2…").arg(progress.done).arg(progress.total));
        break;
    case api::CatalogRefreshStage::FetchingMetadata:
        if (progress.total > 0)
            m_status->setText(tr("Fetching covers and descriptions: %1 of %2…")
                                  .arg(progress.done)
                                  .arg(progress.total));
        break;
    }
}

void DiscoverPage::onRefreshDone(Result<api::CatalogRefreshSummary> result)
{
    m_busy = false;
    m_sinceRefresh.start();
    m_refresh->setEnabled(true);
    if (!result) {
        m_lastRefresh.reset();
        m_status->setStyleSheet(kErrorStyle);
        m_status->setText(tr("The catalog could not be refreshed: %1")
                              .arg(QString::fromStdString(result.error().message)));
        return;
    }
    m_lastRefresh = *result;
    QString text = tr("%n title(s) on the network, proven at block %1.", nullptr,
        static_cast<int>(result->titleCount))
                       .arg(result->provenAtHeight);
    if (result->metadataMissing > 0)
        text += QLatin1Char(' ')
            + tr("%n title(s) still without a description: tried again at the next refresh.",
                nullptr, static_cast<int>(result->metadataMissing));
    m_status->setText(text);
    requery();
}

void DiscoverPage::reloadFilters()
{
    reloadSubjects();
    const QString current = m_author->currentData().toString();
    const QSignalBlocker quiet(m_author);
    m_author->clear();
    m_author->addItem(tr("All authors"));
    if (auto authors = m_catalog.authors())
        for (const api::CatalogAuthor& author : *authors) {
            const QString account = QString::fromStdString(author.account);
            const QString shortAccount = account.left(8) + QStringLiteral("…");
            m_author->addItem(author.names.empty()
                    ? shortAccount
                    : tr("%1 (%2)").arg(QString::fromStdString(author.names), shortAccount),
                account);
        }
    const int again = current.isEmpty() ? 0 : m_author->findData(current);
    m_author->setCurrentIndex(std::max(0, again));
}

void DiscoverPage::reloadSubjects()
{
    const QString current = m_subject->currentData().toString();
    const QSignalBlocker quiet(m_subject);
    m_subject->clear();
    m_subject->addItem(tr("All subjects"));
    if (auto subjects = m_catalog.subjects())
        for (const std::string& subject : *subjects)
            m_subject->addItem(QString::fromStdString(subject), QString::fromStdString(subject));
    const int again = current.isEmpty() ? 0 : m_subject->findData(current);
    m_subject->setCurrentIndex(std::max(0, again));
}

api::CatalogSearch DiscoverPage::currentQuery() const
{
    api::CatalogSearch query;
    query.text = m_search->text().toStdString();
    if (const QString subject = m_subject->currentData().toString(); !subject.isEmpty())
        query.subject = subject.toStdString();
    if (const QString author = m_author->currentData().toString(); !author.isEmpty())
        query.author = author.toStdString();
    if (const QString type = m_mediaType->currentData().toString(); !type.isEmpty())
        query.mediaTypePrefix = type.toStdString();
    if (const QString price = m_price->currentData().toString(); !price.isEmpty())
        query.maxPrice = price.toStdString();
    query.sort = static_cast<api::CatalogSort>(m_sort->currentData().toInt());
    return query;
}

void DiscoverPage::requery()
{
    m_requery->stop();
    const api::CatalogSearch query = currentQuery();
    auto titles = m_catalog.search(query);
    m_model->clear();
    if (!titles) {
        m_empty->setText(tr("The catalog cannot be read: %1")
                             .arg(QString::fromStdString(titles.error().message)));
        m_empty->show();
        return;
    }
    for (const api::CatalogTitle& title : *titles) {
        const QString name = titleText(title);
        auto* item = new QStandardItem(QIcon(coverArt(title.cover, name, kCoverSize)),
            name + QLatin1Char('\n') + pht::formatWithUnit(title.price));
        item->setData(QVariant::fromValue<quint64>(title.titleId), kTitleIdRole);
        QStringList tip { name };
        if (!title.authors.empty())
            tip << QString::fromStdString(title.authors.front());
        item->setToolTip(tip.join(QStringLiteral(" — ")));
        m_model->appendRow(item);
    }
    const bool filtered
        = !query.text.empty() || query.subject || query.mediaTypePrefix || query.maxPrice;
    if (titles->empty())
        m_empty->setText(filtered ? tr("No titles match. Try other words or fewer filters.")
                                  : tr("No titles yet. Refresh to look for new ones."));
    m_empty->setVisible(titles->empty());
}

void DiscoverPage::showTitle(quint64 titleId)
{
    m_details->showTitle(titleId);
    m_pages->setCurrentIndex(DetailsPage);
}

void DiscoverPage::showGrid()
{
    m_pages->setCurrentIndex(GridPage);
}

} // namespace ls::ui
