#pragma once

#include <QModelIndex>
#include <QWidget>

class QLabel;
class QPdfBookmarkModel;
class QPdfDocument;
class QStackedWidget;
class QTreeView;

namespace ls::ui {

// The document's table of contents, from the PDF's outline: chapters and their sections; a
// click opens the page. The entry the reader is in stays selected as pages turn. Documents
// without an outline say so.
class PdfContentsPanel : public QWidget {
    Q_OBJECT

public:
    explicit PdfContentsPanel(QWidget* parent = nullptr);

    void setDocument(QPdfDocument* document); // once it is ready; nullptr: empty
    bool isEmpty() const;
    // The title of the outline entry `page` belongs to (the last one starting on or before it);
    // empty when there is none.
    QString titleForPage(int page) const;
    void showPage(int page); // selects that entry

Q_SIGNALS:
    void pageActivated(int page);

private:
    QModelIndex entryForPage(int page) const;

    QPdfBookmarkModel* m_model = nullptr;
    QStackedWidget* m_stack = nullptr;
    QTreeView* m_tree = nullptr;
    QLabel* m_empty = nullptr;
};

} // namespace ls::ui
