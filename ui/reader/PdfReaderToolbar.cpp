#include "ui/reader/PdfReaderToolbar.h"

#include <QAction>
#include <QActionGroup>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>

namespace ls::ui {

PdfReaderToolbar::PdfReaderToolbar(QWidget* parent)
    : QToolBar(parent)
{
    setObjectName(QStringLiteral("readerToolbar"));
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    setMovable(false);

    toggleSide = makeAction("readerToggleSidePanel", tr("Contents"), { Qt::Key_F9 });
    toggleSide->setCheckable(true);
    toggleSide->setChecked(true);
    toggleSide->setToolTip(tr("Show or hide contents, search results and bookmarks (F9)"));
    addAction(toggleSide);
    addSeparator();

    previous = makeAction("readerPrevious", tr("Previous"));
    previous->setToolTip(tr("Previous page (Page Up at the top of a page)"));
    next = makeAction("readerNext", tr("Next"));
    next->setToolTip(tr("Next page (Page Down or Space at the end of a page)"));
    firstPage = makeAction("readerFirstPage", tr("First page"), { Qt::CTRL | Qt::Key_Home });
    lastPage = makeAction("readerLastPage", tr("Last page"), { Qt::CTRL | Qt::Key_End });
    goToPage = makeAction("readerGoToPage", tr("Go to page"), { Qt::CTRL | Qt::Key_G });
    pageNumber = new QSpinBox(this);
    pageNumber->setObjectName(QStringLiteral("readerPageNumber"));
    pageNumber->setKeyboardTracking(false); // the page turns on Enter, not on every digit
    pageNumber->setButtonSymbols(QAbstractSpinBox::NoButtons);
    pageNumber->setAlignment(Qt::AlignRight);
    pageNumber->setMinimumWidth(56);
    pageNumber->setToolTip(goToPage->toolTip());
    pageCount = new QLabel(this);
    pageCount->setObjectName(QStringLiteral("readerPageCount"));
    pageCount->setContentsMargins(6, 0, 6, 0);
    addAction(previous);
    addWidget(pageNumber);
    addWidget(pageCount);
    addAction(next);
    addSeparator();

    zoomOut = makeAction("readerZoomOut", tr("Zoom out"), { QKeySequence::ZoomOut });
    zoomOut->setText(QStringLiteral("−"));
    zoomIn = makeAction(
        "readerZoomIn", tr("Zoom in"), { QKeySequence::ZoomIn, Qt::CTRL | Qt::Key_Equal });
    zoomIn->setText(QStringLiteral("+"));
    zoomLevel = new QLabel(this);
    zoomLevel->setObjectName(QStringLiteral("readerZoomLevel"));
    zoomLevel->setAlignment(Qt::AlignCenter);
    zoomLevel->setMinimumWidth(fontMetrics().horizontalAdvance(QStringLiteral("8888%")));
    fitWidth = makeAction("readerFitWidth", tr("Fit width"), { Qt::CTRL | Qt::Key_0 });
    fitPage = makeAction("readerFitPage", tr("Fit page"));
    auto* fits = new QActionGroup(this);
    fits->setExclusionPolicy(QActionGroup::ExclusionPolicy::ExclusiveOptional);
    for (QAction* fit : { fitWidth, fitPage }) {
        fit->setCheckable(true);
        fits->addAction(fit);
    }
    addAction(zoomOut);
    addWidget(zoomLevel);
    addAction(zoomIn);
    addAction(fitWidth);
    addAction(fitPage);
    addSeparator();

    bookmark = makeAction("readerBookmark", tr("Bookmark"), { Qt::CTRL | Qt::Key_D });
    bookmark->setCheckable(true);
    darkPages = makeAction("readerDarkPages", tr("Dark pages"));
    darkPages->setCheckable(true);
    darkPages->setToolTip(tr("Light text on dark pages, for reading in the dark"));
    addAction(bookmark);
    addAction(darkPages);

    auto* spacer = new QWidget(this);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    addWidget(spacer);
    find = makeAction("readerFind", tr("Search"), { QKeySequence::Find });
    findNext = makeAction("readerFindNext", tr("Next match"), { QKeySequence::FindNext });
    findPrevious
        = makeAction("readerFindPrevious", tr("Previous match"), { QKeySequence::FindPrevious });
    searchField = new QLineEdit(this);
    searchField->setObjectName(QStringLiteral("readerSearchField"));
    searchField->setPlaceholderText(tr("Search"));
    searchField->setClearButtonEnabled(true);
    searchField->setMaximumWidth(220);
    searchField->setToolTip(
        tr("Search (%1): Enter for the next match, Shift+Enter for the previous one")
            .arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText)));
    addWidget(searchField);
    searchField->installEventFilter(this);
    connect(searchField, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (text.isEmpty())
            Q_EMIT searchCleared();
    });

    m_documentActions = { previous, next, firstPage, lastPage, goToPage, zoomIn, zoomOut, fitWidth,
        fitPage, bookmark, find, findNext, findPrevious };
}

bool PdfReaderToolbar::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != searchField || event->type() != QEvent::KeyPress)
        return QToolBar::eventFilter(watched, event);
    const auto* key = static_cast<QKeyEvent*>(event);
    if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
        if (key->modifiers() & Qt::ShiftModifier)
            findPrevious->trigger();
        else
            Q_EMIT searchRequested(searchField->text());
        return true;
    }
    if (key->key() == Qt::Key_Escape) {
        searchField->clear();
        Q_EMIT searchDismissed();
        return true;
    }
    return QToolBar::eventFilter(watched, event);
}

QAction* PdfReaderToolbar::makeAction(
    const char* name, const QString& text, const QList<QKeySequence>& keys)
{
    auto* action = new QAction(text, this);
    action->setObjectName(QString::fromLatin1(name));
    action->setShortcuts(keys);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    if (!keys.isEmpty())
        action->setToolTip(
            QStringLiteral("%1 (%2)").arg(text, keys.first().toString(QKeySequence::NativeText)));
    m_shortcutActions.append(action);
    return action;
}

void PdfReaderToolbar::setDocumentActionsEnabled(bool enabled)
{
    for (QAction* action : m_documentActions)
        action->setEnabled(enabled);
    pageNumber->setEnabled(enabled);
    searchField->setEnabled(enabled);
}

void PdfReaderToolbar::showPage(int page, int count)
{
    const QSignalBlocker quiet(pageNumber); // showing the page is not asking for one
    pageNumber->setRange(count > 0 ? 1 : 0, std::max(count, 0));
    pageNumber->setValue(count > 0 ? page + 1 : 0);
    pageCount->setText(count > 0 ? tr("of %1").arg(count) : QString());
    previous->setEnabled(count > 0 && page > 0);
    next->setEnabled(count > 0 && page + 1 < count);
}

void PdfReaderToolbar::showZoom(qreal zoom)
{
    zoomLevel->setText(QStringLiteral("%1%").arg(qRound(zoom * 100)));
}

} // namespace ls::ui
