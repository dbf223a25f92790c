#include "MessageDelegate.h"

#include "MessageListModel.h"
#include "ModelRoles.h"

#include <QAbstractItemView>
#include <QPainter>

namespace portal::ui {

namespace {
constexpr int margin = 10; // around the bubble
constexpr int inner = 8; // inside the bubble

QFont smallFont(const QFont &font)
{
    QFont small = font;
    small.setPointSizeF(font.pointSizeF() * 0.9);
    return small;
}
} // namespace

int MessageDelegate::viewWidth(const QStyleOptionViewItem &option) const
{
    if (auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
        return view->viewport()->width();
    return option.rect.width() > 0 ? option.rect.width() : 480;
}

MessageDelegate::Layout MessageDelegate::layout(const QStyleOptionViewItem &option, const QModelIndex &index,
                                                int width) const
{
    Layout l;
    const int bubbleWidth = qMax(160, int(width * 0.78));
    const int textWidth = bubbleWidth - 2 * inner;
    const QFontMetrics body(option.font);
    const QFontMetrics small(smallFont(option.font));
    const QRect textBounds = body.boundingRect(QRect(0, 0, textWidth, 100000), Qt::TextWordWrap,
                                               index.data(Qt::DisplayRole).toString());
    switch (index.data(SendStateRole).toInt()) {
    case MessageListModel::Pending:
        l.footerText = tr("Waiting to be sent");
        break;
    case MessageListModel::Sending:
        l.footerText = tr("Sending…");
        break;
    case MessageListModel::Failed:
        l.footerText = tr("Not sent: %1").arg(index.data(ErrorTextRole).toString());
        break;
    }
    const int footerHeight = l.footerText.isEmpty()
        ? 0
        : small.boundingRect(QRect(0, 0, textWidth, 1000), Qt::TextWordWrap, l.footerText).height() + 4;
    const int height = inner + small.height() + 4 + textBounds.height() + footerHeight + inner;
    const bool own = index.data(OwnRole).toBool();
    const int left = own ? option.rect.left() + width - margin - bubbleWidth : option.rect.left() + margin;
    l.bubble = QRect(left, option.rect.top() + margin / 2, bubbleWidth, height);
    l.header = QRect(left + inner, l.bubble.top() + inner, textWidth, small.height());
    l.body = QRect(left + inner, l.header.bottom() + 4, textWidth, textBounds.height());
    l.footer = QRect(left + inner, l.body.bottom() + 4, textWidth, footerHeight);
    return l;
}

void MessageDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                            const QModelIndex &index) const
{
    const Layout l = layout(option, index, viewWidth(option));
    const bool own = index.data(OwnRole).toBool();
    const bool selected = option.state & QStyle::State_Selected;
    const QPalette &palette = option.palette;

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    QColor fill = own ? palette.color(QPalette::Highlight) : palette.color(QPalette::AlternateBase);
    if (own)
        fill.setAlphaF(0.18f);
    painter->setBrush(fill);
    QColor border = palette.color(QPalette::Mid);
    if (selected || (option.state & QStyle::State_HasFocus))
        border = palette.color(QPalette::Highlight);
    painter->setPen(QPen(border, selected ? 2 : 1));
    painter->drawRoundedRect(l.bubble, 8, 8);

    const QFont small = smallFont(option.font);
    QFont senderFont = small;
    senderFont.setBold(true);
    QColor quiet = palette.color(QPalette::Text);
    quiet.setAlphaF(0.65f);
    painter->setFont(senderFont);
    painter->setPen(palette.color(QPalette::Text));
    const QString sender = index.data(SecondaryTextRole).toString();
    painter->drawText(l.header, Qt::AlignLeft | Qt::AlignVCenter, sender);
    QString meta = index.data(MetaTextRole).toString();
    if (index.data(UnreadRole).toBool())
        meta = tr("New") + QStringLiteral(" · ") + meta;
    painter->setFont(small);
    painter->setPen(quiet);
    painter->drawText(l.header, Qt::AlignRight | Qt::AlignVCenter, meta);
    if (index.data(UnreadRole).toBool()) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(palette.color(QPalette::Highlight));
        const int d = 8;
        painter->drawEllipse(QRect(l.bubble.left() - d - 2, l.header.center().y() - d / 2, d, d));
    }

    painter->setFont(option.font);
    painter->setPen(palette.color(QPalette::Text));
    painter->drawText(l.body, Qt::TextWordWrap, index.data(Qt::DisplayRole).toString());

    if (!l.footerText.isEmpty()) {
        const bool failed = index.data(SendStateRole).toInt() == MessageListModel::Failed;
        QFont footerFont = small;
        footerFont.setItalic(!failed);
        footerFont.setBold(failed);
        painter->setFont(footerFont);
        painter->setPen(failed ? QColor(0xd6, 0x45, 0x45) : quiet);
        painter->drawText(l.footer, Qt::TextWordWrap | Qt::AlignRight, l.footerText);
    }
    painter->restore();
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const int width = viewWidth(option);
    const Layout l = layout(option, index, width);
    return { width, l.bubble.height() + margin };
}

} // namespace portal::ui
