#include "ui/discover/TitleDetailsPage.h"

#include "ui/CoverArt.h"
#include "ui/PhtAmount.h"
#include "ui/discover/BuyDialog.h"
#include "ui/discover/SampleViewer.h"

#include <QDateTime>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include <algorithm>

namespace ls::ui {
namespace {

const QString kErrorStyle = QStringLiteral("color: #b3261e;");
const QSize kCoverSize(220, 300);

QLabel* textLabel(const QString& name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

QString date(std::uint64_t ms)
{
    return QLocale().toString(
        QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(ms)).date(), QLocale::ShortFormat);
}

QString joined(const std::vector<std::string>& parts)
{
    QStringList out;
    for (const std::string& part : parts)
        out << QString::fromStdString(part);
    return out.join(QStringLiteral(", "));
}

} // namespace

TitleDetailsPage::TitleDetailsPage(api::Catalog& catalog, api::Chain& chain, api::Market& market,
    api::Library& library, api::Wallet& wallet, QWidget* parent)
    : QWidget(parent)
    , m_catalog(catalog)
    , m_chain(chain)
    , m_market(market)
    , m_library(library)
    , m_wallet(wallet)
{
    setObjectName(QStringLiteral("titleDetailsPage"));
    auto* back = new QPushButton(tr("← All titles"), this);
    back->setObjectName(QStringLiteral("titleBack"));
    back->setFlat(true);
    connect(back, &QPushButton::clicked, this, &TitleDetailsPage::backRequested);

    auto* body = new QWidget;
    m_cover = new QLabel(body);
    m_cover->setObjectName(QStringLiteral("titleCover"));
    m_cover->setFixedSize(kCoverSize);
    m_cover->setAlignment(Qt::AlignCenter);
    m_name = textLabel(QStringLiteral("titleName"), body);
    QFont large = m_name->font();
    large.setPointSizeF(large.pointSizeF() * 1.6);
    large.setBold(true);
    m_name->setFont(large);
    m_authors = textLabel(QStringLiteral("titleAuthors"), body);
    m_authorAddress = textLabel(QStringLiteral("titleAuthorAddress"), body);
    m_authorAddress->setForegroundRole(QPalette::PlaceholderText);
    m_price = textLabel(QStringLiteral("titlePrice"), body);
    QFont bold = m_price->font();
    bold.setBold(true);
    m_price->setFont(bold);
    m_buy = new QPushButton(tr("Buy"), body);
    m_buy->setObjectName(QStringLiteral("titleBuy"));
    m_open = new QPushButton(tr("Open"), body);
    m_open->setObjectName(QStringLiteral("titleOpen"));
    m_sample = new QPushButton(body);
    m_sample->setObjectName(QStringLiteral("titleSample"));
    m_owned = textLabel(QStringLiteral("titleOwned"), body);
    m_status = textLabel(QStringLiteral("titleStatus"), body);
    m_blurb = textLabel(QStringLiteral("titleBlurb"), body);
    m_product = textLabel(QStringLiteral("titleProductDetails"), body);
    m_product->setTextFormat(Qt::PlainText);
    m_provenAt = textLabel(QStringLiteral("titleProvenAt"), body);
    m_provenAt->setForegroundRole(QPalette::PlaceholderText);
    m_contents = new QListWidget(body);
    m_contents->setObjectName(QStringLiteral("titleContents"));
    m_versions = new QListWidget(body);
    m_versions->setObjectName(QStringLiteral("titleVersions"));
    for (QListWidget* list : { m_contents, m_versions })
        list->setMaximumHeight(160);

    auto* actions = new QHBoxLayout;
    actions->addWidget(m_buy);
    actions->addWidget(m_open);
    actions->addWidget(m_sample);
    actions->addWidget(m_owned, 1);
    auto* summary = new QVBoxLayout;
    summary->addWidget(m_name);
    summary->addWidget(m_authors);
    summary->addWidget(m_authorAddress);
    summary->addSpacing(8);
    summary->addWidget(m_price);
    summary->addLayout(actions);
    summary->addWidget(m_status);
    summary->addStretch(1);
    auto* top = new QHBoxLayout;
    top->addWidget(m_cover, 0, Qt::AlignTop);
    top->addSpacing(16);
    top->addLayout(summary, 1);

    auto* layout = new QVBoxLayout(body);
    layout->addLayout(top);
    layout->addWidget(m_blurb);
    layout->addWidget(new QLabel(tr("Product details"), body));
    layout->addWidget(m_product);
    layout->addWidget(new QLabel(tr("Contents"), body));
    layout->addWidget(m_contents);
    layout->addWidget(new QLabel(tr("Versions"), body));
    layout->addWidget(m_versions);
    layout->addWidget(m_provenAt);
    layout->addStretch(1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(body);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(back, 0, Qt::AlignLeft);
    outer->addWidget(scroll, 1);

    // A title opened before its description arrived fills in when the catalog gets it.
    m_catalogChanges = m_catalog.subscribe([this] {
        if (m_titleId && m_details && !m_details->summary.hasMetadata)
            m_reading = m_catalog.details(*m_titleId, [this](Result<api::CatalogTitleDetails> d) {
                if (d)
                    onDetails(std::move(d));
            });
    });
    connect(m_buy, &QPushButton::clicked, this, &TitleDetailsPage::buy);
    connect(m_sample, &QPushButton::clicked, this, &TitleDetailsPage::openSample);
    connect(m_open, &QPushButton::clicked, this, [this] {
        if (m_titleId && m_openVersion > 0)
            Q_EMIT openRequested(*m_titleId, m_openVersion);
    });
}

TitleDetailsPage::~TitleDetailsPage() = default;

void TitleDetailsPage::showTitle(quint64 titleId)
{
    m_titleId = titleId;
    m_details.reset();
    m_name->setText(tr("Title %1").arg(titleId));
    for (QLabel* label :
        { m_authors, m_authorAddress, m_price, m_blurb, m_product, m_provenAt, m_owned })
        label->clear();
    m_cover->clear();
    m_contents->clear();
    m_versions->clear();
    m_buy->hide();
    m_open->hide();
    m_sample->hide();
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Reading the title from the chain…"));
    m_reading = m_catalog.details(titleId,
        [this](Result<api::CatalogTitleDetails> details) { onDetails(std::move(details)); });
}

void TitleDetailsPage::onDetails(Result<api::CatalogTitleDetails> details)
{
    if (!details) {
        m_status->setStyleSheet(kErrorStyle);
        m_status->setText(details.error().kind == ErrorKind::NotFound
                ? tr("This title does not exist on the chain.")
                : tr("Cannot read the title from the network: %1")
                      .arg(QString::fromStdString(details.error().message)));
        return;
    }
    m_details = std::move(*details);
    const api::CatalogTitle& title = m_details->summary;
    const QString name = title.title.empty() ? tr("Title %1").arg(title.titleId)
                                             : QString::fromStdString(title.title);
    m_name->setText(name);
    m_cover->setPixmap(coverArt(title.cover, name, kCoverSize));
    m_authors->setText(title.authors.empty() ? QString() : tr("by %1").arg(joined(title.authors)));
    m_authorAddress->setText(tr("Published by %1").arg(QString::fromStdString(title.author)));
    m_price->setText(pht::formatWithUnit(title.price));
    m_blurb->setText(title.hasMetadata
            ? QString::fromStdString(m_details->blurb)
            : tr("The description has not arrived from the network yet."));

    const QLocale locale;
    QStringList product;
    if (!title.mediaType.empty())
        product << tr("Format: %1").arg(QString::fromStdString(title.mediaType));
    if (m_details->contentSize > 0)
        product << tr("Size: %1")
                       .arg(locale.formattedDataSize(static_cast<qint64>(m_details->contentSize)));
    if (!title.subject.empty())
        product << tr("Subject: %1").arg(QString::fromStdString(title.subject));
    product << tr("Published: %1").arg(date(title.publishedAtMs));
    product << tr("Sold: %n time(s)", nullptr, static_cast<int>(title.salesCount));
    if (!m_details->fileName.empty())
        product << tr("File: %1").arg(QString::fromStdString(m_details->fileName));
    product << tr("Title id: %1").arg(title.titleId);
    m_product->setText(product.join(QLatin1Char('\n')));

    for (const std::string& entry : m_details->contents)
        m_contents->addItem(QString::fromStdString(entry));
    if (m_details->contents.empty())
        m_contents->addItem(tr("No table of contents."));
    for (const api::CatalogVersion& version : m_details->versions) {
        QString line = tr("Version %1 · %2 · %3")
                           .arg(version.number)
                           .arg(date(version.addedAtMs),
                               locale.formattedDataSize(static_cast<qint64>(version.size)));
        if (!version.note.empty())
            line += QStringLiteral(" — ") + QString::fromStdString(version.note);
        m_versions->addItem(line);
    }
    m_sample->setVisible(m_details->hasSample());
    m_sample->setText(
        m_details->sampleMediaType == "application/pdf" ? tr("Read sample") : tr("Play sample"));
    m_provenAt->setText(
        tr("Price, sales and versions proven at block %1.").arg(m_details->proof.height));
    m_status->clear();
    showOwnership();
}

void TitleDetailsPage::showOwnership()
{
    if (!m_details)
        return;
    const api::CatalogTitle& title = m_details->summary;
    m_openVersion = 0;
    bool owned = false;
    if (auto titles = m_library.titles()) {
        auto found = std::find_if(titles->begin(), titles->end(),
            [&](const api::LibraryTitle& t) { return t.titleId == title.titleId; });
        if (found != titles->end()) {
            owned = true;
            for (const api::LibraryVersion& version : found->versions)
                if (version.download == api::DownloadState::Complete)
                    m_openVersion = std::max(m_openVersion, version.number);
        }
    }
    const bool mine = m_wallet.address() && *m_wallet.address() == title.author;
    m_buy->setVisible(!owned && !mine);
    m_buy->setEnabled(title.listed && title.versionCount > 0);
    m_open->setVisible(owned || mine);
    m_open->setEnabled(m_openVersion > 0);
    if (mine)
        m_owned->setText(tr("You published this title."));
    else if (owned)
        m_owned->setText(m_openVersion > 0
                ? tr("In your library.")
                : tr("In your library; download it from the Library to open it."));
    else if (!title.listed)
        m_owned->setText(tr("Not for sale at the moment."));
    else if (title.versionCount == 0)
        m_owned->setText(tr("No content yet."));
    else
        m_owned->clear();
}

void TitleDetailsPage::buy()
{
    if (!m_details || m_buyDialog)
        return;
    auto* dialog = new BuyDialog(m_chain, m_market, m_library, m_wallet, *m_details, this);
    m_buyDialog = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &BuyDialog::purchased, this,
        [this](quint64 titleId) { Q_EMIT purchased(titleId); });
    connect(dialog, &BuyDialog::openRequested, this, &TitleDetailsPage::openRequested);
    connect(dialog, &QDialog::finished, this, [this] {
        showOwnership();
        if (m_titleId) // the sales count and the library changed
            m_reading = m_catalog.details(*m_titleId, [this](Result<api::CatalogTitleDetails> d) {
                if (d)
                    onDetails(std::move(d));
            });
    });
    dialog->open();
}

void TitleDetailsPage::openSample()
{
    if (!m_details || !m_details->hasSample())
        return;
    // The same sample again is the window already open.
    if (m_sampleViewer && m_sampleTitleId == m_details->summary.titleId) {
        m_sampleViewer->raise();
        m_sampleViewer->activateWindow();
        return;
    }
    // From the index: at most 768 KiB, read at once like the covers of the grid.
    auto sample = m_catalog.sample(m_details->summary.titleId);
    QString error;
    QWidget* viewer
        = sample ? openSampleViewer(std::move(*sample), m_name->text(), &error) : nullptr;
    if (!sample)
        error = QString::fromStdString(sample.error().message);
    if (!viewer) {
        m_status->setStyleSheet(kErrorStyle);
        m_status->setText(tr("Cannot open the sample: %1").arg(error));
        return;
    }
    m_status->setStyleSheet(QString());
    m_status->clear();
    m_sampleViewer = viewer;
    m_sampleTitleId = m_details->summary.titleId;
}

} // namespace ls::ui
