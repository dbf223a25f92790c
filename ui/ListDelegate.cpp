#include "ListDelegate.h"

#include "ModelRoles.h"

#include <QApplication>
#include <QIcon>
#include <QPainter>

namespace portal::ui {

namespace {
constexpr int padding = 8;
constexpr int iconSize = 20;
} // namespace

void ListDelegate::paintBadge(QPainter *painter, const QRect &rect, int count, const QPalette &palette,
                              bool selected)
{
    if (count <= 0)
        return;
    const QString text = count > 999 ? QStringLiteral("999+") : QString::number(count);
    QFont font = painter->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 0.85);
    const QFontMetrics metrics(font);
    const int height = metrics.height() + 2;
    const int width = qMax(height, metrics.horizontalAdvance(text) + 10);
    const QRect badge(rect.right() - width, rect.center().y() - height / 2, width, height);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(selected ? palette.highlightedText() : palette.highlight());
    painter->drawRoundedRect(badge, height / 2.0, height / 2.0);
    painter->setFont(font);
    painter->setPen(selected ? palette.highlight().color() : palette.highlightedText().color());
    painter->drawText(badge, Qt::AlignCenter, text);
    painter->restore();
}

void ListDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                         const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    opt.text.clear();
    opt.icon = QIcon();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    const bool selected = option.state & QStyle::State_Selected;
    const QPalette::ColorGroup group
        = option.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled;
    const QColor textColor
        = option.palette.color(group, selected ? QPalette::HighlightedText : QPalette::Text);
    QColor quietColor = textColor;
    quietColor.setAlphaF(0.65f);

    QRect area = option.rect.adjusted(padding, padding / 2, -padding, -padding / 2);
    const QIcon icon = index.data(Qt::DecorationRole).value<QIcon>();
    if (!icon.isNull()) {
        const QRect iconRect(area.left(), area.top() + 2, iconSize, iconSize);
        icon.paint(painter, iconRect, Qt::AlignCenter, selected ? QIcon::Selected : QIcon::Normal);
        area.setLeft(iconRect.right() + padding);
    }

    painter->save();
    const QFont baseFont = option.font;
    QFont titleFont = baseFont;
    if (const QVariant font = index.data(Qt::FontRole); font.isValid())
        titleFont = font.value<QFont>();
    QFont smallFont = baseFont;
    smallFont.setPointSizeF(baseFont.pointSizeF() * 0.9);
    const int lineHeight = QFontMetrics(titleFont).height();
    QRect titleRect(area.left(), area.top(), area.width(), lineHeight);
    QRect secondRect(area.left(), titleRect.bottom() + 2, area.width(), QFontMetrics(smallFont).height());

    const QString meta = index.data(MetaTextRole).toString();
    if (!meta.isEmpty()) {
        painter->setFont(smallFont);
        painter->setPen(quietColor);
        const int metaWidth = QFontMetrics(smallFont).horizontalAdvance(meta);
        painter->drawText(titleRect, Qt::AlignRight | Qt::AlignVCenter, meta);
        titleRect.setRight(titleRect.right() - metaWidth - padding);
    }
    const int badge = index.data(BadgeRole).toInt();
    if (badge > 0) {
        painter->setFont(baseFont);
        paintBadge(painter, secondRect, badge, option.palette, selected);
        secondRect.setRight(secondRect.right() - 40);
    }
    painter->setFont(titleFont);
    painter->setPen(textColor);
    painter->drawText(
        titleRect, Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetrics(titleFont).elidedText(index.data().toString(), Qt::ElideRight, titleRect.width()));
    painter->setFont(smallFont);
    painter->setPen(quietColor);
    const QString second = index.data(SecondaryTextRole).toString().simplified();
    painter->drawText(secondRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(smallFont).elidedText(second, Qt::ElideRight, secondRect.width()));
    painter->restore();

    if (option.state & QStyle::State_HasFocus) {
        QStyleOptionFocusRect focus;
        focus.QStyleOption::operator=(option);
        focus.backgroundColor = option.palette.color(selected ? QPalette::Highlight : QPalette::Base);
        style->drawPrimitive(QStyle::PE_FrameFocusRect, &focus, painter, widget);
    }
}

QSize ListDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QFont titleFont = option.font;
    if (const QVariant font = index.data(Qt::FontRole); font.isValid())
        titleFont = font.value<QFont>();
    QFont smallFont = option.font;
    smallFont.setPointSizeF(option.font.pointSizeF() * 0.9);
    const int height = QFontMetrics(titleFont).height() + 2 + QFontMetrics(smallFont).height() + padding + 4;
    return { 200, qMax(height, iconSize + padding) };
}

} // namespace portal::ui
