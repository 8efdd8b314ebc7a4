#include "ui/reader/PdfContentsPanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QPdfBookmarkModel>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace ls::ui {
namespace {

constexpr int kPageRole = int(QPdfBookmarkModel::Role::Page);

} // namespace

PdfContentsPanel::PdfContentsPanel(QWidget* parent)
    : QWidget(parent)
    , m_model(new QPdfBookmarkModel(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_stack = new QStackedWidget(this);
    layout->addWidget(m_stack);

    m_tree = new QTreeView(m_stack);
    m_tree->setObjectName(QStringLiteral("readerContents"));
    m_tree->setModel(m_model);
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setFrameShape(QFrame::NoFrame);
    m_stack->addWidget(m_tree);

    m_empty = new QLabel(tr("This document has no table of contents."), m_stack);
    m_empty->setObjectName(QStringLiteral("readerNoContents"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    m_empty->setMargin(12);
    m_stack->addWidget(m_empty);

    // A click (and Enter on the keyboard) opens the entry's page.
    const auto open = [this](const QModelIndex& index) {
        if (index.isValid())
            Q_EMIT pageActivated(index.data(kPageRole).toInt());
    };
    connect(m_tree, &QTreeView::clicked, this, open);
    connect(m_tree, &QTreeView::activated, this, open);
    setDocument(nullptr);
}

void PdfContentsPanel::setDocument(QPdfDocument* document)
{
    m_model->setDocument(document);
    m_tree->expandAll();
    m_stack->setCurrentWidget(isEmpty() ? static_cast<QWidget*>(m_empty) : m_tree);
}

bool PdfContentsPanel::isEmpty() const
{
    return m_model->rowCount() == 0;
}

QModelIndex PdfContentsPanel::entryForPage(int page) const
{
    // Depth first is document order: the last entry starting on or before the page holds it.
    QModelIndex found;
    QList<QModelIndex> pending { QModelIndex() };
    while (!pending.isEmpty()) {
        const QModelIndex parent = pending.takeLast();
        for (int row = m_model->rowCount(parent) - 1; row >= 0; --row)
            pending.append(m_model->index(row, 0, parent));
        if (parent.isValid() && parent.data(kPageRole).toInt() <= page)
            found = parent;
    }
    return found;
}

QString PdfContentsPanel::titleForPage(int page) const
{
    return entryForPage(page).data(Qt::DisplayRole).toString();
}

void PdfContentsPanel::showPage(int page)
{
    const QModelIndex entry = entryForPage(page);
    if (entry.isValid())
        m_tree->setCurrentIndex(entry);
    else
        m_tree->clearSelection();
}

} // namespace ls::ui
