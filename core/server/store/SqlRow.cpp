#include "SqlRow.h"

#include "SqlRepositories.h"

namespace portal::store {

namespace {

const QString kTimestampFormat = QStringLiteral("yyyy-MM-dd'T'HH:mm:ss.zzz'Z'");
const QString kDateFormat = QStringLiteral("yyyy-MM-dd");

} // namespace

QVariant SqlRow::value(int column) const
{
    return m_query.value(column);
}

qint64 SqlRow::integer(int column) const
{
    return m_query.value(column).toLongLong();
}

std::optional<qint64> SqlRow::optionalInteger(int column) const
{
    const QVariant value = m_query.value(column);
    if (value.isNull())
        return std::nullopt;
    return value.toLongLong();
}

QString SqlRow::text(int column) const
{
    return m_query.value(column).toString();
}

bool SqlRow::flag(int column) const
{
    // toBool() covers both an INTEGER 0/1 column and a boolean expression (EXISTS in PostgreSQL).
    return m_query.value(column).toBool();
}

QDate SqlRow::date(int column) const
{
    const QVariant value = m_query.value(column);
    if (value.isNull())
        return {};
    return QDate::fromString(value.toString(), kDateFormat);
}

QDateTime SqlRow::timestamp(int column) const
{
    const QVariant value = m_query.value(column);
    if (value.isNull())
        return {};
    return QDateTime::fromString(value.toString(), Qt::ISODateWithMs); // the "Z" makes it UTC
}

QString SqlRow::personName(int firstColumn) const
{
    return displayName(text(firstColumn), text(firstColumn + 1), text(firstColumn + 2));
}

api::CaseRef SqlRow::caseRef(int firstColumn) const
{
    return { integer(firstColumn), text(firstColumn + 1) };
}

QVariant sqlNull()
{
    return QVariant();
}

QVariant sqlTimestamp(const QDateTime &time)
{
    if (!time.isValid())
        return sqlNull();
    return time.toUTC().toString(kTimestampFormat);
}

QVariant sqlDate(const QDate &date)
{
    if (!date.isValid())
        return sqlNull();
    return date.toString(kDateFormat);
}

QVariant sqlFlag(bool value)
{
    return value ? 1 : 0;
}

QVariant sqlOptionalInteger(const std::optional<qint64> &value)
{
    if (!value)
        return sqlNull();
    return *value;
}

} // namespace portal::store
