// The desktop client's translations: every message of each .ts file is finished and keeps its
// placeholders, the embedded .qm files load for a locale, known strings and %n plurals come out in German,
// French and English, and the widgets' tr() contexts match what lupdate extracted.
#include "ClientCache.h"
#include "Sidebar.h"
#include "Translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace portal;
using namespace portal::ui;

namespace {
QString tsPath(const QString &language)
{
    return qEnvironmentVariable("PORTAL_SOURCE_DIR")
        + QStringLiteral("/translations/portal_%1.ts").arg(language);
}

QString translate(const char *context, const char *source, int n = -1)
{
    return QCoreApplication::translate(context, source, nullptr, n);
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression marker(QStringLiteral("%(\\d|n)"));
    QStringList found;
    for (auto it = marker.globalMatch(text); it.hasNext();)
        found.append(it.next().captured());
    found.sort();
    found.removeDuplicates();
    return found;
}

struct TsCheck
{
    int messages = 0;
    int plurals = 0;
    QStringList problems; // unfinished, empty, or placeholders lost
};

TsCheck checkTs(const QString &path)
{
    TsCheck check;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        check.problems.append(QStringLiteral("cannot open ") + path);
        return check;
    }
    QXmlStreamReader xml(&file);
    QString context, source;
    bool numerus = false;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        const auto name = xml.name();
        if (name == u"name") {
            context = xml.readElementText();
        } else if (name == u"message") {
            ++check.messages;
            numerus = xml.attributes().value(QStringLiteral("numerus")) == u"yes";
            check.plurals += numerus ? 1 : 0;
        } else if (name == u"source") {
            source = xml.readElementText();
        } else if (name == u"translation") {
            const QString where = context + QStringLiteral(": ") + source;
            const auto type = xml.attributes().value(QStringLiteral("type"));
            if (type == u"unfinished" || type == u"vanished" || type == u"obsolete")
                check.problems.append(QStringLiteral("%1 (%2)").arg(where, type.toString()));
            QStringList forms;
            if (numerus) {
                while (xml.readNextStartElement())
                    forms.append(xml.readElementText());
            } else {
                forms.append(xml.readElementText());
            }
            for (const QString &form : std::as_const(forms)) {
                if (form.isEmpty())
                    check.problems.append(where + QStringLiteral(" (empty)"));
                else if (placeholders(form) != placeholders(source))
                    check.problems.append(where + QStringLiteral(" (placeholders: ") + form
                                          + QLatin1Char(')'));
            }
            if (forms.isEmpty())
                check.problems.append(where + QStringLiteral(" (no plural forms)"));
        }
    }
    if (xml.hasError())
        check.problems.append(path + QStringLiteral(": ") + xml.errorString());
    return check;
}
} // namespace

class tst_Translations : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { installTranslations(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void tsFilesComplete_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("atLeast"); // messages
        QTest::newRow("de") << QStringLiteral("de") << 200;
        QTest::newRow("fr") << QStringLiteral("fr") << 200;
        QTest::newRow("en (plurals only)") << QStringLiteral("en") << 8;
    }
    void tsFilesComplete()
    {
        QFETCH(QString, language);
        QFETCH(int, atLeast);
        const TsCheck check = checkTs(tsPath(language));
        qInfo("portal_%s.ts: %d messages, %d with plural forms", qPrintable(language), check.messages,
              check.plurals);
        QVERIFY2(check.problems.isEmpty(), qPrintable(check.problems.join(QLatin1Char('\n'))));
        QVERIFY(check.messages >= atLeast);
        QVERIFY(check.plurals >= 8);
        if (language == u"en")
            QCOMPARE(check.messages, check.plurals);
    }

    void embeddedLanguages()
    {
        QStringList languages = translatedLanguages();
        languages.sort();
        QCOMPARE(languages,
                 (QStringList { QStringLiteral("de"), QStringLiteral("en"), QStringLiteral("fr") }));
        QCOMPARE(localeForLanguage(QString()), QLocale::system());
        QCOMPARE(localeForLanguage(QStringLiteral("de")).language(), QLocale::German);
    }

    void knownStrings_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QStringList>("expected"); // sidebar Messages, Sync now, session ended, case number
        QTest::newRow("de") << QStringLiteral("de")
                            << QStringList {
                                   QStringLiteral("Nachrichten"), QStringLiteral("Jetzt synchronisieren"),
                                   QStringLiteral("Ihre Sitzung ist abgelaufen. Bitte melden Sie sich "
                                                  "erneut an."),
                                   QStringLiteral("Aktenzeichen")
                               };
        QTest::newRow("fr") << QStringLiteral("fr")
                            << QStringList {
                                   QStringLiteral("Messages"), QStringLiteral("Synchroniser maintenant"),
                                   QStringLiteral("Votre session a expiré. Veuillez vous reconnecter."),
                                   QStringLiteral("N° de dossier")
                               };
        QTest::newRow("en") << QStringLiteral("en")
                            << QStringList { QStringLiteral("Messages"), QStringLiteral("Sync now"),
                                             QStringLiteral("Your session has ended. Please sign in again."),
                                             QStringLiteral("Case number") };
    }
    void knownStrings()
    {
        QFETCH(QString, language);
        QFETCH(QStringList, expected);
        const QStringList loaded = installTranslations(QLocale(language));
        QVERIFY2(loaded.contains(QStringLiteral(":/i18n/portal_%1.qm").arg(language)),
                 qPrintable(loaded.join(u',')));
        QCOMPARE(QLocale().language(), QLocale(language).language());
        QCOMPARE(translate("portal::ui::Sidebar", "Messages"), expected.at(0));
        QCOMPARE(translate("portal::ui::DesktopWindow", "Sync now"), expected.at(1));
        QCOMPARE(translate("DesktopApp", "Your session has ended. Please sign in again."), expected.at(2));
        QCOMPARE(translate("portal::ui::CaseListModel", "Case number"), expected.at(3));

        // The contexts lupdate extracted are the ones tr() asks for at run time.
        QTemporaryDir dir;
        auto cache = client::ClientCache::open(dir.filePath(QStringLiteral("cache.sqlite")));
        QVERIFY(cache);
        Sidebar sidebar(**cache);
        QCOMPARE(sidebar.item(Sidebar::Messages)->text(), expected.at(0));
    }

    void plurals_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("pending");
        QTest::addColumn<QString>("results");
        QTest::newRow("de 1") << "de" << 1 << "1 Änderung wartet auf Versand"
                              << "1 Ergebnis";
        QTest::newRow("de 2") << "de" << 2 << "2 Änderungen warten auf Versand"
                              << "2 Ergebnisse";
        QTest::newRow("fr 0") << "fr" << 0 << "0 modification en attente d’envoi"
                              << "0 résultat";
        QTest::newRow("fr 1") << "fr" << 1 << "1 modification en attente d’envoi"
                              << "1 résultat";
        QTest::newRow("fr 3") << "fr" << 3 << "3 modifications en attente d’envoi"
                              << "3 résultats";
        QTest::newRow("en 1") << "en" << 1 << "1 change waiting to be sent"
                              << "1 result";
        QTest::newRow("en 2") << "en" << 2 << "2 changes waiting to be sent"
                              << "2 results";
        // A language without a translation gets the English plurals.
        QTest::newRow("ja 1") << "ja" << 1 << "1 change waiting to be sent"
                              << "1 result";
        QTest::newRow("ja 5") << "ja" << 5 << "5 changes waiting to be sent"
                              << "5 results";
    }
    void plurals()
    {
        QFETCH(QString, language);
        QFETCH(int, n);
        QFETCH(QString, pending);
        QFETCH(QString, results);
        installTranslations(QLocale(language));
        QCOMPARE(translate("portal::ui::SyncStatusBar", "%n change(s) waiting to be sent", n), pending);
        QCOMPARE(translate("portal::ui::SearchDialog", "%n result(s)", n), results);
    }

    void secondInstallReplacesTheFirst()
    {
        installTranslations(QLocale(QStringLiteral("fr")));
        installTranslations(QLocale(QStringLiteral("de")));
        QCOMPARE(translate("portal::ui::Sidebar", "Tasks"), QStringLiteral("Aufgaben"));
        installTranslations(QLocale(QLocale::English));
        QCOMPARE(translate("portal::ui::Sidebar", "Tasks"), QStringLiteral("Tasks"));
    }
};

QTEST_MAIN(tst_Translations)
#include "tst_translations.moc"
