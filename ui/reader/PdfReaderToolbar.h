#pragma once

#include <QList>
#include <QToolBar>

class QAction;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace ls::ui {

// The reader's tool bar: the contents panel switch, page turning with the page number, zoom,
// bookmark, dark pages and the search field. Its actions carry the reader's keyboard shortcuts
// (shortcutActions(): the reader adds them to itself so they work wherever its focus is).
class PdfReaderToolbar : public QToolBar {
    Q_OBJECT

public:
    explicit PdfReaderToolbar(QWidget* parent = nullptr);

    QList<QAction*> shortcutActions() const { return m_shortcutActions; }
    void setDocumentActionsEnabled(bool enabled);
    void showPage(int page, int pageCount); // from 0; pageCount 0: no document
    void showZoom(qreal zoom);

    QAction* toggleSide = nullptr;
    QAction* previous = nullptr;
    QAction* next = nullptr;
    QAction* firstPage = nullptr;
    QAction* lastPage = nullptr;
    QAction* goToPage = nullptr;
    QAction* zoomOut = nullptr;
    QAction* zoomIn = nullptr;
    QAction* fitWidth = nullptr;
    QAction* fitPage = nullptr;
    QAction* bookmark = nullptr;
    QAction* darkPages = nullptr;
    QAction* find = nullptr;
    QAction* findNext = nullptr;
    QAction* findPrevious = nullptr;
    QSpinBox* pageNumber = nullptr;
    QLabel* pageCount = nullptr;
    QLabel* zoomLevel = nullptr;
    QLineEdit* searchField = nullptr;

Q_SIGNALS:
    void searchRequested(const QString& text); // Enter in the search field
    void searchCleared(); // the field was emptied
    void searchDismissed(); // Escape: the field was emptied and the reader should take focus

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QAction* makeAction(
        const char* name, const QString& text, const QList<QKeySequence>& keys = {});

    QList<QAction*> m_shortcutActions;
    QList<QAction*> m_documentActions; // usable only with a document open
};

} // namespace ls::ui
