#include "DocumentTypes.h"

#include <QFileInfo>
#include <QMimeDatabase>

namespace portal::store {

QString fileTypeFromName(const QString &fileName)
{
    const QString suffix = QFileInfo(fileName).suffix().toUpper();
    return suffix.isEmpty() ? QStringLiteral("FILE") : suffix;
}

QString contentTypeFromName(const QString &fileName)
{
    // By name only: the bytes are the uploader's and say what they like.
    return QMimeDatabase().mimeTypeForFile(fileName, QMimeDatabase::MatchExtension).name();
}

} // namespace portal::store
