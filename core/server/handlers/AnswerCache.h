// Remembers the JSON answers of GET requests per user, for as long as the database has not changed since
// (Database::changeStamp()). Most requests of a portal are reads of unchanged data (clients poll), and
// answering them from memory skips the user lookup, the queries and the encoding. Any write anywhere,
// through this server or another process, changes the stamp and so empties the cache.
#pragma once

#include "HttpMessage.h"
#include "Store.h"

#include <QHash>
#include <optional>

namespace portal::server {

class AnswerCache
{
public:
    explicit AnswerCache(qint64 maxBytes = 32 * 1024 * 1024);

    // The key of a request: the same path and query answer differently to different users.
    static QString keyOf(qint64 userId, const http::Request &request);

    std::optional<http::Response> find(const QString &key, const store::ChangeStamp &stamp) const;
    // Keeps `response` (a 200 with an in-memory body) as the answer to `key` while `stamp` holds.
    void insert(const QString &key, const store::ChangeStamp &stamp, const http::Response &response);

private:
    qint64 m_maxBytes;
    qint64 m_bytes = 0;
    store::ChangeStamp m_stamp;
    QHash<QString, http::Response> m_answers;
};

} // namespace portal::server
