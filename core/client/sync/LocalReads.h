// The person's reads that the outbox has not yet carried to the server (mark-thread-read and
// mark-notification-read items not sent). A sync writes the server's read state, which does not know them
// yet; re-applying these afterwards in the same transaction keeps what the person already saw as read.
#pragma once

#include "CacheWriter.h"
#include "ClientCache.h"

#include <QSet>

namespace portal::client {

struct LocalReads
{
    QSet<qint64> threads;
    QSet<qint64> notifications;

    // From the outbox's unsent items (an unreadable outbox gives none: the sync then shows the server's).
    static LocalReads pending(ClientCache &cache);
    // Marks them read again through `writer` (inside the sync's apply()).
    void reapply(CacheWriter &writer) const;
};

} // namespace portal::client
