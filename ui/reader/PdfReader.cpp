#include "ui/reader/PdfReader.h"

#include "ui/reader/PdfBookmarksPanel.h"
#include "ui/reader/PdfContentsPanel.h"
#include "ui/reader/PdfPageView.h"
#include "ui/reader/PdfReaderToolbar.h"
#include "ui/reader/PdfSearchPanel.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPdfDocument>
#include <QScopedValueRollback>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <array>

namespace ls::ui {
namespace {

constexpr std::array kZoomSteps
    = { 0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0 };
constexpr qreal kZoomTolerance = 0.005;
constexpr int kSidePanelWidth = 250;

QString problemText(QPdfDocument::Error error)
{
    using Error = QPdfDocument::Error;
    switch (error) {
    case Error::InvalidFileFormat:
        return PdfReader::tr("This title is not a PDF the reader can open, or it is damaged.");
    case Error::IncorrectPassword:
    case Error::UnsupportedSecurityScheme:
        return PdfReader::tr("This PDF is locked with a password, which the reader cannot open.");
    case Error::DataNotYetAvailable:
        return PdfReader::tr("This PDF has not been fully downloaded yet.");
    default:
        return PdfReader::tr("This PDF cannot be opened.");
    }
}

} // namespace

PdfReader::PdfReader(QWidget* parent)
    : QWidget(parent)
    , m_document(new QPdfDocument(this))
{
    setObjectName(QStringLiteral("pdfReader"));
    setWindowTitle(tr("Reader"));
    resize(1000, 760);
    m_toolbar = new PdfReaderToolbar(this);
    addActions(m_toolbar->shortcutActions()); // the keys work wherever the focus is in here
    m_view = new PdfPageView(this);
    m_contents = new PdfContentsPanel(this);
    m_search = new PdfSearchPanel(this);
    m_bookmarkPanel = new PdfBookmarksPanel(this);

    m_side = new QTabWidget(this);
    m_side->setObjectName(QStringLiteral("readerSidePanel"));
    m_side->setDocumentMode(true);
    m_side->addTab(m_contents, tr("Contents"));
    m_side->addTab(m_search, tr("Search"));
    m_side->addTab(m_bookmarkPanel, tr("Bookmarks"));
    m_side->setMinimumWidth(180);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("readerMessage"));
    m_message->setAlignment(Qt::AlignCenter);
    m_message->setWordWrap(true);
    m_message->setMargin(32);
    m_body = new QStackedWidget(this);
    m_body->addWidget(m_view);
    m_body->addWidget(m_message);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_side);
    splitter->addWidget(m_body);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ kSidePanelWidth, width() - kSidePanelWidth });
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolbar);
    layout->addWidget(splitter, 1);

    connectToolbar();
    connect(m_document, &QPdfDocument::statusChanged, this, &PdfReader::onStatus);
    connect(m_view, &PdfPageView::nextPageRequested, this, &PdfReader::nextPage);
    connect(m_view, &PdfPageView::previousPageRequested, this, &PdfReader::previousPage);
    connect(m_view, &PdfPageView::zoomStepRequested, this,
        [this](int steps) { steps > 0 ? zoomIn() : zoomOut(); });
    connect(m_view, &PdfPageView::effectiveZoomChanged, m_toolbar, &PdfReaderToolbar::showZoom);
    connect(m_contents, &PdfContentsPanel::pageActivated, this, &PdfReader::goToPage);
    connect(m_bookmarkPanel, &PdfBookmarksPanel::pageActivated, this, &PdfReader::goToPage);
    connect(m_bookmarkPanel, &PdfBookmarksPanel::removeRequested, this, [this](int page) {
        m_bookmarks.removeIf([page](const ReaderBookmark& b) { return b.page == page; });
        showBookmarks();
        Q_EMIT bookmarksChanged(m_bookmarks);
    });
    connect(m_search, &PdfSearchPanel::matchesChanged, this, [this] { refreshMatches(false); });
    connect(m_search, &PdfSearchPanel::matchChosen, this, [this](int page) {
        goToPage(page);
        refreshMatches(true);
    });

    // Pages follow the theme until the reader chooses.
    setDarkPages(palette().color(QPalette::Window).lightness() < 128);
    showBookmarks();
    closeDocument();
}

PdfReader::~PdfReader()
{
    finishVisit(); // the last page counts too
}

void PdfReader::connectToolbar()
{
    connect(m_toolbar->toggleSide, &QAction::toggled, m_side, &QWidget::setVisible);
    connect(m_toolbar->previous, &QAction::triggered, this, &PdfReader::previousPage);
    connect(m_toolbar->next, &QAction::triggered, this, &PdfReader::nextPage);
    connect(m_toolbar->firstPage, &QAction::triggered, this, [this] { goToPage(0); });
    connect(m_toolbar->lastPage, &QAction::triggered, this, [this] { goToPage(pageCount() - 1); });
    connect(m_toolbar->pageNumber, &QSpinBox::valueChanged, this,
        [this](int number) { goToPage(number - 1); });
    connect(m_toolbar->goToPage, &QAction::triggered, this, [this] {
        m_toolbar->pageNumber->setFocus();
        m_toolbar->pageNumber->selectAll();
    });
    connect(m_toolbar->zoomIn, &QAction::triggered, this, &PdfReader::zoomIn);
    connect(m_toolbar->zoomOut, &QAction::triggered, this, &PdfReader::zoomOut);
    connect(
        m_toolbar->fitWidth, &QAction::triggered, this, [this] { setZoom(ZoomMode::FitWidth); });
    connect(m_toolbar->fitPage, &QAction::triggered, this, [this] { setZoom(ZoomMode::FitPage); });
    connect(m_toolbar->bookmark, &QAction::triggered, this, &PdfReader::toggleBookmark);
    connect(m_toolbar->darkPages, &QAction::toggled, this, &PdfReader::setDarkPages);
    connect(m_toolbar->find, &QAction::triggered, this, [this] {
        m_toolbar->searchField->setFocus();
        m_toolbar->searchField->selectAll();
    });
    connect(m_toolbar->findNext, &QAction::triggered, m_search, &PdfSearchPanel::next);
    connect(m_toolbar->findPrevious, &QAction::triggered, m_search, &PdfSearchPanel::previous);
    connect(m_toolbar, &PdfReaderToolbar::searchRequested, this, &PdfReader::search);
    connect(m_toolbar, &PdfReaderToolbar::searchCleared, m_search, &PdfSearchPanel::clear);
    connect(m_toolbar, &PdfReaderToolbar::searchDismissed, m_view, [this] { m_view->setFocus(); });
}

void PdfReader::open(QIODevice* device, const QString& title)
{
    closeDocument();
    setWindowTitle(title.isEmpty() ? tr("Reader") : title);
    m_message->setText(tr("Opening…"));
    m_document->load(device);
    onStatus(); // a buffer or a file is read at once, and that is not reported as a change
}

void PdfReader::closeDocument()
{
    finishVisit();
    m_ready = false;
    m_problem.clear();
    m_search->setDocument(nullptr);
    m_contents->setDocument(nullptr);
    m_view->setDocument(nullptr);
    m_document->close();
    m_toolbar->searchField->clear();
    m_toolbar->showPage(0, 0);
    m_toolbar->setDocumentActionsEnabled(false);
    m_message->setText(tr("No document is open."));
    m_body->setCurrentWidget(m_message);
}

int PdfReader::pageCount() const
{
    return m_ready ? m_document->pageCount() : 0;
}

QString PdfReader::errorText() const
{
    return m_problem;
}

void PdfReader::onStatus()
{
    const auto status = m_document->status();
    if (status == QPdfDocument::Status::Ready && !m_ready)
        becomeReady();
    else if (status == QPdfDocument::Status::Error && m_problem.isEmpty())
        showProblem(problemText(m_document->error()));
}

void PdfReader::becomeReady()
{
    m_ready = true;
    m_view->setDocument(m_document);
    m_contents->setDocument(m_document);
    m_search->setDocument(m_document);
    m_toolbar->setDocumentActionsEnabled(true);
    m_view->setZoom(m_position.zoomMode, m_position.zoomFactor);
    const int page = std::clamp(m_position.page, 0, pageCount() - 1);
    m_view->setPage(page);
    showPage(page);
    m_body->setCurrentWidget(m_view);
    m_view->setFocus();
    m_reported = position();
    if (isVisible())
        m_pageTimer.start(page);
    Q_EMIT ready(pageCount());
}

void PdfReader::showProblem(const QString& message)
{
    m_problem = message;
    m_message->setText(message);
    m_body->setCurrentWidget(m_message);
    m_toolbar->setDocumentActionsEnabled(false);
    Q_EMIT failed(message);
}

void PdfReader::setPosition(const ReaderPosition& position)
{
    m_position = position;
    if (!m_ready)
        return;
    const QScopedValueRollback applying(m_applyingPosition, true); // given, not chosen here
    m_view->setZoom(position.zoomMode, position.zoomFactor);
    goToPage(position.page);
    m_reported = this->position();
}

ReaderPosition PdfReader::position() const
{
    if (!m_ready)
        return m_position;
    const ZoomMode mode = m_view->zoomMode();
    return { m_view->page(), mode, mode == ZoomMode::Custom ? m_view->zoomFactor() : 1.0 };
}

int PdfReader::currentPage() const
{
    return m_ready ? m_view->page() : m_position.page;
}

void PdfReader::goToPage(int page)
{
    if (!m_ready)
        return;
    page = std::clamp(page, 0, pageCount() - 1);
    if (page != m_view->page()) {
        finishVisit();
        m_view->setPage(page);
        if (isVisible())
            m_pageTimer.start(page);
    }
    showPage(page);
    refreshMatches(false);
    reportPosition();
}

void PdfReader::nextPage()
{
    goToPage(currentPage() + 1);
}

void PdfReader::previousPage()
{
    goToPage(currentPage() - 1);
}

void PdfReader::zoomIn()
{
    const qreal now = m_view->effectiveZoom();
    const auto step = std::find_if(
        kZoomSteps.begin(), kZoomSteps.end(), [now](qreal z) { return z > now + kZoomTolerance; });
    setZoom(ZoomMode::Custom, step == kZoomSteps.end() ? kZoomSteps.back() : *step);
}

void PdfReader::zoomOut()
{
    const qreal now = m_view->effectiveZoom();
    const auto step = std::find_if(kZoomSteps.rbegin(), kZoomSteps.rend(),
        [now](qreal z) { return z < now - kZoomTolerance; });
    setZoom(ZoomMode::Custom, step == kZoomSteps.rend() ? kZoomSteps.front() : *step);
}

void PdfReader::setZoom(ZoomMode mode, qreal factor)
{
    if (!m_ready) {
        m_position.zoomMode = mode;
        m_position.zoomFactor = factor;
        return;
    }
    m_view->setZoom(mode, factor);
    showPage(currentPage());
    refreshMatches(false);
    reportPosition();
}

void PdfReader::showPage(int page)
{
    m_toolbar->showPage(page, pageCount());
    m_toolbar->fitWidth->setChecked(m_view->zoomMode() == ZoomMode::FitWidth);
    m_toolbar->fitPage->setChecked(m_view->zoomMode() == ZoomMode::FitPage);
    m_toolbar->bookmark->setChecked(std::ranges::any_of(
        m_bookmarks, [page](const ReaderBookmark& b) { return b.page == page; }));
    m_contents->showPage(page);
}

void PdfReader::refreshMatches(bool reveal)
{
    const int page = currentPage();
    m_view->setMatches(m_search->matchesOnPage(page), m_search->currentMatchOnPage(page), reveal);
}

void PdfReader::reportPosition()
{
    const ReaderPosition now = position();
    if (m_applyingPosition || now == m_reported)
        return;
    m_reported = now;
    Q_EMIT positionChanged(now);
}

void PdfReader::search(const QString& text)
{
    if (!m_ready)
        return;
    if (m_toolbar->searchField->text() != text) {
        const QSignalBlocker quiet(m_toolbar->searchField);
        m_toolbar->searchField->setText(text);
    }
    m_toolbar->toggleSide->setChecked(true);
    m_side->setCurrentWidget(m_search);
    m_search->search(text, currentPage());
}

void PdfReader::setBookmarks(ReaderBookmarks bookmarks)
{
    std::ranges::sort(bookmarks, {}, &ReaderBookmark::page);
    const auto [first, last] = std::ranges::unique(bookmarks, {}, &ReaderBookmark::page);
    bookmarks.erase(first, last);
    m_bookmarks = std::move(bookmarks);
    showBookmarks();
}

void PdfReader::toggleBookmark()
{
    if (!m_ready)
        return;
    const int page = currentPage();
    const auto at = std::ranges::lower_bound(m_bookmarks, page, {}, &ReaderBookmark::page);
    if (at != m_bookmarks.end() && at->page == page)
        m_bookmarks.erase(at);
    else
        m_bookmarks.insert(at, { page, m_contents->titleForPage(page) });
    showBookmarks();
    Q_EMIT bookmarksChanged(m_bookmarks);
}

void PdfReader::showBookmarks()
{
    m_bookmarkPanel->setBookmarks(m_bookmarks);
    showPage(currentPage());
}

void PdfReader::setDarkPages(bool dark)
{
    m_view->setDarkPages(dark);
    m_toolbar->darkPages->setChecked(dark);
}

bool PdfReader::darkPages() const
{
    return m_view->darkPages();
}

void PdfReader::setClock(PageReadTimer::Clock clock)
{
    m_pageTimer.setClock(std::move(clock));
    if (m_ready && isVisible())
        m_pageTimer.start(currentPage());
}

void PdfReader::finishVisit()
{
    if (const auto visit = m_pageTimer.finish())
        Q_EMIT pageRead(visit->page, visit->seconds);
}

void PdfReader::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_ready && !m_pageTimer.running())
        m_pageTimer.start(currentPage());
}

void PdfReader::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    finishVisit(); // time away from the reader is not reading
}

} // namespace ls::ui
