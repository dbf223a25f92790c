// ClientCache::search(): the FTS5 query, and what a hit needs for showing and navigating to it.
#include "CacheDatabase.h"
#include "ClientCache.h"
#include "SearchQuery.h"

namespace portal::client {

namespace {

constexpr int maxTerms = 16; // more words than that narrow nothing and cost time
constexpr int maxTermLength = 64;

} // namespace

QString ftsMatchExpression(const QString &text)
{
    QStringList terms;
    QString word;
    const auto endWord = [&] {
        if (!word.isEmpty() && terms.size() < maxTerms)
            terms.append(QStringLiteral("\"%1\"*").arg(word.left(maxTermLength)));
        word.clear();
    };
    // Letters, digits and combining marks (a decomposed "é") make words; everything else separates them, so
    // a term never holds a quote and needs no escaping.
    for (QChar c : text) {
        if (c.isLetterOrNumber() || c.isMark())
            word.append(c);
        else
            endWord();
    }
    endWord();
    return terms.join(QLatin1Char(' '));
}

QString SearchHit::snippetHtml() const
{
    QString html = snippet.toHtmlEscaped();
    html.replace(MatchStart, QLatin1String("<b>")).replace(MatchEnd, QLatin1String("</b>"));
    return html;
}

CacheResult<QList<SearchHit>> ClientCache::search(const QString &text, int limit)
{
    const QString match = ftsMatchExpression(text);
    if (match.isEmpty() || limit <= 0)
        return QList<SearchHit>();

    // Titles weigh four times the body. The rowid holds the object's id and its kind (see CacheSchema.cpp).
    auto found = m_database->selectAll<SearchHit>(
        QStringLiteral("SELECT rowid, snippet(search_index, -1, char(2), char(3), '…', 12), "
                       "bm25(search_index, 4.0, 1.0) AS score FROM search_index WHERE search_index MATCH ? "
                       "ORDER BY score LIMIT ?"),
        { match, limit }, [](const CacheRow &row) {
            SearchHit hit;
            const qint64 key = row.integer(0);
            hit.kind = SearchKind(key & 7);
            hit.objectId = key >> 3;
            hit.snippet = row.text(1);
            hit.score = row.real(2);
            return hit;
        });
    if (!found)
        return found;

    // What each hit shows and leads to: up to `limit` lookups by primary key.
    for (SearchHit &hit : *found) {
        CacheResult<Done> done = Done {};
        const QVariantList id { hit.objectId };
        switch (hit.kind) {
        case SearchKind::Case:
            hit.caseId = hit.objectId;
            done = m_database->exec(QStringLiteral("SELECT title FROM cases WHERE id = ?"), id,
                                    [&](const CacheRow &row) { hit.title = row.text(0); });
            break;
        case SearchKind::Thread:
            hit.threadId = hit.objectId;
            done = m_database->exec(QStringLiteral("SELECT subject, case_id FROM threads WHERE id = ?"), id,
                                    [&](const CacheRow &row) {
                                        hit.title = row.text(0);
                                        hit.caseId = row.integer(1);
                                    });
            break;
        case SearchKind::Message:
            done = m_database->exec(
                QStringLiteral("SELECT coalesce(t.subject, ''), m.thread_id, coalesce(t.case_id, 0) "
                               "FROM messages m LEFT JOIN threads t ON t.id = m.thread_id WHERE m.id = ?"),
                id, [&](const CacheRow &row) {
                    hit.title = row.text(0);
                    hit.threadId = row.integer(1);
                    hit.caseId = row.integer(2);
                });
            break;
        case SearchKind::Document:
            done = m_database->exec(QStringLiteral("SELECT title, case_id FROM documents WHERE id = ?"), id,
                                    [&](const CacheRow &row) {
                                        hit.title = row.text(0);
                                        hit.caseId = row.integer(1);
                                    });
            break;
        case SearchKind::Task:
            done = m_database->exec(QStringLiteral("SELECT title, case_id FROM tasks WHERE id = ?"), id,
                                    [&](const CacheRow &row) {
                                        hit.title = row.text(0);
                                        hit.caseId = row.integer(1);
                                    });
            break;
        case SearchKind::Notification:
            done = m_database->exec(
                QStringLiteral("SELECT title, related_object_type, related_object_id FROM notifications "
                               "WHERE id = ?"),
                id, [&](const CacheRow &row) {
                    hit.title = row.text(0);
                    // A notification about a thread or a case leads there.
                    if (row.text(1) == QLatin1String("MessageThread"))
                        hit.threadId = row.integer(2);
                    else if (row.text(1) == QLatin1String("Case"))
                        hit.caseId = row.integer(2);
                });
            break;
        }
        if (!done)
            return done.error();
    }
    return found;
}

} // namespace portal::client
