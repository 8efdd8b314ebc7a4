#include "ui/reader/PdfBookmarksPanel.h"

#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace ls::ui {
namespace {

constexpr int kPageRole = Qt::UserRole;

} // namespace

PdfBookmarksPanel::PdfBookmarksPanel(QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 6);
    m_empty = new QLabel(
        tr("No bookmarks yet. Press Ctrl+D or the Bookmark button to mark the page you are on."),
        this);
    m_empty->setObjectName(QStringLiteral("readerNoBookmarks"));
    m_empty->setWordWrap(true);
    m_empty->setMargin(6);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("readerBookmarks"));
    m_list->setFrameShape(QFrame::NoFrame);
    m_remove = new QPushButton(tr("Remove"), this);
    m_remove->setObjectName(QStringLiteral("readerRemoveBookmark"));
    m_remove->setEnabled(false);
    layout->addWidget(m_empty);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_remove, 0, Qt::AlignRight);

    const auto open
        = [this](QListWidgetItem* item) { Q_EMIT pageActivated(item->data(kPageRole).toInt()); };
    connect(m_list, &QListWidget::itemClicked, this, open);
    connect(m_list, &QListWidget::itemActivated, this, open);
    connect(m_list, &QListWidget::currentRowChanged, this,
        [this](int row) { m_remove->setEnabled(row >= 0); });
    connect(m_remove, &QPushButton::clicked, this, &PdfBookmarksPanel::removeSelected);
    setBookmarks({});
}

void PdfBookmarksPanel::setBookmarks(const ReaderBookmarks& bookmarks)
{
    m_list->clear();
    for (const ReaderBookmark& bookmark : bookmarks) {
        const QString page = tr("Page %1").arg(bookmark.page + 1);
        auto* item = new QListWidgetItem(
            bookmark.label.isEmpty() ? page : page + QStringLiteral(" · ") + bookmark.label,
            m_list);
        item->setData(kPageRole, bookmark.page);
    }
    m_empty->setVisible(bookmarks.isEmpty());
    m_list->setVisible(!bookmarks.isEmpty());
    m_remove->setVisible(!bookmarks.isEmpty());
    m_remove->setEnabled(false);
}

void PdfBookmarksPanel::removeSelected()
{
    if (QListWidgetItem* item = m_list->currentItem())
        Q_EMIT removeRequested(item->data(kPageRole).toInt());
}

void PdfBookmarksPanel::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Delete && m_list->hasFocus())
        return removeSelected();
    QWidget::keyPressEvent(event);
}

} // namespace ls::ui
