// One thread's conversation, oldest first: the messages the cache holds (sender, time, read state) and,
// after them, the person's messages still in the outbox (pending, sending, or failed with the reason).
// Long threads load in pages from the newest back: a thread of 50,000 messages shows its newest page at
// once and loadOlder() adds the page before when the view scrolls to the top.
#pragma once

#include "RowListModel.h"
#include "WireTypes.h"

#include <QSet>

namespace portal::client {
class ClientCache;
}

namespace portal::ui {

struct MessageRow
{
    api::Message message;
    int sendState = 0; // MessageListModel::SendState
    qint64 outboxItemId = 0;
    QString error;
    bool operator==(const MessageRow &) const = default;
};

class MessageListModel : public RowListModel<MessageRow>
{
    Q_OBJECT

public:
    enum SendState { Sent, Pending, Sending, Failed };
    Q_ENUM(SendState)

    explicit MessageListModel(client::ClientCache &cache, QObject *parent = nullptr);

    void setThread(qint64 threadId); // 0: none
    qint64 threadId() const { return m_threadId; }
    void setPageSize(int rows) { m_pageSize = qMax(1, rows); }
    int pageSize() const { return m_pageSize; }

    // Older messages than the first shown are in the cache.
    bool canLoadOlder() const { return m_canLoadOlder; }
    void loadOlder();

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void reload();

protected:
    // Unsent outbox items take negative ids so they never meet a message's.
    qint64 idOf(const MessageRow &row) const override
    {
        return row.outboxItemId ? -row.outboxItemId : row.message.id;
    }

private:
    void read(int messageLimit, bool keepFirstShown);

    client::ClientCache &m_cache;
    qint64 m_threadId = 0;
    int m_pageSize = 200;
    int m_shownMessages = 0;
    bool m_canLoadOlder = false;
    api::PersonRef m_me;
    QSet<qint64> m_unreadWhenOpened; // stay marked new while the thread is open, though now read
};

} // namespace portal::ui
