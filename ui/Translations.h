// The desktop client's languages: which locale a setting means, and installing the translators for it
// (the app's own strings from the embedded :/i18n/portal_XX.qm, and Qt's own dialogs' from qtbase_XX.qm).
#pragma once

#include <QLocale>
#include <QString>
#include <QStringList>

namespace portal::ui {

// "" follows the system (QLocale::system()); else a locale name such as "de" or "fr_CH".
QLocale localeForLanguage(const QString &language);

// Installs on the application the translators for `locale` and makes it the default locale (dates and
// numbers follow it). English, and any language without a translation, gets portal_en.qm, which only
// words the plurals. Replaces what an earlier call installed. Returns the .qm files loaded.
QStringList installTranslations(const QLocale &locale);

// The languages the program is translated into (the names of the embedded .qm files: en, de, fr).
QStringList translatedLanguages();

} // namespace portal::ui
