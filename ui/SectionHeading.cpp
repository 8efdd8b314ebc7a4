#include "ui/SectionHeading.h"

#include <QLabel>

namespace ls::ui {

QLabel* makeSectionHeading(const QString& text, QWidget* parent)
{
    auto* title = new QLabel(text, parent);
    title->setObjectName(QStringLiteral("sectionHeading"));
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.8);
    font.setBold(true);
    title->setFont(font);
    return title;
}

} // namespace ls::ui
