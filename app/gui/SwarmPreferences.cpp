#include "app/gui/SwarmPreferences.h"

#include <QSettings>

#include <algorithm>

namespace ls::gui {
namespace {

QString fileName(const std::filesystem::path& file)
{
    return QString::fromStdString(file.string());
}

} // namespace

api::SwarmLimits SwarmPreferences::load() const
{
    QSettings settings(fileName(m_file), QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("sharing"));
    api::SwarmLimits limits;
    limits.fullSeeding = settings.value(QStringLiteral("fullSeeding"), false).toBool();
    // A negative number from a hand-edited file means nothing sensible: unlimited.
    limits.uploadLimit = std::max(0, settings.value(QStringLiteral("uploadLimit"), 0).toInt());
    limits.downloadLimit = std::max(0, settings.value(QStringLiteral("downloadLimit"), 0).toInt());
    return limits;
}

bool SwarmPreferences::save(const api::SwarmLimits& limits) const
{
    QSettings settings(fileName(m_file), QSettings::IniFormat);
    settings.beginGroup(QStringLiteral("sharing"));
    settings.setValue(QStringLiteral("fullSeeding"), limits.fullSeeding);
    settings.setValue(QStringLiteral("uploadLimit"), limits.uploadLimit);
    settings.setValue(QStringLiteral("downloadLimit"), limits.downloadLimit);
    settings.endGroup();
    settings.sync();
    return settings.status() == QSettings::NoError;
}

} // namespace ls::gui
