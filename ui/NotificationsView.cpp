#include "NotificationsView.h"

#include "AccountActions.h"
#include "ListDelegate.h"
#include "ModelRoles.h"
#include "NotificationListModel.h"
#include "SelectionKeeper.h"

#include <QListView>
#include <QPushButton>
#include <QVBoxLayout>

namespace portal::ui {

NotificationsView::NotificationsView(client::ClientCache &cache, AccountActions &actions, QWidget *parent)
    : QWidget(parent)
    , m_actions(actions)
    , m_model(new NotificationListModel(cache, this))
    , m_list(new QListView(this))
    , m_markAll(new QPushButton(tr("Mark all &read"), this))
{
    m_list->setObjectName(QStringLiteral("notificationList"));
    m_list->setAccessibleName(tr("Notifications"));
    m_list->setModel(m_model);
    m_list->setItemDelegate(new ListDelegate(m_list));
    m_list->setUniformItemSizes(true);
    new SelectionKeeper(m_list);
    m_markAll->setObjectName(QStringLiteral("markAllReadButton"));
    m_markAll->setAccessibleName(tr("Mark all notifications read"));
    auto *top = new QHBoxLayout;
    top->addStretch(1);
    top->addWidget(m_markAll);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(top);
    layout->addWidget(m_list, 1);

    connect(m_list, &QListView::clicked, this, &NotificationsView::activate);
    // Enter (and a double click) activate too; opening the same thing twice is harmless.
    connect(m_list, &QListView::activated, this, &NotificationsView::activate);
    connect(m_markAll, &QPushButton::clicked, &m_actions, &AccountActions::markAllNotificationsRead);
    auto updateMarkAll = [this] {
        bool unread = false;
        for (int row = 0; row < m_model->rowCount() && !unread; ++row)
            unread = m_model->index(row, 0).data(UnreadRole).toBool();
        m_markAll->setEnabled(unread);
    };
    connect(m_model, &QAbstractItemModel::modelReset, this, updateMarkAll);
    connect(m_model, &QAbstractItemModel::dataChanged, this, updateMarkAll);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, updateMarkAll);
    updateMarkAll();
    setFocusProxy(m_list);
}

void NotificationsView::selectNotification(qint64 notificationId)
{
    const int row = m_model->rowOf(notificationId);
    if (row >= 0)
        m_list->setCurrentIndex(m_model->index(row, 0));
}

void NotificationsView::activate(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    const qint64 id = index.data(IdRole).toLongLong();
    const QString type = index.data(RelatedTypeRole).toString();
    const qint64 related = index.data(RelatedIdRole).toLongLong();
    if (index.data(UnreadRole).toBool())
        m_actions.markNotificationRead(id);
    if (!type.isEmpty() && related)
        emit openRelated(type, related);
}

} // namespace portal::ui
