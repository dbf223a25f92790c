#include "MessagesView.h"

#include "AccountActions.h"
#include "Banner.h"
#include "ClientCache.h"
#include "ListDelegate.h"
#include "MessageDelegate.h"
#include "MessageListModel.h"
#include "ModelRoles.h"
#include "SelectionKeeper.h"
#include "ThreadListModel.h"

#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>

namespace portal::ui {

MessagesView::MessagesView(client::ClientCache &cache, AccountActions &actions, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_actions(actions)
    , m_threadModel(new ThreadListModel(cache, this))
    , m_messageModel(new MessageListModel(cache, this))
    , m_threads(new QListView(this))
    , m_header(new QLabel(this))
    , m_conversation(new QListView(this))
    , m_failedBar(new Banner(Banner::Tone::Error, QStringLiteral(":/icons/error.svg"), this))
    , m_discard(new QPushButton(tr("Discard"), this))
    , m_compose(new QPlainTextEdit(this))
    , m_send(new QPushButton(QIcon(QStringLiteral(":/icons/send.svg")), tr("Send"), this))
{
    auto *newThread
        = new QPushButton(QIcon(QStringLiteral(":/icons/new-thread.svg")), tr("New thread…"), this);
    newThread->setObjectName(QStringLiteral("newThreadButton"));
    newThread->setAccessibleName(tr("New thread"));
    m_threads->setObjectName(QStringLiteral("threadList"));
    m_threads->setAccessibleName(tr("Threads"));
    m_threads->setModel(m_threadModel);
    m_threads->setItemDelegate(new ListDelegate(m_threads));
    m_threads->setUniformItemSizes(true);
    new SelectionKeeper(m_threads);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(newThread);
    leftLayout->addWidget(m_threads, 1);

    QFont headerFont = m_header->font();
    headerFont.setBold(true);
    headerFont.setPointSizeF(headerFont.pointSizeF() * 1.25);
    m_header->setFont(headerFont);
    m_header->setObjectName(QStringLiteral("threadHeader"));
    m_header->setWordWrap(true);
    m_conversation->setObjectName(QStringLiteral("conversation"));
    m_conversation->setAccessibleName(tr("Conversation"));
    m_conversation->setModel(m_messageModel);
    m_conversation->setItemDelegate(new MessageDelegate(m_conversation));
    m_conversation->setResizeMode(QListView::Adjust);
    m_conversation->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_conversation->setWordWrap(true);
    m_conversation->setSelectionMode(QAbstractItemView::SingleSelection);
    m_failedBar->setActionText(tr("Send again"));
    m_failedBar->layout()->addWidget(m_discard);
    m_failedBar->hide();
    m_discard->setAccessibleName(tr("Discard the message that was not sent"));
    m_compose->setObjectName(QStringLiteral("compose"));
    m_compose->setAccessibleName(tr("Reply"));
    m_compose->setPlaceholderText(tr("Write a reply… (Ctrl+Enter sends)"));
    m_compose->setTabChangesFocus(true);
    m_compose->setFixedHeight(m_compose->fontMetrics().height() * 4 + 12);
    m_compose->installEventFilter(this);
    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setAccessibleName(tr("Send"));
    m_send->setToolTip(tr("Send (Ctrl+Enter)"));
    auto *composeRow = new QHBoxLayout;
    composeRow->addWidget(m_compose, 1);
    composeRow->addWidget(m_send, 0, Qt::AlignBottom);

    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_header);
    rightLayout->addWidget(m_conversation, 1);
    rightLayout->addWidget(m_failedBar);
    rightLayout->addLayout(composeRow);

    auto *splitter = new QSplitter(this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 300, 700 });
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(splitter);

    connect(newThread, &QPushButton::clicked, this, &MessagesView::newThreadRequested);
    connect(m_threads->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { openThread(current.data(IdRole).toLongLong()); });
    connect(m_send, &QPushButton::clicked, this, &MessagesView::send);
    connect(m_failedBar, &Banner::actionClicked, this, [this] {
        if (m_failedItemId)
            m_actions.retryOutboxItem(m_failedItemId);
    });
    connect(m_discard, &QPushButton::clicked, this, [this] {
        if (m_failedItemId)
            m_actions.discardOutboxItem(m_failedItemId);
    });
    // Older messages load when the conversation is scrolled to its top; the view stays where it was.
    connect(m_conversation->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        QScrollBar *bar = m_conversation->verticalScrollBar();
        m_wasAtBottom = value >= bar->maximum() - 4;
        if (value == bar->minimum() && bar->maximum() > 0 && m_messageModel->canLoadOlder()) {
            const int fromBottom = bar->maximum() - value;
            m_messageModel->loadOlder();
            m_conversation->doItemsLayout();
            bar->setValue(bar->maximum() - fromBottom);
        }
    });
    connect(m_messageModel, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        QScrollBar *bar = m_conversation->verticalScrollBar();
        m_wasAtBottom = bar->value() >= bar->maximum() - 4;
    });
    connect(m_messageModel, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &, int first) {
        if (first > 0 && m_wasAtBottom)
            scrollToBottomIfNear(true);
        refreshFailedBar();
    });
    connect(m_messageModel, &QAbstractItemModel::modelReset, this, [this] { refreshFailedBar(); });
    connect(m_messageModel, &QAbstractItemModel::dataChanged, this, [this] { refreshFailedBar(); });
    connect(m_messageModel, &QAbstractItemModel::rowsRemoved, this, [this] { refreshFailedBar(); });
    connect(m_conversation->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { refreshFailedBar(); });
    // The thread shown was read further elsewhere or got new messages: mark it read while it is open.
    connect(m_threadModel, &QAbstractItemModel::dataChanged, this, [this] {
        const QModelIndex current = m_threads->currentIndex();
        if (current.isValid() && current.data(UnreadCountRole).toInt() > 0 && isVisible())
            m_actions.markThreadRead(current.data(IdRole).toLongLong());
    });
    openThread(0);
    setFocusProxy(m_threads);
}

void MessagesView::selectThread(qint64 threadId)
{
    const int row = m_threadModel->rowOf(threadId);
    if (row < 0)
        return;
    m_threads->setCurrentIndex(m_threadModel->index(row, 0));
    m_threads->scrollTo(m_threadModel->index(row, 0));
}

qint64 MessagesView::currentThreadId() const
{
    return m_messageModel->threadId();
}

void MessagesView::openThread(qint64 threadId)
{
    const bool open = threadId != 0;
    if (threadId == m_messageModel->threadId() && open)
        return;
    m_messageModel->setThread(threadId);
    m_compose->setEnabled(open);
    m_send->setEnabled(open);
    if (!open) {
        m_header->setText(tr("Choose a thread to read it."));
        return;
    }
    const QModelIndex index = m_threadModel->index(m_threadModel->rowOf(threadId), 0);
    const QString caseTitle = index.data(SecondaryTextRole).toString();
    m_header->setText(caseTitle.isEmpty() ? index.data().toString()
                                          : tr("%1 — %2").arg(index.data().toString(), caseTitle));
    m_conversation->setAccessibleDescription(m_header->text());
    if (index.data(UnreadCountRole).toInt() > 0)
        m_actions.markThreadRead(threadId);
    scrollToBottomIfNear(true);
}

void MessagesView::scrollToBottomIfNear(bool force)
{
    if (!force && !m_wasAtBottom)
        return;
    m_conversation->doItemsLayout();
    m_conversation->scrollToBottom();
    // The layout of variable-height rows may finish after this turn of the event loop.
    QTimer::singleShot(0, m_conversation, [view = m_conversation] { view->scrollToBottom(); });
}

void MessagesView::send()
{
    const QString text = m_compose->toPlainText().trimmed();
    const qint64 threadId = m_messageModel->threadId();
    if (text.isEmpty() || threadId == 0)
        return;
    m_actions.sendMessage(threadId, text);
    m_compose->clear();
    scrollToBottomIfNear(true);
}

void MessagesView::refreshFailedBar()
{
    // The selected failed message, else the first failed one.
    QModelIndex failed;
    const QModelIndex current = m_conversation->currentIndex();
    if (current.isValid() && current.data(SendStateRole).toInt() == MessageListModel::Failed)
        failed = current;
    for (int row = m_messageModel->rowCount() - 1; !failed.isValid() && row >= 0; --row) {
        const QModelIndex index = m_messageModel->index(row, 0);
        if (index.data(OutboxIdRole).toLongLong() == 0)
            break; // unsent messages are all at the end
        if (index.data(SendStateRole).toInt() == MessageListModel::Failed)
            failed = index;
    }
    m_failedItemId = failed.isValid() ? failed.data(OutboxIdRole).toLongLong() : 0;
    if (failed.isValid())
        m_failedBar->setText(tr("A message was not sent: %1").arg(failed.data(ErrorTextRole).toString()));
    m_failedBar->setVisible(failed.isValid());
}

bool MessagesView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_compose && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && (key->modifiers() & Qt::ControlModifier)) {
            send();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace portal::ui
