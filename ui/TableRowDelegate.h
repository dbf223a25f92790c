// The tables' rows (cases, documents, tasks) with some air: the style's row plus a few pixels, so dense
// tables stay easy to read and to hit with the mouse.
#pragma once

#include <QStyledItemDelegate>

namespace portal::ui {

class TableRowDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QSize size = QStyledItemDelegate::sizeHint(option, index);
        return { size.width() + 8, qMax(size.height(), option.fontMetrics.height()) + 8 };
    }
};

} // namespace portal::ui
