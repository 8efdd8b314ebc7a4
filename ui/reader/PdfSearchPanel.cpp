#include "ui/reader/PdfSearchPanel.h"

#include <QElapsedTimer>
#include <QLabel>
#include <QListWidget>
#include <QPdfDocument>
#include <QPdfLink>
#include <QPdfSearchModel>
#include <QVBoxLayout>

namespace ls::ui {
namespace {

constexpr int kSliceMs = 12; // searching never holds the window longer than this
constexpr int kPageRole = Qt::UserRole;
constexpr int kIndexRole = Qt::UserRole + 1;

// The words around a match on one line: QPdfSearchModel marks line ends with ⏎.
QString oneLine(QString text)
{
    return text.replace(QChar(0x23CE), u' ').simplified();
}

} // namespace

PdfSearchPanel::PdfSearchPanel(QWidget* parent)
    : QWidget(parent)
    , m_model(new QPdfSearchModel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("readerSearchStatus"));
    m_status->setWordWrap(true);
    m_status->setContentsMargins(8, 0, 8, 0);
    m_results = new QListWidget(this);
    m_results->setObjectName(QStringLiteral("readerSearchResults"));
    m_results->setWordWrap(true);
    m_results->setFrameShape(QFrame::NoFrame);
    m_results->setSpacing(2);
    layout->addWidget(m_status);
    layout->addWidget(m_results, 1);

    m_sliceTimer.setInterval(0);
    connect(&m_sliceTimer, &QTimer::timeout, this, &PdfSearchPanel::searchSlice);
    const auto open = [this](QListWidgetItem* item) {
        choose({ item->data(kPageRole).toInt(), item->data(kIndexRole).toInt() });
    };
    connect(m_results, &QListWidget::itemClicked, this, open);
    connect(m_results, &QListWidget::itemActivated, this, open);
    showStatus();
}

void PdfSearchPanel::setDocument(QPdfDocument* document)
{
    clear();
    m_document = document;
    m_model->setDocument(document);
}

void PdfSearchPanel::clear()
{
    m_sliceTimer.stop();
    m_text.clear();
    m_model->setSearchString(QString());
    m_results->clear();
    m_current = {};
    m_landing = false;
    m_pagesLeft = 0;
    showStatus();
    Q_EMIT matchesChanged();
}

void PdfSearchPanel::search(const QString& text, int fromPage)
{
    const QString wanted = text.trimmed();
    if (wanted.isEmpty() || !m_document || m_document->pageCount() == 0)
        return clear();
    if (wanted.compare(m_text, Qt::CaseInsensitive) == 0) {
        if (!m_landing)
            next();
        return;
    }
    clear();
    m_text = wanted;
    m_model->setSearchString(wanted);
    m_nextPage = std::clamp(fromPage, 0, m_document->pageCount() - 1);
    m_pagesLeft = m_document->pageCount();
    m_landing = true;
    m_sliceTimer.start();
    showStatus();
}

void PdfSearchPanel::searchSlice()
{
    QElapsedTimer slice;
    slice.start();
    // From the reader's page onwards, wrapping round: the first page with a match holds the
    // first match on or after the reader's page.
    while (m_pagesLeft > 0 && slice.elapsed() < kSliceMs) {
        const int page = m_nextPage;
        m_nextPage = (page + 1) % m_document->pageCount();
        --m_pagesLeft;
        listResults(page);
    }
    if (m_pagesLeft == 0) {
        m_sliceTimer.stop();
        m_landing = false;
    }
    showStatus();
}

void PdfSearchPanel::listResults(int page)
{
    const QList<QPdfLink> results = m_model->resultsOnPage(page);
    if (results.isEmpty())
        return;
    // Rows stay in document order whatever order the pages are searched in.
    int row = 0;
    while (row < m_results->count() && m_results->item(row)->data(kPageRole).toInt() < page)
        ++row;
    for (int index = 0; index < results.size(); ++index) {
        const QPdfLink& link = results[index];
        auto* item = new QListWidgetItem(tr("Page %1").arg(page + 1) + QStringLiteral("\n…")
            + oneLine(link.contextBefore() + m_text + link.contextAfter()) + QStringLiteral("…"));
        item->setData(kPageRole, page);
        item->setData(kIndexRole, index);
        m_results->insertItem(row + index, item);
    }
    if (m_landing) {
        m_landing = false;
        choose({ page, 0 });
    }
    Q_EMIT matchesChanged();
}

void PdfSearchPanel::next()
{
    if (!m_document || m_text.isEmpty() || m_document->pageCount() == 0)
        return;
    const int pages = m_document->pageCount();
    const int start = std::max(0, m_current.page);
    // The rest of the current page, then the following pages, round to the current one again.
    for (int step = 0; step <= pages; ++step) {
        const int page = (start + step) % pages;
        const int count = int(m_model->resultsOnPage(page).size());
        const int first = (step == 0 && m_current.page >= 0) ? m_current.index + 1 : 0;
        if (first < count)
            return choose({ page, first });
    }
}

void PdfSearchPanel::previous()
{
    if (!m_document || m_text.isEmpty() || m_document->pageCount() == 0)
        return;
    const int pages = m_document->pageCount();
    const int start = std::max(0, m_current.page);
    for (int step = 0; step <= pages; ++step) {
        const int page = (start - step + pages) % pages;
        const int count = int(m_model->resultsOnPage(page).size());
        const int last = (step == 0 && m_current.page >= 0) ? m_current.index - 1 : count - 1;
        if (last >= 0 && last < count)
            return choose({ page, last });
    }
}

void PdfSearchPanel::choose(Match match)
{
    m_current = match;
    const int row = rowOf(match);
    if (row >= 0) {
        const QSignalBlocker quiet(m_results);
        m_results->setCurrentRow(row);
        m_results->scrollToItem(m_results->item(row));
    }
    showStatus();
    Q_EMIT matchChosen(match.page);
}

int PdfSearchPanel::rowOf(Match match) const
{
    for (int row = 0; row < m_results->count(); ++row) {
        const QListWidgetItem* item = m_results->item(row);
        if (item->data(kPageRole).toInt() == match.page
            && item->data(kIndexRole).toInt() == match.index)
            return row;
    }
    return -1;
}

QList<QList<QRectF>> PdfSearchPanel::matchesOnPage(int page) const
{
    QList<QList<QRectF>> matches;
    if (m_text.isEmpty())
        return matches;
    for (const QPdfLink& link : m_model->resultsOnPage(page))
        matches.append(link.rectangles());
    return matches;
}

int PdfSearchPanel::currentMatchOnPage(int page) const
{
    return m_current.page == page ? m_current.index : -1;
}

int PdfSearchPanel::matchCount() const
{
    return m_results->count();
}

void PdfSearchPanel::showStatus()
{
    const int count = m_results->count();
    if (m_text.isEmpty())
        m_status->setText(tr("Type a word in the search field and press Enter."));
    else if (isSearching())
        m_status->setText(tr("Searching… %1 found so far").arg(count));
    else if (count == 0)
        m_status->setText(tr("No matches for “%1”.").arg(m_text));
    else if (const int row = rowOf(m_current); row >= 0)
        m_status->setText(tr("Match %1 of %2").arg(row + 1).arg(count));
    else
        m_status->setText(count == 1 ? tr("1 match") : tr("%1 matches").arg(count));
}

} // namespace ls::ui
