#include "NotificationWatch.h"

#include "ClientCache.h"

namespace portal::ui {

namespace {
// A sync can bring many at once; the pop-up words the newest and counts the rest.
constexpr int newestToRead = 50;
} // namespace

NotificationWatch::NotificationWatch(client::ClientCache &cache, QObject *parent)
    : QObject(parent)
    , m_cache(cache)
{
    connect(&m_cache, &client::ClientCache::changed, this, [this](client::CacheKinds kinds) {
        if (kinds.testAnyFlags(client::CacheKind::Notifications | client::CacheKind::Threads
                               | client::CacheKind::Messages))
            check();
    });
    check();
}

void NotificationWatch::check()
{
    if (auto totals = m_cache.unreadTotals()) {
        const int unread = totals->notifications + totals->messages;
        if (unread != m_unread) {
            m_unread = unread;
            emit unreadCountChanged(unread);
        }
    }
    auto read = m_cache.notifications(newestToRead);
    if (!read || read->isEmpty())
        return;
    qint64 newest = m_newestSeen;
    QList<api::Notification> fresh;
    for (const api::Notification &n : std::as_const(*read)) {
        newest = qMax(newest, n.id);
        if (m_started && n.id > m_newestSeen && !n.isRead)
            fresh.append(n);
    }
    std::sort(fresh.begin(), fresh.end(), [](const auto &a, const auto &b) { return a.id > b.id; });
    m_newestSeen = newest;
    m_started = true;
    if (!fresh.isEmpty())
        emit arrived(fresh);
}

} // namespace portal::ui
