#include "ServeSettings.h"

#include <QFile>
#include <QFileInfo>

namespace portal::cli {

std::optional<ServeSettings> ServeSettings::load(const QCommandLineParser &parser,
                                                 const QCommandLineOption &configOption,
                                                 const QList<QCommandLineOption> &options, QString *error)
{
    ServeSettings settings(parser);
    const bool explicitFile = parser.isSet(configOption);
    const QString path = explicitFile ? parser.value(configOption) : kDefaultConfig;
    if (!explicitFile && !QFileInfo::exists(path))
        return settings;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        *error = QStringLiteral("cannot read the configuration %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QSet<QString> known;
    for (const QCommandLineOption &option : options)
        known.insert(option.names().constLast());
    int lineNumber = 0;
    while (!file.atEnd()) {
        ++lineNumber;
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        const QString name = line.left(equals).trimmed();
        if (equals <= 0 || !known.contains(name)) {
            *error = equals <= 0
                ? QStringLiteral("%1:%2: expected \"name = value\"").arg(path).arg(lineNumber)
                : QStringLiteral("%1:%2: unknown setting \"%3\"").arg(path).arg(lineNumber).arg(name);
            return std::nullopt;
        }
        settings.m_file.insert(name, line.mid(equals + 1).trimmed());
    }
    settings.m_path = path;
    return settings;
}

QString ServeSettings::value(const QCommandLineOption &option) const
{
    const QString name = option.names().constLast();
    if (m_parser->isSet(option) || !m_file.contains(name))
        return m_parser->value(option);
    return m_file.value(name);
}

bool ServeSettings::isSet(const QCommandLineOption &option) const
{
    return m_parser->isSet(option) || m_file.contains(option.names().constLast());
}

std::optional<bool> ServeSettings::flag(const QCommandLineOption &option, QString *error) const
{
    if (m_parser->isSet(option))
        return true;
    const QString name = option.names().constLast();
    const QString text = m_file.value(name, QStringLiteral("false")).toLower();
    if (text == QLatin1String("true") || text == QLatin1String("yes") || text == QLatin1String("1"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("no") || text == QLatin1String("0"))
        return false;
    *error = QStringLiteral("%1: \"%2\" wants true or false").arg(m_path, name);
    return std::nullopt;
}

} // namespace portal::cli
