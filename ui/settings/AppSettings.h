#pragma once

#include "ui/settings/UiTheme.h"

#include <QString>

#include <filesystem>
#include <memory>

class QSettings;

namespace ls::ui {

// The app's preferences for one profile, in <profile>/settings.ini: the language and the theme.
// Each change is written at once. A file that cannot be read gives the defaults; one that
// cannot be written says so through the setters' result.
class AppSettings {
public:
    explicit AppSettings(const std::filesystem::path& profileDirectory);
    ~AppSettings();

    QString fileName() const;
    QString language() const; // "" (the system's), "en", "de" or "es"
    bool setLanguage(const QString& code);
    Theme theme() const;
    bool setTheme(Theme theme);

    // Installs the saved language and theme: at start, before the first window.
    void applyToApplication() const;

private:
    bool write(const QString& key, const QString& value);

    std::unique_ptr<QSettings> m_file;
};

} // namespace ls::ui
