#include "ui/library/LibraryPage.h"

#include "ui/CoverArt.h"
#include "ui/SectionHeading.h"
#include "ui/library/LibraryText.h"
#include "ui/library/TitleIcons.h"
#include "ui/library/VersionOpener.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPixmap>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <set>

namespace ls::ui {
namespace {

constexpr int kCoverListSize = 48;
constexpr int kCoverDetailSize = 160;

QString joined(const std::vector<std::string>& names)
{
    QStringList list;
    for (const std::string& name : names)
        list << QString::fromStdString(name);
    return list.join(QStringLiteral(", "));
}

QString nameOf(const api::LibraryTitle& title)
{
    return title.title.empty() ? LibraryPage::tr("Title %1").arg(title.titleId)
                               : QString::fromStdString(title.title);
}

const api::LibraryVersion* versionOf(const api::LibraryTitle& title, std::uint32_t number)
{
    for (const api::LibraryVersion& version : title.versions)
        if (version.number == number)
            return &version;
    return nullptr;
}

// Audio and video play from a stream while they download; a book needs the whole file. Until
// the title's metadata has arrived the media type is unknown: the stream's own header tells, and
// the viewer turns a book away with a clear message.
bool mayStream(const api::LibraryTitle& title)
{
    return title.mediaType.empty() || title.mediaType.starts_with("audio/")
        || title.mediaType.starts_with("video/");
}

} // namespace

LibraryPage::LibraryPage(api::Library& library, QWidget* parent)
    : QWidget(parent)
    , m_library(library)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->addWidget(makeSectionHeading(tr("Library"), this));

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("libraryTitles"));
    m_list->setIconSize(QSize(kCoverListSize, kCoverListSize));
    m_icons = new TitleIcons(QSize(kCoverListSize, kCoverListSize), this);
    m_opener = new VersionOpener(m_library, this);
    connect(m_opener, &VersionOpener::openingChanged, this, &LibraryPage::showSelected);
    connect(m_opener, &VersionOpener::failed, this, &LibraryPage::showError);
    connect(m_icons, &TitleIcons::drawn, this, [this](std::uint64_t titleId, const QIcon& icon) {
        if (QListWidgetItem* item = listItem(titleId))
            item->setIcon(icon);
    });
    m_list->setMinimumWidth(300);
    m_empty = new QLabel(tr("Nothing here yet. Titles you buy in Discover or publish in Studio "
                            "appear here."),
        this);
    m_empty->setObjectName(QStringLiteral("libraryEmpty"));
    m_empty->setWordWrap(true);

    auto* columns = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    left->addWidget(m_empty);
    left->addWidget(m_list, 1);
    columns->addLayout(left, 2);
    columns->addWidget(buildDetails(), 3);
    layout->addLayout(columns, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, [this] { showSelected(); });
    connect(m_versions, &QComboBox::currentIndexChanged, this, [this] { showSelected(); });
    connect(m_download, &QPushButton::clicked, this, [this] {
        if (const api::LibraryTitle* title = selectedTitle())
            download(title->titleId, selectedVersion());
    });
    connect(m_open, &QPushButton::clicked, this, &LibraryPage::openSelected);
    connect(m_remove, &QPushButton::clicked, this, &LibraryPage::removeSelected);
    refresh();
}

LibraryPage::~LibraryPage() = default; // the opener closes its viewer

QWidget* LibraryPage::buildDetails()
{
    m_details = new QWidget(this);
    m_details->setObjectName(QStringLiteral("titleDetails"));
    m_cover = new QLabel(m_details);
    m_cover->setObjectName(QStringLiteral("titleCover"));
    m_cover->setFixedSize(kCoverDetailSize, kCoverDetailSize);
    m_cover->setAlignment(Qt::AlignCenter);
    m_name = new QLabel(m_details);
    m_name->setObjectName(QStringLiteral("titleName"));
    m_name->setStyleSheet(QStringLiteral("font-size: 18pt; font-weight: 600;"));
    m_name->setWordWrap(true);
    m_authors = new QLabel(m_details);
    m_authors->setObjectName(QStringLiteral("titleAuthors"));
    m_blurb = new QLabel(m_details);
    m_blurb->setWordWrap(true);
    m_versions = new QComboBox(m_details);
    m_versions->setObjectName(QStringLiteral("versionChoice"));
    m_state = new QLabel(m_details);
    m_state->setObjectName(QStringLiteral("downloadState"));
    m_progress = new QProgressBar(m_details);
    m_progress->setObjectName(QStringLiteral("downloadProgress"));
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_download = new QPushButton(tr("Download"), m_details);
    m_download->setObjectName(QStringLiteral("downloadButton"));
    m_open = new QPushButton(tr("Open"), m_details);
    m_open->setObjectName(QStringLiteral("openButton"));
    m_remove = new QPushButton(tr("Remove local copy"), m_details);
    m_remove->setObjectName(QStringLiteral("removeButton"));
    m_remove->setToolTip(tr("Deletes the file on this computer. You keep the licence and can "
                            "download the title again at any time."));
    m_error = new QLabel(m_details);
    m_error->setObjectName(QStringLiteral("libraryError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c0392b;"));
    m_error->hide();

    auto* header = new QHBoxLayout;
    header->addWidget(m_cover, 0, Qt::AlignTop);
    auto* text = new QVBoxLayout;
    text->addWidget(m_name);
    text->addWidget(m_authors);
    text->addWidget(m_blurb);
    text->addStretch(1);
    header->addLayout(text, 1);
    auto* versionRow = new QHBoxLayout;
    versionRow->addWidget(new QLabel(tr("Version"), m_details));
    versionRow->addWidget(m_versions, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_download);
    buttons->addWidget(m_open);
    buttons->addWidget(m_remove);
    buttons->addStretch(1);
    auto* layout = new QVBoxLayout(m_details);
    layout->addLayout(header);
    layout->addLayout(versionRow);
    layout->addWidget(m_state);
    layout->addWidget(m_progress);
    layout->addLayout(buttons);
    layout->addWidget(m_error);
    layout->addStretch(1);
    return m_details;
}

void LibraryPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    refresh(); // titles published or bought meanwhile (Studio, Discover, the CLI)
}

void LibraryPage::refresh()
{
    auto titles = m_library.titles();
    if (!titles)
        return showError(QString::fromStdString(titles.error().message));
    m_titles = std::move(*titles);
    // Titles on their way in (bought, not yet recorded) show as placeholders.
    for (const auto& [titleId, fetch] : m_fetches) {
        const bool known = std::any_of(m_titles.begin(), m_titles.end(),
            [id = titleId](const auto& title) { return title.titleId == id; });
        if (!known) {
            api::LibraryTitle pending;
            pending.titleId = titleId;
            m_titles.insert(m_titles.begin(), std::move(pending));
        }
    }
    fillList();
}

void LibraryPage::fillList()
{
    const api::LibraryTitle* current = selectedTitle();
    const std::uint64_t keep = current ? current->titleId : 0;
    QSignalBlocker blocker(m_list);
    m_list->clear();
    int keepRow = m_titles.empty() ? -1 : 0;
    m_rows.clear();
    std::set<std::uint64_t> listed;
    for (std::size_t i = 0; i < m_titles.size(); ++i) {
        const api::LibraryTitle& title = m_titles[i];
        m_rows[title.titleId] = static_cast<int>(i);
        listed.insert(title.titleId);
        auto* item = new QListWidgetItem(listIcon(title), listText(title));
        item->setData(Qt::UserRole, QVariant::fromValue<qulonglong>(title.titleId));
        m_list->addItem(item);
        if (title.titleId == keep)
            keepRow = static_cast<int>(i);
    }
    m_icons->keepOnly(listed);
    m_list->setCurrentRow(keepRow);
    m_empty->setVisible(m_titles.empty());
    m_list->setVisible(!m_titles.empty());
    blocker.unblock();
    showSelected();
}

QString LibraryPage::listText(const api::LibraryTitle& title) const
{
    const std::uint32_t newest = title.versions.empty() ? 0 : title.versions.back().number;
    QString second = joined(title.authors);
    const QString state = stateText(title, newest);
    if (!state.isEmpty())
        second += (second.isEmpty() ? QString() : QStringLiteral(" · ")) + state;
    return nameOf(title) + u'\n' + second;
}

QIcon LibraryPage::listIcon(const api::LibraryTitle& title)
{
    // Drawn again only when what it shows changes: the metadata document, or its arrival (until
    // then the card says "Title N").
    const std::string source
        = title.metadataInfohash + '/' + title.title + '/' + std::to_string(title.cover.size());
    return m_icons->icon(title.titleId, source, title.cover, nameOf(title));
}

QListWidgetItem* LibraryPage::listItem(std::uint64_t titleId) const
{
    const auto row = m_rows.find(titleId);
    return row == m_rows.end() ? nullptr : m_list->item(row->second);
}

void LibraryPage::updateListText(std::uint64_t titleId)
{
    const auto row = m_rows.find(titleId);
    if (QListWidgetItem* item = listItem(titleId); item && row != m_rows.end())
        item->setText(listText(m_titles[static_cast<std::size_t>(row->second)]));
}

const api::LibraryTitle* LibraryPage::selectedTitle() const
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= static_cast<int>(m_titles.size()))
        return nullptr;
    return &m_titles[static_cast<std::size_t>(row)];
}

std::optional<std::uint32_t> LibraryPage::selectedVersion() const
{
    if (m_versions->currentIndex() < 0)
        return std::nullopt;
    return m_versions->currentData().toUInt();
}

void LibraryPage::select(std::uint64_t titleId)
{
    for (int row = 0; row < m_list->count(); ++row)
        if (m_list->item(row)->data(Qt::UserRole).toULongLong() == titleId)
            m_list->setCurrentRow(row);
}

bool LibraryPage::playsWhileDownloading(const api::LibraryTitle& title, std::uint32_t number) const
{
    // Audio and video play while this page's fetch downloads them, once the key is here and the
    // torrent's layout is known (FetchProgress::streamable); a book opens when it is complete.
    const auto fetch = m_fetches.find(title.titleId);
    if (fetch == m_fetches.end() || !mayStream(title))
        return false;
    const api::FetchProgress& progress = fetch->second.progress;
    const std::uint32_t newest = title.versions.empty() ? 0 : title.versions.back().number;
    return progress.streamable && progress.stage != api::FetchStage::Done
        && fetch->second.version.value_or(newest) == number;
}

QString LibraryPage::stateText(const api::LibraryTitle& title, std::uint32_t number) const
{
    if (auto fetch = m_fetches.find(title.titleId); fetch != m_fetches.end()
        && (!fetch->second.version || *fetch->second.version == number || number == 0)
        && fetch->second.progress.stage != api::FetchStage::Done)
        return librarytext::fetchStage(fetch->second.progress);
    const api::LibraryVersion* version = versionOf(title, number);
    return version ? librarytext::downloadState(*version) : QString();
}

void LibraryPage::showSelected()
{
    const api::LibraryTitle* title = selectedTitle();
    m_details->setVisible(title != nullptr);
    if (!title)
        return;
    m_name->setText(nameOf(*title));
    m_authors->setText(joined(title->authors));
    m_blurb->setText(QString::fromStdString(title->blurb));
    m_cover->setPixmap(
        coverArt(title->cover, nameOf(*title), QSize(kCoverDetailSize, kCoverDetailSize)));

    // The versions, newest first; the choice survives a refresh.
    const auto chosen = selectedVersion();
    {
        QSignalBlocker blocker(m_versions);
        m_versions->clear();
        for (auto it = title->versions.rbegin(); it != title->versions.rend(); ++it) {
            QString label = it == title->versions.rbegin()
                ? tr("Version %1 (latest)").arg(it->number)
                : tr("Version %1").arg(it->number);
            if (!it->note.empty())
                label += QStringLiteral(" — ") + QString::fromStdString(it->note);
            m_versions->addItem(label, it->number);
        }
        const int index = chosen ? m_versions->findData(*chosen) : -1;
        m_versions->setCurrentIndex(index >= 0 ? index : 0);
    }
    const std::uint32_t number = selectedVersion().value_or(0);
    const api::LibraryVersion* version = versionOf(*title, number);
    auto fetch = m_fetches.find(title->titleId);
    const bool fetching = fetch != m_fetches.end();
    const bool complete = version && version->download == api::DownloadState::Complete;
    // A stream opening for this title and version (another title's does not show here).
    const bool openingHere = m_opener->isOpening(title->titleId, number);
    m_state->setText(openingHere ? tr("Opening the stream…") : stateText(*title, number));
    double fraction = complete ? 1.0 : 0.0;
    if (fetching && fetch->second.progress.bytesTotal > 0)
        fraction
            = double(fetch->second.progress.bytesDone) / double(fetch->second.progress.bytesTotal);
    else if (version && version->size > 0 && version->download == api::DownloadState::Downloading)
        fraction = double(version->bytesVerified) / double(version->size);
    m_progress->setValue(static_cast<int>(fraction * 1000));
    m_progress->setVisible(
        fetching || (version && version->download == api::DownloadState::Downloading));
    m_download->setVisible(!complete);
    m_download->setEnabled(!fetching);
    const bool streamable = !complete && playsWhileDownloading(*title, number);
    m_open->setToolTip(streamable
            ? tr("Plays while it downloads: the Player first buffers what it needs.")
            : QString());
    m_open->setEnabled(((complete && !fetching) || streamable) && !openingHere);
    m_remove->setEnabled(version
        && (version->download == api::DownloadState::Complete
            || version->download == api::DownloadState::Downloading)
        && !fetching);
}

void LibraryPage::download(std::uint64_t titleId, std::optional<std::uint32_t> version)
{
    if (m_fetches.contains(titleId))
        return;
    m_error->hide();
    Fetch& fetch = m_fetches[titleId];
    fetch.version = version;
    fetch.handle = m_library.fetch(
        titleId, version,
        [this, titleId](const api::FetchProgress& progress) { onFetchProgress(titleId, progress); },
        [this, titleId](Result<api::FetchedVersion> result) { onFetchDone(titleId, result); });
    refresh();
    select(titleId);
}

void LibraryPage::onFetchProgress(std::uint64_t titleId, const api::FetchProgress& progress)
{
    auto fetch = m_fetches.find(titleId);
    if (fetch == m_fetches.end())
        return;
    const bool newStage = fetch->second.progress.stage != progress.stage;
    const bool described = progress.described && !fetch->second.progress.described;
    fetch->second.progress = progress;
    if (newStage || described) {
        refresh(); // past Checking the title is in the library; its name and cover come later
        return;
    }
    // A progress tick changes one line and, when it is the selected title, the details.
    updateListText(titleId);
    if (const api::LibraryTitle* selected = selectedTitle();
        selected && selected->titleId == titleId)
        showSelected();
}

void LibraryPage::onFetchDone(std::uint64_t titleId, const Result<api::FetchedVersion>& result)
{
    // The handle is released after this callback returns: move it out, then drop the entry.
    auto node = m_fetches.extract(titleId);
    refresh();
    if (!result)
        showError(
            tr("The download stopped: %1").arg(QString::fromStdString(result.error().message)));
}

void LibraryPage::openSelected()
{
    const api::LibraryTitle* title = selectedTitle();
    const auto version = selectedVersion();
    if (title && version)
        openVersion(*title, *version);
}

void LibraryPage::open(std::uint64_t titleId, std::uint32_t version)
{
    refresh();
    select(titleId);
    const api::LibraryTitle* title = selectedTitle();
    if (!title || title->titleId != titleId)
        return showError(tr("Title %1 is not in your library.").arg(titleId));
    openVersion(*title, version);
}

void LibraryPage::openVersion(const api::LibraryTitle& title, std::uint32_t version)
{
    const api::LibraryVersion* stored = versionOf(title, version);
    const bool complete = stored && stored->download == api::DownloadState::Complete;
    m_error->hide();
    // Still downloading: played from the swarm. Anything else opens the copy (and a removed
    // one says to download it again).
    m_opener->open(
        title.titleId, version, nameOf(title), !complete && playsWhileDownloading(title, version));
}

void LibraryPage::removeSelected()
{
    const api::LibraryTitle* title = selectedTitle();
    const auto version = selectedVersion();
    if (!title || !version)
        return;
    if (QWidget* viewer = m_opener->viewer())
        viewer->close(); // it may be reading the file that goes
    auto removed = m_library.removeLocalCopy(title->titleId, *version);
    refresh();
    if (!removed)
        showError(QString::fromStdString(removed.error().message));
}

void LibraryPage::showError(const QString& message)
{
    m_error->setText(message);
    m_error->show();
}

QWidget* LibraryPage::viewer() const
{
    return m_opener->viewer();
}

int LibraryPage::iconsPending() const
{
    return m_icons->pending();
}

QString LibraryPage::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

} // namespace ls::ui
