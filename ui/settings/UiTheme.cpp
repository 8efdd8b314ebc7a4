#include "ui/settings/UiTheme.h"

#include <QApplication>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>

namespace ls::ui {
namespace {

// What the application looked like before any theme was applied, for Theme::System.
struct Startup {
    QString style;
    QPalette palette;
};

const Startup& startup()
{
    static const Startup original { QApplication::style()->name(), QApplication::palette() };
    return original;
}

QPalette darkPalette()
{
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x80, 0x80, 0x80);
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(0x2d, 0x2d, 0x30));
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, QColor(0x1f, 0x1f, 0x22));
    palette.setColor(QPalette::AlternateBase, QColor(0x27, 0x27, 0x2b));
    palette.setColor(QPalette::ToolTipBase, QColor(0x3a, 0x3a, 0x3e));
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::PlaceholderText, QColor(0x96, 0x96, 0x96));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0x38, 0x38, 0x3c));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, QColor(0xff, 0x6b, 0x6b));
    palette.setColor(QPalette::Light, QColor(0x4a, 0x4a, 0x4f));
    palette.setColor(QPalette::Midlight, QColor(0x3d, 0x3d, 0x42));
    palette.setColor(QPalette::Mid, QColor(0x28, 0x28, 0x2b));
    palette.setColor(QPalette::Dark, QColor(0x19, 0x19, 0x1b));
    palette.setColor(QPalette::Shadow, QColor(0x0a, 0x0a, 0x0a));
    palette.setColor(QPalette::Link, QColor(0x5a, 0xa0, 0xff));
    palette.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xff));
    palette.setColor(QPalette::Highlight, QColor(0x2a, 0x82, 0xda));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    for (auto role : { QPalette::Text, QPalette::ButtonText, QPalette::WindowText })
        palette.setColor(QPalette::Disabled, role, disabled);
    return palette;
}

} // namespace

void applyTheme(Theme theme)
{
    const Startup& original = startup();
    if (theme == Theme::System) {
        if (QStyle* style = QStyleFactory::create(original.style))
            QApplication::setStyle(style);
        QApplication::setPalette(original.palette);
        return;
    }
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(
        theme == Theme::Dark ? darkPalette() : QApplication::style()->standardPalette());
}

QString themeKey(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return QStringLiteral("light");
    case Theme::Dark:
        return QStringLiteral("dark");
    case Theme::System:
        break;
    }
    return QStringLiteral("system");
}

std::optional<Theme> themeFromKey(const QString& key)
{
    for (Theme theme : { Theme::System, Theme::Light, Theme::Dark })
        if (key == themeKey(theme))
            return theme;
    return std::nullopt;
}

} // namespace ls::ui
