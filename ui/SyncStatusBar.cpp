#include "SyncStatusBar.h"

#include "AccountActions.h"
#include "Wording.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>

namespace portal::ui {

SyncStatusBar::SyncStatusBar(AccountActions &actions, QWidget *parent)
    : QWidget(parent)
    , m_actions(actions)
    , m_stateIcon(new QLabel(this))
    , m_state(new QLabel(this))
    , m_lastSynced(new QLabel(this))
    , m_pending(new QLabel(this))
{
    m_state->setObjectName(QStringLiteral("syncState"));
    m_lastSynced->setObjectName(QStringLiteral("lastSynced"));
    m_pending->setObjectName(QStringLiteral("pendingCount"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->addWidget(m_stateIcon);
    layout->addWidget(m_state);
    layout->addSpacing(16);
    layout->addWidget(m_lastSynced);
    layout->addStretch(1);
    layout->addWidget(m_pending);
    connect(&m_actions, &AccountActions::statusChanged, this, &SyncStatusBar::refresh);
    refresh();
}

void SyncStatusBar::refresh()
{
    QString icon;
    switch (m_actions.syncState()) {
    case AccountActions::SyncState::Idle:
        m_state->setText(tr("Online"));
        icon = QStringLiteral(":/icons/online.svg");
        break;
    case AccountActions::SyncState::Syncing:
        m_state->setText(tr("Syncing…"));
        icon = QStringLiteral(":/icons/sync.svg");
        break;
    case AccountActions::SyncState::Offline:
        m_state->setText(tr("Offline"));
        icon = QStringLiteral(":/icons/offline.svg");
        break;
    }
    m_stateIcon->setPixmap(QIcon(icon).pixmap(QSize(16, 16), devicePixelRatioF()));
    const QDateTime last = m_actions.lastSyncedAt();
    m_lastSynced->setText(last.isValid() ? tr("Last synced %1").arg(wording::shortDateTime(last))
                                         : tr("Not synced yet"));
    const int pending = m_actions.pendingCount();
    m_pending->setText(pending > 0 ? tr("%n change(s) waiting to be sent", nullptr, pending) : QString());
    m_pending->setVisible(pending > 0);
    setAccessibleName(tr("Sync status"));
    setAccessibleDescription(
        QStringList { m_state->text(), m_lastSynced->text(), m_pending->text() }.join(QStringLiteral(", ")));
}

QString SyncStatusBar::stateText() const
{
    return m_state->text();
}

QString SyncStatusBar::pendingText() const
{
    return m_pending->text();
}

} // namespace portal::ui
