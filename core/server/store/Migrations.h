// The schema as numbered migrations, applied in order, each in its own transaction, recorded in the table
// schema_migrations. A database written by a newer build (a version this build does not know) is refused
// rather than used: its meaning may have changed in ways this build cannot see.
#pragma once

#include "Result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace portal::store {

class Database;

struct Migration
{
    int version = 0; // strictly increasing, starting at 1
    QString description;
    QStringList statements; // run in order; "{id_column}" as in Database::execSchema()
};

// This build's migrations, oldest first.
const QList<Migration> &schemaMigrations();

// The newest version applied to the database; 0 for a new database (whose version table it creates).
Result<int> appliedSchemaVersion(Database &database);

// Applies the migrations of `migrations` that the database lacks, in order. Stops at the first failure,
// whose transaction is rolled back, leaving the database at the previous version.
Result<Done> migrate(Database &database, const QList<Migration> &migrations = schemaMigrations());

} // namespace portal::store
