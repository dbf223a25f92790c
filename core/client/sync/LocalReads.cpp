#include "LocalReads.h"

namespace portal::client {

LocalReads LocalReads::pending(ClientCache &cache)
{
    LocalReads reads;
    auto items = cache.outbox().unsentItems();
    if (!items)
        return reads;
    for (const OutboxItem &item : *items) {
        if (item.kind == OutboxKind::MarkThreadRead)
            reads.threads.insert(item.targetId);
        else if (item.kind == OutboxKind::MarkNotificationRead)
            reads.notifications.insert(item.targetId);
    }
    return reads;
}

void LocalReads::reapply(CacheWriter &writer) const
{
    for (qint64 id : threads)
        writer.markThreadRead(id);
    for (qint64 id : notifications)
        writer.markNotificationRead(id);
}

} // namespace portal::client
