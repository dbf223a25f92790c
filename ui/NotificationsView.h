// The Notifications section: newest first, unread bold. Clicking one (or Enter) marks it read and opens
// what it is about; "Mark all read" does that for all.
#pragma once

#include <QWidget>

class QListView;
class QPushButton;

namespace portal::client {
class ClientCache;
}

namespace portal::ui {

class AccountActions;
class NotificationListModel;

class NotificationsView : public QWidget
{
    Q_OBJECT

public:
    NotificationsView(client::ClientCache &cache, AccountActions &actions, QWidget *parent = nullptr);

    void selectNotification(qint64 notificationId);
    QListView *list() const { return m_list; }

signals:
    // What the notification is about: its related_object_type (MessageThread, Document, Task, Case) and id.
    void openRelated(const QString &type, qint64 id);

private:
    void activate(const QModelIndex &index);

    AccountActions &m_actions;
    NotificationListModel *m_model;
    QListView *m_list;
    QPushButton *m_markAll;
};

} // namespace portal::ui
