#include "AccountPaths.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace portal::client {

namespace {

// Letters, digits, '.', '-', '_' survive; anything else becomes '_' (folder names must work on every
// file system, and a user name may hold anything).
QString safeName(const QString &text, int maxLength)
{
    QString safe;
    for (QChar c : text) {
        const bool keep = (c.unicode() < 128 && c.isLetterOrNumber()) || c == u'.' || c == u'-' || c == u'_';
        safe.append(keep ? c : QChar(u'_'));
        if (safe.size() >= maxLength)
            break;
    }
    while (safe.contains(QLatin1String("..")))
        safe.replace(QLatin1String(".."), QLatin1String("_"));
    while (safe.startsWith(u'.'))
        safe.remove(0, 1);
    return safe;
}

// The same server however it was typed: scheme and host in lower case, the default port dropped, no
// trailing slash, no query or fragment.
QString normalizedServer(const QUrl &url)
{
    QUrl normal = url.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo
                               | QUrl::StripTrailingSlash | QUrl::NormalizePathSegments);
    normal.setScheme(normal.scheme().toLower());
    normal.setHost(normal.host().toLower());
    if ((normal.scheme() == u"https" && normal.port() == 443)
        || (normal.scheme() == u"http" && normal.port() == 80))
        normal.setPort(-1);
    if (normal.path() == u"/")
        normal.setPath(QString());
    return normal.toString(QUrl::FullyEncoded);
}

} // namespace

AccountPaths::AccountPaths(const QString &baseDir, const QUrl &serverUrl, const QString &userName)
    : m_accountDir(
        QDir(baseDir).absoluteFilePath(QStringLiteral("accounts/") + folderName(serverUrl, userName)))
{ }

QString AccountPaths::defaultBaseDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
}

QString AccountPaths::folderName(const QUrl &serverUrl, const QString &userName)
{
    const QByteArray identity = normalizedServer(serverUrl).toUtf8() + '\n' + userName.toUtf8();
    const QString hash = QString::fromLatin1(
        QCryptographicHash::hash(identity, QCryptographicHash::Sha256).toHex().left(16));
    QString host = safeName(serverUrl.host().toLower(), 40);
    if (host.isEmpty())
        host = QStringLiteral("server");
    QString user = safeName(userName, 40);
    if (user.isEmpty())
        user = QStringLiteral("user");
    return QStringLiteral("%1-%2-%3").arg(host, user, hash);
}

QString AccountPaths::databasePath() const
{
    return QDir(m_accountDir).filePath(QStringLiteral("cache.sqlite"));
}

QString AccountPaths::filesDir() const
{
    return QDir(m_accountDir).filePath(QStringLiteral("files"));
}

QString AccountPaths::documentFilePath(qint64 documentId, const QString &fileName) const
{
    // The server's name may hold a path or characters the local file system refuses.
    QString name = safeName(QFileInfo(fileName).fileName(), 100);
    if (name.isEmpty())
        name = QStringLiteral("document");
    return QDir(filesDir()).filePath(QStringLiteral("%1-%2").arg(documentId).arg(name));
}

CacheResult<Done> AccountPaths::create() const
{
    if (!QDir().mkpath(filesDir())) {
        return CacheError::make(CacheError::Kind::CannotOpen,
                                QStringLiteral("cannot create the folder %1").arg(filesDir()));
    }
    return Done {};
}

} // namespace portal::client
