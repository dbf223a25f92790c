// Where an account's cache lives: one folder per (server, user) under the data folder, holding
// `cache.sqlite` and `files/` (downloaded documents). The folder's name is readable (host and user) and made
// unique and stable by a hash of the normalized server URL and the user name, so the same account always
// finds its cache and two accounts never share one.
#pragma once

#include "CacheError.h"

#include <QString>
#include <QUrl>

namespace portal::client {

class AccountPaths
{
public:
    // `baseDir`: the data folder (QStandardPaths::AppDataLocation, or the command line's --data-dir).
    AccountPaths(const QString &baseDir, const QUrl &serverUrl, const QString &userName);

    static QString defaultBaseDir(); // QStandardPaths::AppDataLocation

    QString accountDir() const { return m_accountDir; }
    QString databasePath() const; // accountDir/cache.sqlite
    QString filesDir() const; // accountDir/files
    // A downloaded document's path inside files/: its id and a file name reduced to safe characters.
    QString documentFilePath(qint64 documentId, const QString &fileName) const;

    // Creates the folders (CannotOpen when that fails).
    CacheResult<Done> create() const;

    // The folder name alone, e.g. "portal.example.com-client_username-3fa85f64a1b2c3d4".
    static QString folderName(const QUrl &serverUrl, const QString &userName);

private:
    QString m_accountDir;
};

} // namespace portal::client
