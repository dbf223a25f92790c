// The Messages section: the threads (unread bold and counted) and the chosen thread's conversation with a
// compose box. Opening a thread marks it read through AccountActions; Ctrl+Enter sends. Messages still in
// the outbox show as waiting or failed; a failed one can be sent again or discarded.
#pragma once

#include <QWidget>

class QLabel;
class QListView;
class QPlainTextEdit;
class QPushButton;

namespace portal::client {
class ClientCache;
}

namespace portal::ui {

class AccountActions;
class Banner;
class MessageListModel;
class ThreadListModel;

class MessagesView : public QWidget
{
    Q_OBJECT

public:
    MessagesView(client::ClientCache &cache, AccountActions &actions, QWidget *parent = nullptr);

    void selectThread(qint64 threadId);
    qint64 currentThreadId() const;
    QListView *threadList() const { return m_threads; }
    QListView *conversation() const { return m_conversation; }
    QPlainTextEdit *composeBox() const { return m_compose; }
    MessageListModel *messageModel() const { return m_messageModel; }

signals:
    void newThreadRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void openThread(qint64 threadId);
    void send();
    void refreshFailedBar();
    void scrollToBottomIfNear(bool force);

    client::ClientCache &m_cache;
    AccountActions &m_actions;
    ThreadListModel *m_threadModel;
    MessageListModel *m_messageModel;
    QListView *m_threads;
    QLabel *m_header;
    QListView *m_conversation;
    Banner *m_failedBar;
    QPushButton *m_discard;
    QPlainTextEdit *m_compose;
    QPushButton *m_send;
    qint64 m_failedItemId = 0;
    bool m_wasAtBottom = true;
};

} // namespace portal::ui
