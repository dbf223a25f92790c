// The system tray icon of a signed-in account: the app's icon with a badge of the unread count (also in
// the tooltip), a menu (Open, Sync now, Quit), a click that brings the window up, and a pop-up message for
// each new notification (NotificationWatch) that opens it when clicked. Create it only where
// available() is true: without a tray (offscreen, a bare X server) the app simply has none.
#pragma once

#include <QObject>

class QMenu;
class QSystemTrayIcon;

namespace portal::client {
class ClientCache;
}

namespace portal::ui {

class AccountActions;
class DesktopWindow;
class NotificationWatch;

class TrayIcon : public QObject
{
    Q_OBJECT

public:
    static bool available();

    TrayIcon(DesktopWindow &window, client::ClientCache &cache, AccountActions &actions,
             QObject *parent = nullptr);
    ~TrayIcon() override;

    void showWindow();
    NotificationWatch *watch() const { return m_watch; }

private:
    void showUnread(int count);

    DesktopWindow &m_window;
    AccountActions &m_actions;
    NotificationWatch *m_watch;
    QMenu *m_menu;
    QSystemTrayIcon *m_icon;
    qint64 m_shownNotification = 0; // the one the last pop-up was about
};

} // namespace portal::ui
