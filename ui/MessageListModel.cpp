#include "MessageListModel.h"

#include "ClientCache.h"
#include "ModelRoles.h"
#include "Wording.h"

namespace portal::ui {

MessageListModel::MessageListModel(client::ClientCache &cache, QObject *parent)
    : RowListModel(parent)
    , m_cache(cache)
{
    connect(&m_cache, &client::ClientCache::changed, this, [this](client::CacheKinds kinds) {
        if (kinds
            & (client::CacheKind::Messages | client::CacheKind::Threads | client::CacheKind::Outbox
               | client::CacheKind::Profile))
            reload();
    });
}

void MessageListModel::setThread(qint64 threadId)
{
    if (threadId == m_threadId)
        return;
    m_threadId = threadId;
    m_shownMessages = 0;
    m_unreadWhenOpened.clear();
    read(m_pageSize, false);
    for (const MessageRow &row : std::as_const(m_rows)) {
        if (!row.message.isRead && row.outboxItemId == 0)
            m_unreadWhenOpened.insert(row.message.id);
    }
}

void MessageListModel::reload()
{
    // New messages arrive at the end: read a little more than is shown, keep from the first shown one on.
    read(qMax(m_shownMessages, m_pageSize) + 50, true);
}

void MessageListModel::loadOlder()
{
    if (m_canLoadOlder)
        read(m_shownMessages + m_pageSize, false);
}

void MessageListModel::read(int messageLimit, bool keepFirstShown)
{
    if (auto profile = m_cache.profile(); profile && profile->has_value()) {
        const api::User &user = (*profile)->user;
        const QString name = QStringLiteral("%1 %2").arg(user.firstName, user.lastName).trimmed();
        m_me = api::PersonRef { user.id, name.isEmpty() ? user.username : name };
    }
    QList<MessageRow> next;
    if (m_threadId == 0) {
        m_canLoadOlder = false;
        m_shownMessages = 0;
        replaceRows(next);
        return;
    }
    auto messages = m_cache.messages(m_threadId, messageLimit);
    QList<api::Message> found = messages ? messages.take() : QList<api::Message>();
    m_canLoadOlder = found.size() >= messageLimit;
    // A reload keeps the first shown message first when it is still there.
    qsizetype from = 0;
    if (keepFirstShown && m_shownMessages > 0 && !m_rows.isEmpty() && m_rows.first().outboxItemId == 0) {
        const qint64 firstId = m_rows.first().message.id;
        for (qsizetype i = 0; i < found.size(); ++i) {
            if (found.at(i).id == firstId) {
                from = i;
                m_canLoadOlder = m_canLoadOlder || i > 0;
                break;
            }
        }
    }
    next.reserve(found.size() - from);
    for (qsizetype i = from; i < found.size(); ++i)
        next.append(MessageRow { found.at(i), Sent, 0, {} });
    m_shownMessages = int(next.size());

    if (auto unsent = m_cache.outbox().unsentMessages(m_threadId)) {
        for (const client::OutboxItem &item : *unsent) {
            MessageRow row;
            row.message.sender = m_me;
            row.message.content = item.payload.value(QLatin1String("content")).toString();
            row.message.createdAt = item.createdAt;
            row.message.isRead = true;
            row.outboxItemId = item.id;
            row.error = item.lastError;
            row.sendState = item.state == client::OutboxState::Failed ? Failed
                : item.state == client::OutboxState::Sending          ? Sending
                                                                      : Pending;
            next.append(row);
        }
    }
    replaceRows(std::move(next));
}

int MessageListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1;
}

QVariant MessageListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const MessageRow &row = m_rows.at(index.row());
    const api::Message &message = row.message;
    switch (role) {
    case Qt::DisplayRole:
        return message.content;
    case Qt::AccessibleTextRole: {
        QString text
            = tr("%1, %2: %3")
                  .arg(message.sender.name, wording::shortDateTime(message.createdAt), message.content);
        if (row.sendState == Pending || row.sendState == Sending)
            text += QLatin1Char(' ') + tr("(waiting to be sent)");
        else if (row.sendState == Failed)
            text += QLatin1Char(' ') + tr("(not sent: %1)").arg(row.error);
        else if (data(index, UnreadRole).toBool())
            text += QLatin1Char(' ') + tr("(new)");
        return text;
    }
    case SecondaryTextRole:
        return message.sender.name;
    case MetaTextRole:
        return wording::shortDateTime(message.createdAt);
    case TimestampRole:
        return message.createdAt;
    case UnreadRole: // what was new when the thread was opened stays marked after it was read
        return !message.isRead || (row.outboxItemId == 0 && m_unreadWhenOpened.contains(message.id));
    case IdRole:
        return row.outboxItemId ? qint64(0) : message.id;
    case ThreadIdRole:
        return m_threadId;
    case SendStateRole:
        return row.sendState;
    case OutboxIdRole:
        return row.outboxItemId;
    case ErrorTextRole:
        return row.error;
    case OwnRole:
        return m_me.id != 0 && message.sender.id == m_me.id;
    }
    return {};
}

} // namespace portal::ui
