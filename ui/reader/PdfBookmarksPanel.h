#pragma once

#include "ui/reader/ReaderBookmark.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;

namespace ls::ui {

// The pages the reader bookmarked, in page order: a click opens one, Remove (or Delete) drops
// it. Owns no bookmarks: it shows the list the reader gives it and asks the reader to change it.
class PdfBookmarksPanel : public QWidget {
    Q_OBJECT

public:
    explicit PdfBookmarksPanel(QWidget* parent = nullptr);

    void setBookmarks(const ReaderBookmarks& bookmarks);

Q_SIGNALS:
    void pageActivated(int page);
    void removeRequested(int page);

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void removeSelected();

    QListWidget* m_list = nullptr;
    QLabel* m_empty = nullptr;
    QPushButton* m_remove = nullptr;
};

} // namespace ls::ui
