#pragma once

#include <QList>
#include <QString>

namespace ls::ui {

// A page the reader marked, with the label the list shows (the chapter it is in, by default).
// The library keeps them per title version; its position text is ReaderPosition{page}.
struct ReaderBookmark {
    int page = 0; // from 0
    QString label;

    friend bool operator==(const ReaderBookmark&, const ReaderBookmark&) = default;
};

using ReaderBookmarks = QList<ReaderBookmark>; // ordered by page, one per page

} // namespace ls::ui
