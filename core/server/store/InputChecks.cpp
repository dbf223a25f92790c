#include "InputChecks.h"

namespace portal::store {

namespace {

// Characters as a person (and Python, which the limits come from) counts them: code points, so that an
// emoji counts once and not as its two UTF-16 halves.
qsizetype characterCount(const QString &text)
{
    qsizetype lowSurrogates = 0;
    for (QChar c : text) {
        if (c.isLowSurrogate())
            ++lowSurrogates;
    }
    return text.size() - lowSurrogates;
}

} // namespace

void InputChecks::requireText(const QString &field, const QString &value, qsizetype maxLength)
{
    if (value.trimmed().isEmpty())
        m_errors[field].append(QStringLiteral("This field may not be blank."));
    else
        limitText(field, value, maxLength);
}

void InputChecks::limitText(const QString &field, const QString &value, qsizetype maxLength)
{
    if (characterCount(value) > maxLength)
        m_errors[field].append(
            QStringLiteral("Ensure this field has no more than %1 characters.").arg(maxLength));
}

void InputChecks::unknownObject(const QString &field, qint64 id)
{
    m_errors[field].append(QStringLiteral("Invalid pk \"%1\" - object does not exist.").arg(id));
}

StoreError InputChecks::error() const
{
    const QString first = m_errors.isEmpty() ? QString() : m_errors.first().value(0);
    return { StoreError::Kind::Invalid, first, m_errors };
}

} // namespace portal::store
