// What the server answered for a sent outbox item (or what the client found of an earlier attempt), and how
// it enters the cache: in one apply() together with the item's removal, so a view never shows the pending
// copy and the real object at once, nor neither.
#pragma once

#include "ClientCache.h"
#include "Outbox.h"
#include "WireTypes.h"

#include <optional>
#include <variant>

namespace portal::client {

// monostate: nothing to write (a read the server no longer knows, e.g. the thread is gone).
using SentAnswer = std::variant<std::monostate, api::Message, api::ThreadDetail, api::DocumentDetail,
                                api::Document, api::Thread, api::Notification>;

// The created object's id (message, thread, document), if the answer made one.
std::optional<qint64> createdId(const SentAnswer &answer);

// Writes `answer` for `item` and removes the item, in one transaction.
CacheResult<Done> recordSent(ClientCache &cache, const OutboxItem &item, const SentAnswer &answer);

} // namespace portal::client
