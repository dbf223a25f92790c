#include "ByteRange.h"

#include <limits>
#include <optional>

namespace portal::http {

namespace {

constexpr qint64 kSaturated = std::numeric_limits<qint64>::max();

// 1*DIGIT as a non-negative number; values beyond qint64 saturate (they are past the end of any file anyway).
std::optional<qint64> parsePosition(QByteArrayView text)
{
    if (text.isEmpty())
        return std::nullopt;
    qint64 value = 0;
    for (const char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        const int digit = c - '0';
        value = value > (kSaturated - digit) / 10 ? kSaturated : value * 10 + digit;
    }
    return value;
}

QByteArrayView trimmed(QByteArrayView text)
{
    while (!text.isEmpty() && (text.front() == ' ' || text.front() == '\t'))
        text = text.sliced(1);
    while (!text.isEmpty() && (text.back() == ' ' || text.back() == '\t'))
        text.chop(1);
    return text;
}

ByteRange whole(qint64 size)
{
    return { ByteRange::Kind::Whole, 0, size };
}

ByteRange unsatisfiable()
{
    return { ByteRange::Kind::Unsatisfiable, 0, 0 };
}

} // namespace

QByteArray ByteRange::contentRange(qint64 resourceSize) const
{
    return "bytes " + QByteArray::number(offset) + '-' + QByteArray::number(offset + length - 1) + '/'
        + QByteArray::number(resourceSize);
}

QByteArray ByteRange::unsatisfiedContentRange(qint64 resourceSize)
{
    return "bytes */" + QByteArray::number(resourceSize);
}

ByteRange parseByteRange(QByteArrayView header, qint64 resourceSize)
{
    resourceSize = qMax<qint64>(resourceSize, 0);
    header = trimmed(header);
    const qsizetype equals = header.indexOf('=');
    if (equals < 0 || QByteArrayView(header.first(equals)).compare("bytes", Qt::CaseInsensitive) != 0)
        return whole(resourceSize);

    // range-set = 1#range-spec; empty list elements (",,") are allowed and ignored.
    QByteArrayView spec;
    int specCount = 0;
    QByteArrayView rest = header.sliced(equals + 1);
    while (true) {
        const qsizetype comma = rest.indexOf(',');
        const QByteArrayView element = trimmed(comma < 0 ? rest : rest.first(comma));
        if (!element.isEmpty()) {
            spec = element;
            ++specCount;
        }
        if (comma < 0)
            break;
        rest = rest.sliced(comma + 1);
    }
    if (specCount != 1)
        return whole(resourceSize); // none, or several ranges: serve the whole resource

    const qsizetype dash = spec.indexOf('-');
    if (dash < 0)
        return whole(resourceSize);
    const QByteArrayView firstText = spec.first(dash);
    const QByteArrayView lastText = spec.sliced(dash + 1);

    if (firstText.isEmpty()) { // suffix range "-n"
        const std::optional<qint64> suffix = parsePosition(lastText);
        if (!suffix)
            return whole(resourceSize);
        if (*suffix == 0 || resourceSize == 0)
            return unsatisfiable();
        const qint64 length = qMin(*suffix, resourceSize);
        return { ByteRange::Kind::Partial, resourceSize - length, length };
    }

    const std::optional<qint64> first = parsePosition(firstText);
    if (!first)
        return whole(resourceSize);
    qint64 last = resourceSize - 1;
    if (!lastText.isEmpty()) {
        const std::optional<qint64> parsedLast = parsePosition(lastText);
        if (!parsedLast || *parsedLast < *first)
            return whole(resourceSize); // an invalid range-spec is ignored, not refused
        last = qMin(*parsedLast, resourceSize - 1);
    }
    if (*first >= resourceSize)
        return unsatisfiable();
    return { ByteRange::Kind::Partial, *first, last - *first + 1 };
}

} // namespace portal::http
