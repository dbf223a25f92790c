// PostgreSQL's own client programs (pg_dump, pg_restore) as the PostgreSQL backup and restore run them
// (PostgresBackup.h). A command line is public (ps, /proc/PID/cmdline), so the database is named by a libpq
// connection string built from the store's URL without its password, and the password reaches the program
// through its environment only (PGPASSWORD, which only the same user and root can read). A failure comes
// back as one line, the program's first error line: its further lines (DETAIL, CONTEXT, "Command was") may
// quote rows, and rows hold secrets.
#pragma once

#include "Result.h"

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace portal::store {

// A program as it is started: the tests look at it for the password.
struct PgCommand
{
    QString program; // its absolute path
    QStringList arguments;
    QProcessEnvironment environment;
};

class PgClientProgram
{
public:
    // Finds `name` (pg_dump, pg_restore) in PATH and asks it its version; Failure naming the Debian package
    // when it is not there.
    static Result<PgClientProgram> find(const QString &name);

    QString name() const { return m_name; }
    QString version() const { return m_version; } // "15.18"
    int majorVersion() const { return m_majorVersion; } // 15

    // How it is started with `options` on the database `url` (--dbname and the password's environment);
    // without a URL, with `options` alone (pg_restore --list FILE).
    PgCommand command(const QStringList &options, const QUrl &url = {}) const;
    // Runs command(options, url) to its end and gives its standard output, or Failure with one line.
    Result<QByteArray> run(const QStringList &options, const QUrl &url = {}) const;

private:
    QString m_name;
    QString m_path;
    QString m_version;
    int m_majorVersion = 0;
};

// libpq's connection string for `url` without its password: host, port, dbname, user and the URL's query
// items (sslmode, connect_timeout…, as Database::openPostgres() hands them to libpq), key='value' pairs.
QString libpqConnectionString(const QUrl &url);

// The password of `url`: its user info's, else a "password" query item's; empty when it has none (libpq
// then looks for one itself: PGPASSWORD, ~/.pgpass).
QString passwordOf(const QUrl &url);

// "15.18" and 15 from `pg_dump --version`'s "pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"; an empty
// version and 0 when the text is not of that form.
std::pair<QString, int> parsePgClientVersion(const QByteArray &versionOutput);

// Refuses, in one line, a pg_dump older than the server: pg_dump reads servers of its own major version and
// older only. `serverVersionNum` as the server's server_version_num (160002), `serverVersion` as its
// server_version ("16.2").
Result<Done> checkPgDumpReadsServer(const QString &pgDumpVersion, int pgDumpMajor, int serverVersionNum,
                                    const QString &serverVersion);

} // namespace portal::store
