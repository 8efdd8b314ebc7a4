#include "ui/PhraseGrid.h"

#include <QGridLayout>
#include <QLabel>

namespace ls::ui {
namespace {

constexpr int kColumns = 3;

} // namespace

PhraseGrid::PhraseGrid(QString labelPrefix, QWidget* parent)
    : QFrame(parent)
    , m_prefix(std::move(labelPrefix))
{
    setFrameShape(QFrame::StyledPanel);
    m_grid = new QGridLayout(this);
    m_grid->setContentsMargins(18, 14, 18, 14);
    m_grid->setHorizontalSpacing(28);
    m_grid->setVerticalSpacing(10);
}

void PhraseGrid::clearWords()
{
    while (QLayoutItem* item = m_grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

void PhraseGrid::setWords(const QStringList& words)
{
    clearWords();
    const int rows = (static_cast<int>(words.size()) + kColumns - 1) / kColumns;
    QFont wordFont = font();
    wordFont.setPointSizeF(wordFont.pointSizeF() * 1.2);
    for (int i = 0; i < words.size(); ++i) {
        auto* label = new QLabel(QStringLiteral("<span style='color:#8a8a8a'>%1.</span>&nbsp;%2")
                                     .arg(i + 1)
                                     .arg(words.at(i)),
            this);
        label->setObjectName(m_prefix + QString::number(i + 1));
        label->setProperty("word", words.at(i));
        label->setFont(wordFont);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_grid->addWidget(label, i % rows, i / rows); // down the columns
    }
}

} // namespace ls::ui
