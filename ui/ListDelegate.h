// Draws a row of the threads, notifications and search lists in two lines: the icon, the title (in the
// model's font: bold while unread), a time on the right, a second line in a quieter colour and an unread
// count as a badge. Colours come from the palette, so light and dark themes both read well.
#pragma once

#include <QStyledItemDelegate>

namespace portal::ui {

class ListDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    // The badge of `count` at the right of `rect` (also used by the sidebar).
    static void paintBadge(QPainter *painter, const QRect &rect, int count, const QPalette &palette,
                           bool selected);
};

} // namespace portal::ui
