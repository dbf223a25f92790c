#include "Wording.h"

#include <QCoreApplication>
#include <QLocale>

namespace portal::ui::wording {

QString codeAsWords(const QString &code)
{
    QString words = code.toLower().replace(QLatin1Char('_'), QLatin1Char(' ')).trimmed();
    if (!words.isEmpty())
        words[0] = words[0].toUpper();
    return words;
}

QString caseStatus(const QString &code)
{
    if (code == QLatin1String("OPEN"))
        return QCoreApplication::translate("Wording", "Open");
    if (code == QLatin1String("CLOSED"))
        return QCoreApplication::translate("Wording", "Closed");
    if (code == QLatin1String("PENDING"))
        return QCoreApplication::translate("Wording", "Pending");
    if (code == QLatin1String("ON_HOLD"))
        return QCoreApplication::translate("Wording", "On hold");
    return codeAsWords(code);
}

QString caseType(const QString &code)
{
    if (code == QLatin1String("CIVIL"))
        return QCoreApplication::translate("Wording", "Civil");
    if (code == QLatin1String("CRIMINAL"))
        return QCoreApplication::translate("Wording", "Criminal");
    if (code == QLatin1String("INTELLECTUAL_PROPERTY"))
        return QCoreApplication::translate("Wording", "Intellectual property");
    if (code == QLatin1String("CORPORATE"))
        return QCoreApplication::translate("Wording", "Corporate");
    if (code == QLatin1String("FAMILY"))
        return QCoreApplication::translate("Wording", "Family");
    return codeAsWords(code);
}

QString taskStatus(const QString &code)
{
    if (code == QLatin1String("PENDING"))
        return QCoreApplication::translate("Wording", "To do");
    if (code == QLatin1String("IN_PROGRESS"))
        return QCoreApplication::translate("Wording", "In progress");
    if (code == QLatin1String("COMPLETED"))
        return QCoreApplication::translate("Wording", "Completed");
    return codeAsWords(code);
}

QString searchKind(client::SearchKind kind)
{
    switch (kind) {
    case client::SearchKind::Case:
        return QCoreApplication::translate("Wording", "Cases");
    case client::SearchKind::Thread:
        return QCoreApplication::translate("Wording", "Threads");
    case client::SearchKind::Message:
        return QCoreApplication::translate("Wording", "Messages");
    case client::SearchKind::Document:
        return QCoreApplication::translate("Wording", "Documents");
    case client::SearchKind::Task:
        return QCoreApplication::translate("Wording", "Tasks");
    case client::SearchKind::Notification:
        return QCoreApplication::translate("Wording", "Notifications");
    }
    return {};
}

QString shortDate(const QDate &date)
{
    return date.isValid() ? QLocale().toString(date, QLocale::ShortFormat) : QString();
}

QString shortDateTime(const QDateTime &utc)
{
    return utc.isValid() ? QLocale().toString(utc.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString dataSize(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

} // namespace portal::ui::wording
