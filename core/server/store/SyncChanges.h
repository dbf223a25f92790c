// The change log behind the delta sync (GET /api/portal/sync/): one sync_changes row per object a client
// sees, whose `seq` moves to the end of the log whenever the object changes (or appears, or is deleted), in
// the transaction of the write that changed it. A page of the sync is then "the caller's rows after seq N".
// `seq` comes from the one-row sync_counter, which every write transaction updates: in PostgreSQL that row
// lock orders the writers, so a reader never sees seq 12 committed while 11 is still to come (a sequence
// could hand out 11 and 12 to two transactions that commit in the other order). Internal to portal_store.
#pragma once

#include "Result.h"

#include <QString>
#include <QVariantList>
#include <optional>

namespace portal::store {

class Database;

namespace sync {

enum class Kind { Profile, Case, Thread, Message, Document, Task, Notification };
QString kindName(Kind kind); // the `kind` column's value: profile, case, thread, ...

// Moves the objects `selectSql` gives to the end of the log (new rows for new objects), each to its own
// new seq, in object id order. `selectSql` must give distinct object ids in the columns `object_id`,
// `client_id` (the client who sees it) and `user_id` (NULL: all the client's users; otherwise the only
// user who sees it), e.g. "SELECT d.id AS object_id, c.client_id AS client_id, CAST(NULL AS BIGINT) AS
// user_id FROM documents d JOIN cases c ON c.id = d.case_id WHERE d.case_id = ?". Run it inside the
// write's transaction.
Result<Done> touch(Database &database, Kind kind, const QString &selectSql, const QVariantList &values);
// One object; a null userId: every user of the client sees it.
Result<Done> touchOne(Database &database, Kind kind, qint64 objectId, qint64 clientId,
                      std::optional<qint64> userId = std::nullopt);
// Keeps the object's row as a tombstone at the end of the log, so that clients hear of the deletion.
Result<Done> markDeleted(Database &database, Kind kind, qint64 objectId);

// Statements (no bound values) that give every object without a row one, parents first: run by the
// migration that created the log (for the data before it) and after a fixture import (which adds objects
// with SQL of its own). Objects that have a row keep theirs.
QStringList trackUntrackedStatements();

} // namespace sync

} // namespace portal::store
