#pragma once

#include <QList>
#include <QRectF>
#include <QTimer>
#include <QWidget>

class QLabel;
class QListWidget;
class QPdfDocument;
class QPdfSearchModel;

namespace ls::ui {

// Finds text in the document and lists every match with its page and the words around it.
// A new search lands on the first match on or after the page the reader is on; next() and
// previous() step through the matches in document order, wrapping around.
//
// Qt 6.4's QPdfSearchModel searches one page every 100 ms by itself (half a minute for a
// 300-page book); this panel drives it through the pages in slices of a few milliseconds
// instead, starting at the reader's page, so the first match arrives at once and the window
// stays responsive.
class PdfSearchPanel : public QWidget {
    Q_OBJECT

public:
    explicit PdfSearchPanel(QWidget* parent = nullptr);

    void setDocument(QPdfDocument* document); // once it is ready; nullptr: nothing to search
    // Searches for `text` (case-insensitive), landing on the first match from `fromPage` on;
    // the same text again moves to the next match. Empty text clears the search.
    void search(const QString& text, int fromPage);
    void next();
    void previous();
    void clear();

    QString text() const { return m_text; }
    bool isSearching() const { return m_sliceTimer.isActive(); }
    // The matches on `page`, each as rectangles in page points (a match may span two lines),
    // and which of them is the current one (-1: none).
    QList<QList<QRectF>> matchesOnPage(int page) const;
    int currentMatchOnPage(int page) const;
    int matchCount() const;

Q_SIGNALS:
    void matchChosen(int page); // the current match changed; it is on `page`
    void matchesChanged(); // matches were found or cleared: highlights may need drawing again

private:
    struct Match {
        int page = -1;
        int index = -1; // on its page
    };

    void searchSlice();
    void listResults(int page);
    void choose(Match match);
    int rowOf(Match match) const;
    void showStatus();

    QPdfDocument* m_document = nullptr;
    QPdfSearchModel* m_model = nullptr;
    QLabel* m_status = nullptr;
    QListWidget* m_results = nullptr;
    QTimer m_sliceTimer;
    QString m_text;
    int m_nextPage = 0;
    int m_pagesLeft = 0;
    bool m_landing = false; // the first match found is to be chosen
    Match m_current;
};

} // namespace ls::ui
