// The cache's schema as numbered migrations, and the upgrade that brings any older file to the newest one.
// The version lives in SQLite's `PRAGMA user_version` (0 for a new file); each migration runs in its own
// transaction together with the version bump, so a file is always at exactly one version. A file newer than
// the code is refused (TooNew) rather than guessed at.
#pragma once

#include "CacheError.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace portal::client {

class CacheDatabase;

struct CacheMigration
{
    int version = 0; // the version the file is at after this migration
    QString description;
    QStringList statements;
};

// Every migration, oldest first; versions are 1, 2, 3, ... without gaps.
const QList<CacheMigration> &cacheMigrations();
int latestCacheVersion();

CacheResult<int> schemaVersion(CacheDatabase &database);
// Runs the migrations after the file's version up to `target` (the newest by default). Tests pass an older
// target to build a file as an older program left it.
CacheResult<Done> upgradeSchema(CacheDatabase &database, int target = latestCacheVersion());

} // namespace portal::client
