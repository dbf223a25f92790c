// The status bar's contents: whether the account is online, syncing or offline, when it last synced, and
// how many changes wait in the outbox; read from AccountActions whenever it says its status changed.
#pragma once

#include <QWidget>

class QLabel;

namespace portal::ui {

class AccountActions;

class SyncStatusBar : public QWidget
{
    Q_OBJECT

public:
    explicit SyncStatusBar(AccountActions &actions, QWidget *parent = nullptr);

    QString stateText() const;
    QString pendingText() const;
    void refresh();

private:
    AccountActions &m_actions;
    QLabel *m_stateIcon;
    QLabel *m_state;
    QLabel *m_lastSynced;
    QLabel *m_pending;
};

} // namespace portal::ui
