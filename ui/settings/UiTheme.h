#pragma once

#include <QString>

#include <optional>

namespace ls::ui {

// The app's colours: as the desktop has them, or Qt's Fusion style in light or dark.
enum class Theme { System, Light, Dark };

// Applies `theme` to the whole application at once, open windows included. System restores the
// style and colours the application started with.
void applyTheme(Theme theme);
// How settings.ini spells a theme ("system", "light", "dark"); nullopt for anything else.
QString themeKey(Theme theme);
std::optional<Theme> themeFromKey(const QString& key);

} // namespace ls::ui
