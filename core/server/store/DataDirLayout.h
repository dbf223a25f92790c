// Where things live inside a store's data folder.
#pragma once

#include <QDir>
#include <QString>

namespace portal::store::layout {

inline QString databaseFile(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("portal.sqlite3"));
}

// The documents' bytes, each under a generated storage name (never the uploaded name).
inline QString documentsDir(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("documents"));
}

// Uploads being received; on the same file system as documentsDir() so that adding one is a rename.
inline QString incomingDir(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("incoming"));
}

} // namespace portal::store::layout
