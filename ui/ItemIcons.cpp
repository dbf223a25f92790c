#include "ItemIcons.h"

#include <QHash>
#include <QPainter>
#include <QPixmap>

namespace portal::ui {

QIcon itemIcon(const QString &path)
{
    static QHash<QString, QIcon> cache;
    if (auto found = cache.constFind(path); found != cache.constEnd())
        return *found;
    // A pixmap icon with both modes: the SVG engine keeps one added pixmap per mode, of one size only.
    QIcon icon;
    const QIcon source(path);
    // Sizes up to 3x of the 16 to 24 px the lists use, so selected rows stay crisp on high-DPI screens.
    for (int size : { 16, 20, 24, 32, 40, 48, 64, 72 }) {
        const QPixmap normal = source.pixmap(QSize(size, size));
        if (normal.isNull())
            continue;
        icon.addPixmap(normal, QIcon::Normal);
        QPixmap white = normal;
        QPainter painter(&white);
        painter.setCompositionMode(QPainter::CompositionMode_SourceIn);
        painter.fillRect(white.rect(), Qt::white);
        painter.end();
        icon.addPixmap(white, QIcon::Selected);
    }
    cache.insert(path, icon);
    return icon;
}

} // namespace portal::ui
