#include "ui/settings/UiLanguage.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <memory>

namespace ls::ui::language {
namespace {

const QString kSourceLanguage = QStringLiteral("en");

struct Installed {
    std::unique_ptr<QTranslator> app;
    std::unique_ptr<QTranslator> qt;
};

Installed& installed()
{
    static Installed translators;
    return translators;
}

void replace(std::unique_ptr<QTranslator>& slot, std::unique_ptr<QTranslator> next)
{
    if (slot)
        QCoreApplication::removeTranslator(slot.get());
    slot = std::move(next);
    if (slot)
        QCoreApplication::installTranslator(slot.get());
}

std::unique_ptr<QTranslator> load(const QString& file, const QString& directory)
{
    auto translator = std::make_unique<QTranslator>();
    if (!translator->load(file, directory))
        return nullptr;
    return translator;
}

} // namespace

QList<Language> available()
{
    return { { QStringLiteral("en"), QStringLiteral("English") },
        { QStringLiteral("de"), QStringLiteral("Deutsch") },
        { QStringLiteral("es"), QStringLiteral("Español") } };
}

QString resolve(const QString& code)
{
    const QString wanted = code.isEmpty() ? QLocale::system().name().section(u'_', 0, 0) : code;
    for (const Language& language : available())
        if (language.code == wanted)
            return wanted;
    return kSourceLanguage;
}

QString install(const QString& code)
{
    const QString language = resolve(code);
    Installed& now = installed();
    if (language == kSourceLanguage) {
        replace(now.app, nullptr);
        replace(now.qt, nullptr);
        return language;
    }
    replace(now.app, load(QStringLiteral("lightstreams_") + language, QStringLiteral(":/i18n")));
    // Qt's own words (Cancel, Next, the file dialog), from the system's Qt translations.
    replace(now.qt,
        load(QStringLiteral("qt_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)));
    return language;
}

} // namespace ls::ui::language
