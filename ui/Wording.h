// The words the views show for the API's codes (statuses, types, kinds) and for times and sizes, in one
// place and translatable. Unknown codes (another server's additions) read as their words in sentence case.
#pragma once

#include "CacheTypes.h"

#include <QDate>
#include <QDateTime>
#include <QString>

namespace portal::ui::wording {

QString caseStatus(const QString &code);
QString caseType(const QString &code);
QString taskStatus(const QString &code);
QString searchKind(client::SearchKind kind);
QString shortDate(const QDate &date); // in the user's locale
QString shortDateTime(const QDateTime &utc); // local time, in the user's locale
QString dataSize(qint64 bytes); // "1.2 MB"
QString codeAsWords(const QString &code); // "IN_PROGRESS" -> "In progress"

} // namespace portal::ui::wording
