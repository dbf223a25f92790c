// Draws one message of a conversation as a bubble: the sender and time above the wrapped text, the
// person's own messages on the right, an unread mark, and below unsent messages whether they wait or
// failed (with the reason). Heights follow the text wrapped to the view's width.
#pragma once

#include <QStyledItemDelegate>

namespace portal::ui {

class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    struct Layout
    {
        QRect bubble, header, body, footer;
        QString footerText;
    };
    Layout layout(const QStyleOptionViewItem &option, const QModelIndex &index, int width) const;
    int viewWidth(const QStyleOptionViewItem &option) const;
};

} // namespace portal::ui
