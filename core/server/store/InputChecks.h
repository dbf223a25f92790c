// Checks of what clients send (message content, subjects, document titles), collected per field with
// Django REST framework's wording, so that the API's error details read as they did on the original server.
#pragma once

#include "Result.h"

namespace portal::store {

class InputChecks
{
public:
    // Neither empty nor only white space, and at most `maxLength` characters.
    void requireText(const QString &field, const QString &value, qsizetype maxLength);
    // At most `maxLength` characters; may be blank.
    void limitText(const QString &field, const QString &value, qsizetype maxLength);
    void add(const QString &field, const QString &problem) { m_errors[field].append(problem); }
    // A reference to an object the caller may not use: to them it does not exist.
    void unknownObject(const QString &field, qint64 id);

    bool passed() const { return m_errors.isEmpty(); }
    // Invalid, with every field's problems; the message is the first problem.
    StoreError error() const;

private:
    api::FieldErrors m_errors;
};

} // namespace portal::store
