#include "ui/settings/AppSettings.h"

#include "ui/settings/UiLanguage.h"

#include <QSettings>

namespace ls::ui {
namespace {

const QString kLanguageKey = QStringLiteral("appearance/language");
const QString kThemeKey = QStringLiteral("appearance/theme");

} // namespace

AppSettings::AppSettings(const std::filesystem::path& profileDirectory)
    : m_file(std::make_unique<QSettings>(
        QString::fromStdString((profileDirectory / "settings.ini").string()), QSettings::IniFormat))
{
}

AppSettings::~AppSettings() = default;

QString AppSettings::fileName() const
{
    return m_file->fileName();
}

QString AppSettings::language() const
{
    const QString code = m_file->value(kLanguageKey).toString();
    for (const auto& known : language::available())
        if (known.code == code)
            return code;
    return {}; // unset, or a language this version does not have: the system's
}

bool AppSettings::setLanguage(const QString& code)
{
    return write(kLanguageKey, code);
}

Theme AppSettings::theme() const
{
    return themeFromKey(m_file->value(kThemeKey).toString()).value_or(Theme::System);
}

bool AppSettings::setTheme(Theme theme)
{
    return write(kThemeKey, themeKey(theme));
}

bool AppSettings::write(const QString& key, const QString& value)
{
    m_file->setValue(key, value);
    m_file->sync();
    return m_file->status() == QSettings::NoError;
}

void AppSettings::applyToApplication() const
{
    language::install(language());
    if (theme() != Theme::System)
        applyTheme(theme());
}

} // namespace ls::ui
