// Icons for rows of item views: the SVG drawn at the usual sizes (up to 3x) for normal rows and in white for
// selected rows, where the coloured strokes would vanish into the highlight. Cached per name.
#pragma once

#include <QIcon>

namespace portal::ui {

// `path` is a resource path such as ":/icons/document.svg".
QIcon itemIcon(const QString &path);

} // namespace portal::ui
