#include "PgTools.h"

#include "Database.h"

#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QUrlQuery>

namespace portal::store {

namespace {

const QString kPasswordParameter = QStringLiteral("password");

// The program's first error line without its "pg_dump: error: " prefix; else its first line.
QString firstErrorLine(const QByteArray &standardError)
{
    const QStringList lines
        = QString::fromLocal8Bit(standardError).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    static const QRegularExpression error(QStringLiteral("^\\S+: error: (.*)$"));
    for (const QString &line : lines) {
        if (const auto match = error.match(line); match.hasMatch())
            return match.captured(1).simplified();
    }
    return lines.isEmpty() ? QString() : lines.first().simplified();
}

} // namespace

QString passwordOf(const QUrl &url)
{
    const QString password = url.password(QUrl::FullyDecoded);
    if (!password.isEmpty())
        return password;
    return QUrlQuery(url).queryItemValue(kPasswordParameter, QUrl::FullyDecoded);
}

QString libpqConnectionString(const QUrl &url)
{
    QStringList parameters {
        QStringLiteral("host=") + Database::libpqQuoted(url.host(QUrl::FullyDecoded)),
        QStringLiteral("port=%1").arg(url.port(5432)),
        QStringLiteral("dbname=") + Database::libpqQuoted(url.path(QUrl::FullyDecoded).mid(1)),
    };
    const QString user = url.userName(QUrl::FullyDecoded);
    if (!user.isEmpty())
        parameters.append(QStringLiteral("user=") + Database::libpqQuoted(user));
    for (const QString &parameter : Database::libpqParameters(url)) {
        if (!parameter.startsWith(kPasswordParameter + QLatin1Char('='))) // PGPASSWORD carries it
            parameters.append(parameter);
    }
    return parameters.join(QLatin1Char(' '));
}

std::pair<QString, int> parsePgClientVersion(const QByteArray &versionOutput)
{
    static const QRegularExpression version(QStringLiteral("\\(PostgreSQL\\) ((\\d+)(\\.\\d+)*)"));
    const auto match = version.match(QString::fromLatin1(versionOutput));
    if (!match.hasMatch())
        return { QString(), 0 };
    return { match.captured(1), match.captured(2).toInt() };
}

Result<Done> checkPgDumpReadsServer(const QString &pgDumpVersion, int pgDumpMajor, int serverVersionNum,
                                    const QString &serverVersion)
{
    // server_version_num is major * 10000 + minor since PostgreSQL 10 (and 9.6.24 was 90624: major 9 here,
    // old enough either way).
    const int serverMajor = serverVersionNum / 10000;
    if (serverMajor <= pgDumpMajor)
        return Done {};
    // Debian's pg_wrapper may pick the client of a local cluster's version even when a newer one is there:
    // the version's own folder first in PATH is certain.
    return StoreError::failure(QStringLiteral("pg_dump %1 cannot dump PostgreSQL %2, a newer server: install "
                                              "postgresql-client-%3 (apt.postgresql.org) and back up with "
                                              "/usr/lib/postgresql/%3/bin first in PATH")
                                   .arg(pgDumpVersion, serverVersion)
                                   .arg(serverMajor));
}

// ---- PgClientProgram -------------------------------------------------------------------------------------

Result<PgClientProgram> PgClientProgram::find(const QString &name)
{
    PgClientProgram program;
    program.m_name = name;
    program.m_path = QStandardPaths::findExecutable(name);
    if (program.m_path.isEmpty())
        return StoreError::failure(
            QStringLiteral("%1 is not installed (Debian: apt-get install postgresql-client)").arg(name));
    auto version = program.run({ QStringLiteral("--version") });
    if (!version)
        return version.error();
    std::tie(program.m_version, program.m_majorVersion) = parsePgClientVersion(*version);
    if (program.m_majorVersion == 0)
        return StoreError::failure(
            QStringLiteral("%1 (%2) does not say which PostgreSQL version it is").arg(name, program.m_path));
    return program;
}

PgCommand PgClientProgram::command(const QStringList &options, const QUrl &url) const
{
    PgCommand command { m_path, options, QProcessEnvironment::systemEnvironment() };
    // The store's URL, password and all, is the parent's business; the program gets what libpq reads.
    command.environment.remove(QStringLiteral("PORTAL_DATABASE_URL"));
    if (url.isEmpty())
        return command;
    // Never ask for a password on the terminal: a backup run by cron would wait forever.
    command.arguments.append(QStringLiteral("--no-password"));
    command.arguments.append(QStringLiteral("--dbname=") + libpqConnectionString(url));
    if (const QString password = passwordOf(url); !password.isEmpty())
        command.environment.insert(QStringLiteral("PGPASSWORD"), password);
    return command;
}

Result<QByteArray> PgClientProgram::run(const QStringList &options, const QUrl &url) const
{
    const PgCommand started = command(options, url);
    QProcess process;
    process.setProgram(started.program);
    process.setArguments(started.arguments);
    process.setProcessEnvironment(started.environment);
    process.setStandardInputFile(QProcess::nullDevice());
    process.start();
    if (!process.waitForStarted())
        return StoreError::failure(
            QStringLiteral("cannot start %1 (%2): %3").arg(m_name, m_path, process.errorString()));
    process.waitForFinished(-1); // as long as the dump takes: there is nothing else to do meanwhile
    const QByteArray output = process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit)
        return StoreError::failure(QStringLiteral("%1 crashed").arg(m_name));
    if (process.exitCode() != 0) {
        const QString reason = firstErrorLine(process.readAllStandardError());
        return StoreError::failure(
            QStringLiteral("%1 failed: %2")
                .arg(m_name,
                     reason.isEmpty() ? QStringLiteral("exit code %1").arg(process.exitCode()) : reason));
    }
    return output;
}

} // namespace portal::store
