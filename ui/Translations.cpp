#include "Translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QLoggingCategory>
#include <QPointer>
#include <QTranslator>

Q_LOGGING_CATEGORY(lcTranslations, "portal.ui.translations", QtWarningMsg)

namespace portal::ui {

namespace {
const QString resourceDir = QStringLiteral(":/i18n");

// The translators installed last, so that a second call replaces rather than stacks them.
QList<QPointer<QTranslator>> &installed()
{
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

bool install(const QLocale &locale, const QString &name, const QString &dir, QStringList &loaded)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(locale, name, QStringLiteral("_"), dir)) {
        delete translator;
        return false;
    }
    QCoreApplication::installTranslator(translator);
    installed().append(translator);
    loaded.append(translator->filePath());
    return true;
}
} // namespace

QLocale localeForLanguage(const QString &language)
{
    return language.isEmpty() ? QLocale::system() : QLocale(language);
}

QStringList installTranslations(const QLocale &locale)
{
    for (const QPointer<QTranslator> &translator : std::as_const(installed())) {
        if (translator) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }
    installed().clear();
    QLocale::setDefault(locale);

    QStringList loaded;
    // Qt's own strings (the buttons of QMessageBox, QFileDialog...): Debian's qt6-translations-l10n.
    install(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath), loaded);
    if (!install(locale, QStringLiteral("portal"), resourceDir, loaded))
        install(QLocale(QLocale::English), QStringLiteral("portal"), resourceDir, loaded);
    qCDebug(lcTranslations) << "locale" << locale.name() << "loaded" << loaded;
    return loaded;
}

QStringList translatedLanguages()
{
    QStringList languages;
    const QStringList files = QDir(resourceDir).entryList({ QStringLiteral("portal_*.qm") }, QDir::Files);
    for (const QString &file : files)
        languages.append(file.mid(7, file.size() - 10));
    return languages;
}

} // namespace portal::ui
