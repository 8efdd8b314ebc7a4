#pragma once

#include <QStringList>
#include <QWidget>

namespace ls::ui {

// The page a section shows before its service is connected: a heading, one sentence on what the
// section is for, and the things the user will do there. Sections replace it with their real
// screens as the services behind them arrive (DESIGN.md §6).
class SectionIntroPage : public QWidget {
    Q_OBJECT

public:
    SectionIntroPage(const QString& heading, const QString& summary, const QStringList& activities,
                     QWidget* parent = nullptr);
};

} // namespace ls::ui
