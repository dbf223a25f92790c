#include "TrayIcon.h"

#include "AccountActions.h"
#include "DesktopWindow.h"
#include "NotificationWatch.h"

#include <QApplication>
#include <QMenu>
#include <QPainter>
#include <QSystemTrayIcon>

namespace portal::ui {

namespace {
// The app's icon with the count in a red disc at its top right (99+ above that); the plain icon at 0.
QIcon badgedIcon(int count)
{
    const QIcon app(QStringLiteral(":/icons/app.svg"));
    if (count <= 0)
        return app;
    QIcon badged;
    for (const int size : { 16, 22, 24, 32, 48, 64 }) {
        QPixmap pixmap = app.pixmap(size, size);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const QString text = count > 99 ? QStringLiteral("99+") : QString::number(count);
        const qreal diameter = size * 0.62;
        const QRectF disc(size - diameter, 0, diameter, diameter);
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0xd9, 0x30, 0x25));
        painter.drawEllipse(disc);
        QFont font = painter.font();
        font.setBold(true);
        font.setPixelSize(qMax(6, int(diameter * (text.size() > 2 ? 0.42 : text.size() > 1 ? 0.55 : 0.7))));
        painter.setFont(font);
        painter.setPen(Qt::white);
        painter.drawText(disc, Qt::AlignCenter, text);
        painter.end();
        badged.addPixmap(pixmap);
    }
    return badged;
}
} // namespace

bool TrayIcon::available()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

TrayIcon::TrayIcon(DesktopWindow &window, client::ClientCache &cache, AccountActions &actions,
                   QObject *parent)
    : QObject(parent)
    , m_window(window)
    , m_actions(actions)
    , m_watch(new NotificationWatch(cache, this))
    , m_menu(new QMenu)
    , m_icon(new QSystemTrayIcon(this))
{
    m_menu->addAction(tr("&Open Client Portal"), this, &TrayIcon::showWindow);
    m_menu->addAction(tr("&Sync now"), this, [this] { m_actions.syncNow(); });
    m_menu->addSeparator();
    m_menu->addAction(tr("&Quit"), qApp, &QCoreApplication::quit);
    m_icon->setContextMenu(m_menu);

    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
            showWindow();
    });
    connect(m_icon, &QSystemTrayIcon::messageClicked, this, [this] {
        showWindow();
        if (m_shownNotification > 0)
            m_window.openNotification(m_shownNotification);
    });
    connect(m_watch, &NotificationWatch::unreadCountChanged, this, &TrayIcon::showUnread);
    connect(m_watch, &NotificationWatch::arrived, this, [this](const QList<api::Notification> &fresh) {
        const api::Notification &newest = fresh.constFirst();
        m_shownNotification = newest.id;
        if (fresh.size() == 1) {
            m_icon->showMessage(newest.title, newest.message, QSystemTrayIcon::Information);
        } else {
            m_icon->showMessage(tr("%n new notifications", nullptr, int(fresh.size())),
                                tr("The newest: %1").arg(newest.title), QSystemTrayIcon::Information);
        }
    });

    showUnread(m_watch->unreadCount());
    m_icon->show();
}

TrayIcon::~TrayIcon()
{
    m_icon->hide();
    delete m_menu; // a context menu has no parent: QSystemTrayIcon does not take it
}

void TrayIcon::showWindow()
{
    if (m_window.isMinimized())
        m_window.showNormal();
    else
        m_window.show();
    m_window.raise();
    m_window.activateWindow();
}

void TrayIcon::showUnread(int count)
{
    m_icon->setIcon(badgedIcon(count));
    m_icon->setToolTip(count > 0 ? tr("Client Portal: %n unread", nullptr, count) : tr("Client Portal"));
}

} // namespace portal::ui
