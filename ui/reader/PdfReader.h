#pragma once

#include "ui/reader/PageReadTimer.h"
#include "ui/reader/ReaderBookmark.h"
#include "ui/reader/ReaderPosition.h"

#include <QWidget>

class QIODevice;
class QLabel;
class QPdfDocument;
class QStackedWidget;
class QTabWidget;

namespace ls::ui {

class PdfBookmarksPanel;
class PdfContentsPanel;
class PdfPageView;
class PdfReaderToolbar;
class PdfSearchPanel;

// The reader for PDF titles (DESIGN.md §6): one page at a time with page turning (buttons, a
// page number, the keyboard), zoom in steps or fitted to the width or the page, the contents
// from the PDF's outline, search with every match listed and highlighted, bookmarks, and dark
// pages. It opens in a window of its own (a widget without parent) or as a page of the main
// window.
//
// It keeps nothing itself. Whoever opens it (the library) gives it the position and bookmarks
// to start with, and keeps what it reports: positionChanged, bookmarksChanged, and pageRead for
// each page read long enough to count (PageReadTimer). Setting state never reports it back.
class PdfReader : public QWidget {
    Q_OBJECT

public:
    explicit PdfReader(QWidget* parent = nullptr);
    ~PdfReader() override;

    // Opens the PDF `device` reads: the plaintext of a title, streamed from the library. The
    // device is not owned; it must stay open until closeDocument(), the next open() or the end
    // of the reader. `title` names the window. What is not a readable PDF shows why (failed()).
    void open(QIODevice* device, const QString& title = {});
    void closeDocument();
    bool isReady() const { return m_ready; }
    int pageCount() const;
    QString errorText() const;

    // Before open() or at any time; out-of-range pages are clamped once the document is known.
    void setPosition(const ReaderPosition& position);
    ReaderPosition position() const;
    void setBookmarks(ReaderBookmarks bookmarks);
    const ReaderBookmarks& bookmarks() const { return m_bookmarks; }
    void setDarkPages(bool dark);
    bool darkPages() const;
    void setClock(PageReadTimer::Clock clock); // page-read times; a seam for tests

    int currentPage() const;
    void goToPage(int page);
    void nextPage();
    void previousPage();
    void zoomIn();
    void zoomOut();
    void setZoom(ZoomMode mode, qreal factor = 1.0);
    void toggleBookmark();
    void search(const QString& text); // as typed in the search field and Enter pressed

Q_SIGNALS:
    void ready(int pageCount);
    void failed(const QString& message);
    void positionChanged(const ls::ui::ReaderPosition& position);
    void bookmarksChanged(const ls::ui::ReaderBookmarks& bookmarks);
    void pageRead(int page, int seconds);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    void connectToolbar();
    void onStatus();
    void becomeReady();
    void showProblem(const QString& message);
    void showPage(int page);
    void refreshMatches(bool reveal);
    void reportPosition();
    void finishVisit();
    void showBookmarks();

    QPdfDocument* m_document = nullptr;
    PdfPageView* m_view = nullptr;
    PdfContentsPanel* m_contents = nullptr;
    PdfSearchPanel* m_search = nullptr;
    PdfBookmarksPanel* m_bookmarkPanel = nullptr;
    QTabWidget* m_side = nullptr;
    QStackedWidget* m_body = nullptr;
    QLabel* m_message = nullptr;

    PdfReaderToolbar* m_toolbar = nullptr;

    bool m_ready = false;
    bool m_applyingPosition = false;
    QString m_problem;
    ReaderPosition m_position; // wanted before the document is ready; shown after
    ReaderPosition m_reported;
    ReaderBookmarks m_bookmarks;
    PageReadTimer m_pageTimer;
};

} // namespace ls::ui
