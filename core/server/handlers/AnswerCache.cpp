#include "AnswerCache.h"

namespace portal::server {

AnswerCache::AnswerCache(qint64 maxBytes)
    : m_maxBytes(maxBytes)
{ }

QString AnswerCache::keyOf(qint64 userId, const http::Request &request)
{
    return QString::number(userId) + QLatin1Char(' ') + request.path + QLatin1Char('?')
        + request.query.toString(QUrl::FullyEncoded);
}

std::optional<http::Response> AnswerCache::find(const QString &key, const store::ChangeStamp &stamp) const
{
    if (!(stamp == m_stamp))
        return std::nullopt;
    const auto found = m_answers.constFind(key);
    if (found == m_answers.cend())
        return std::nullopt;
    return *found;
}

void AnswerCache::insert(const QString &key, const store::ChangeStamp &stamp, const http::Response &response)
{
    if (response.status() != 200 || response.isFile())
        return;
    // Every answer kept so far was made from older data: none of them may be given out again.
    if (!(stamp == m_stamp) || m_bytes + response.body().size() > m_maxBytes) {
        m_answers.clear();
        m_bytes = 0;
        m_stamp = stamp;
    }
    if (const auto previous = m_answers.constFind(key); previous != m_answers.cend())
        m_bytes -= previous->body().size();
    m_bytes += response.body().size();
    m_answers.insert(key, response);
}

} // namespace portal::server
