#include "Sidebar.h"

#include "ClientCache.h"
#include "ItemIcons.h"
#include "ListDelegate.h"
#include "ModelRoles.h"

#include <QPainter>
#include <QStyledItemDelegate>

namespace portal::ui {

namespace {
class SidebarDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::paint(painter, option, index);
        ListDelegate::paintBadge(painter, option.rect.adjusted(0, 0, -10, 0), index.data(BadgeRole).toInt(),
                                 option.palette, option.state & QStyle::State_Selected);
    }
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(qMax(size.height(), option.fontMetrics.height() + 18));
        return size;
    }
};
} // namespace

Sidebar::Sidebar(client::ClientCache &cache, QWidget *parent)
    : QListWidget(parent)
    , m_cache(cache)
{
    setObjectName(QStringLiteral("sidebar"));
    setAccessibleName(tr("Sections"));
    setIconSize(QSize(20, 20));
    setItemDelegate(new SidebarDelegate(this));
    setFrameShape(QFrame::NoFrame);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    const struct
    {
        QString icon, text;
    } sections[] = {
        { QStringLiteral("cases"), tr("Cases") },
        { QStringLiteral("messages"), tr("Messages") },
        { QStringLiteral("document"), tr("Documents") },
        { QStringLiteral("tasks"), tr("Tasks") },
        { QStringLiteral("notifications"), tr("Notifications") },
    };
    for (const auto &section : sections) {
        auto *item = new QListWidgetItem(itemIcon(QStringLiteral(":/icons/%1.svg").arg(section.icon)),
                                         section.text, this);
        item->setData(Qt::AccessibleTextRole, section.text);
    }
    connect(&m_cache, &client::ClientCache::changed, this, [this](client::CacheKinds kinds) {
        if (kinds
            & (client::CacheKind::Threads | client::CacheKind::Messages | client::CacheKind::Notifications
               | client::CacheKind::Tasks))
            refreshBadges();
    });
    refreshBadges();
    setCurrentRow(Cases);
}

QSize Sidebar::sizeHint() const
{
    return { 190, QListWidget::sizeHint().height() };
}

int Sidebar::badge(Section section) const
{
    return item(section)->data(BadgeRole).toInt();
}

void Sidebar::setBadge(Section section, int count, const QString &accessibleText)
{
    QListWidgetItem *entry = item(section);
    entry->setData(BadgeRole, count);
    entry->setData(Qt::AccessibleTextRole, count > 0 ? accessibleText : entry->text());
    entry->setToolTip(count > 0 ? accessibleText : QString());
}

void Sidebar::refreshBadges()
{
    auto read = m_cache.unreadTotals();
    const client::UnreadTotals totals = read ? *read : client::UnreadTotals();
    setBadge(Messages, totals.messages, tr("Messages, %n unread", nullptr, totals.messages));
    setBadge(Notifications, totals.notifications,
             tr("Notifications, %n unread", nullptr, totals.notifications));
    int overdue = 0;
    if (auto tasks = m_cache.tasks()) {
        const QDate today = QDate::currentDate();
        for (const api::Task &task : *tasks)
            overdue += task.dueDate.isValid() && task.dueDate < today
                && task.status != QLatin1String("COMPLETED");
    }
    setBadge(Tasks, overdue, tr("Tasks, %n overdue", nullptr, overdue));
}

} // namespace portal::ui
