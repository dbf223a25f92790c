// Where `serve` takes its settings from: the command line first, then the configuration file, then the
// built-in defaults. The file (--config FILE; by default /etc/portal-server/portal-server.conf when it
// exists) holds "name = value" lines named as the long options, e.g.
//     data = /var/lib/portal-server
//     listen = 0.0.0.0:8000
//     no-push = true
// with "#" comments. An unknown name or a malformed line is an error, so a typo never goes unnoticed.
#pragma once

#include <QCommandLineParser>
#include <QHash>
#include <optional>

namespace portal::cli {

class ServeSettings
{
public:
    static inline const QString kDefaultConfig = QStringLiteral("/etc/portal-server/portal-server.conf");

    // Reads the file named by `configOption` (or the default one, when it exists). `options` are the
    // names a file may set. Returns nullopt with `error` set when the file is unreadable or malformed.
    static std::optional<ServeSettings> load(const QCommandLineParser &parser,
                                             const QCommandLineOption &configOption,
                                             const QList<QCommandLineOption> &options, QString *error);

    // The option's value: from the command line, else the file, else its default.
    QString value(const QCommandLineOption &option) const;
    bool isSet(const QCommandLineOption &option) const; // on the command line or in the file
    // A switch (an option without a value): given on the command line, or "true"/"false" in the file.
    std::optional<bool> flag(const QCommandLineOption &option, QString *error) const;
    QString configFile() const { return m_path; } // empty when none was read

private:
    explicit ServeSettings(const QCommandLineParser &parser)
        : m_parser(&parser)
    { }

    const QCommandLineParser *m_parser;
    QString m_path;
    QHash<QString, QString> m_file;
};

} // namespace portal::cli
