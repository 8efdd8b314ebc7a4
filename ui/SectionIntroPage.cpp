#include "ui/SectionIntroPage.h"

#include "ui/SectionHeading.h"

#include <QLabel>
#include <QVBoxLayout>

namespace ls::ui {

SectionIntroPage::SectionIntroPage(
    const QString& heading, const QString& summary, const QStringList& activities, QWidget* parent)
    : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->setSpacing(12);

    layout->addWidget(makeSectionHeading(heading, this));

    auto* description = new QLabel(summary, this);
    description->setObjectName(QStringLiteral("sectionSummary"));
    description->setWordWrap(true);
    layout->addWidget(description);

    if (!activities.isEmpty()) {
        QString list = QStringLiteral("<ul style='margin-left:-20px'>");
        for (const QString& activity : activities)
            list += QStringLiteral("<li style='margin-bottom:6px'>") + activity.toHtmlEscaped()
                + QStringLiteral("</li>");
        list += QStringLiteral("</ul>");
        auto* items = new QLabel(list, this);
        items->setObjectName(QStringLiteral("sectionActivities"));
        items->setTextFormat(Qt::RichText);
        items->setWordWrap(true);
        layout->addWidget(items);
    }
    layout->addStretch(1);
}

} // namespace ls::ui
