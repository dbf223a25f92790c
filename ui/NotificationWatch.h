// Which notifications are new since the program started, for the tray's pop-up messages: it remembers the
// newest notification id it has seen and, on each change of the cache's notifications, announces the
// unread ones above it. What the cache held when the watch began (or the first batch an empty cache
// receives, the account's first sync) is history, not news. No widgets, so tests need no tray.
#pragma once

#include "WireTypes.h"

#include <QObject>

namespace portal::client {
class ClientCache;
}

namespace portal::ui {

class NotificationWatch : public QObject
{
    Q_OBJECT

public:
    explicit NotificationWatch(client::ClientCache &cache, QObject *parent = nullptr);

    qint64 newestSeenId() const { return m_newestSeen; }
    int unreadCount() const { return m_unread; } // notifications plus unread messages
    void check(); // also runs on every change of the cache's notifications, threads or messages

signals:
    // Newest first; never empty.
    void arrived(const QList<portal::api::Notification> &fresh);
    void unreadCountChanged(int count);

private:
    client::ClientCache &m_cache;
    qint64 m_newestSeen = 0;
    bool m_started = false; // false until a first notification was seen
    int m_unread = -1;
};

} // namespace portal::ui
