// Turns what a person types into a search box into a safe FTS5 match expression: every word becomes a
// quoted prefix term ("contr" -> "contr"*), all of which must match. Quotes, '*', '-', ':', parentheses,
// NEAR/AND/OR/NOT and the like are never operators, so no input can make the query fail.
#pragma once

#include <QString>

namespace portal::client {

// An empty string when the text holds no word (then nothing is searched).
QString ftsMatchExpression(const QString &text);

} // namespace portal::client
