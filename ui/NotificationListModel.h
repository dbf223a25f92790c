// The notifications, newest first; unread ones bold. Each row knows what it points at (a thread, a
// document, a task or a case) so that activating it can open that.
#pragma once

#include "RowListModel.h"
#include "WireTypes.h"

namespace portal::client {
class ClientCache;
}

namespace portal::ui {

class NotificationListModel : public RowListModel<api::Notification>
{
    Q_OBJECT

public:
    explicit NotificationListModel(client::ClientCache &cache, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void reload();

protected:
    qint64 idOf(const api::Notification &row) const override { return row.id; }

private:
    client::ClientCache &m_cache;
};

} // namespace portal::ui
