#pragma once

#include <QList>
#include <QString>

// The languages the app speaks: English (its source language), German and Spanish, from the
// Qt Linguist translations in translations/ built into the app (":/i18n/lightstreams_<code>.qm"),
// with Qt's own translations for its dialogs and buttons when the system has them.
namespace ls::ui::language {

struct Language {
    QString code; // "en", "de", "es"
    QString name; // in that language: "English", "Deutsch", "Español"
};

QList<Language> available();
// The language to use for a saved choice: `code` when the app has it; for "" (the system's
// language), the system's when the app has it, else English.
QString resolve(const QString& code);
// Installs the translations for resolve(code), replacing those installed before; windows made
// afterwards speak it. Returns the language now in use.
QString install(const QString& code);

} // namespace ls::ui::language
