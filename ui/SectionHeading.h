#pragma once

#include <QString>

class QLabel;
class QWidget;

namespace ls::ui {

// The large title at the top of every section page (object name "sectionHeading").
QLabel* makeSectionHeading(const QString& text, QWidget* parent);

} // namespace ls::ui
