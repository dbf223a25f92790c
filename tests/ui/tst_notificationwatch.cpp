// The tray's "what is new" logic without a tray: NotificationWatch takes what the cache held at its start
// (or an empty cache's first batch) as seen, announces unread notifications above the newest id seen,
// newest first, and follows the unread count. Offscreen there is no tray, so TrayIcon is never created.
#include "ClientCache.h"
#include "DemoAccount.h"
#include "NotificationWatch.h"
#include "TrayIcon.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace portal;
using namespace portal::ui;

namespace {
api::Notification notification(qint64 id, bool read = false)
{
    return api::Notification { id,
                               QStringLiteral("MESSAGE"),
                               QStringLiteral("Notice %1").arg(id),
                               QStringLiteral("Text %1").arg(id),
                               QDateTime::currentDateTimeUtc(),
                               read,
                               QStringLiteral("MessageThread"),
                               1 };
}
} // namespace

class tst_NotificationWatch : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<client::ClientCache> m_cache;

    bool add(const QList<api::Notification> &list)
    {
        return bool(m_cache->apply([&](client::CacheWriter &w) { w.upsertNotifications(list); }));
    }

private slots:
    void init()
    {
        auto opened = client::ClientCache::open(
            m_dir.filePath(QStringLiteral("cache-%1.sqlite").arg(QTest::currentTestFunction())));
        QVERIFY(opened);
        m_cache = opened.take();
    }
    void cleanup() { m_cache.reset(); }

    void noTrayOffscreen() { QVERIFY(!TrayIcon::available()); }

    void whatTheCacheHeldIsNotNews()
    {
        QCOMPARE(demo::load(*m_cache), QString());
        NotificationWatch watch(*m_cache);
        QSignalSpy arrived(&watch, &NotificationWatch::arrived);
        QCOMPARE(watch.newestSeenId(), 2);
        QVERIFY(watch.unreadCount() > 0);

        QVERIFY(add({ notification(9) }));
        QCOMPARE(arrived.size(), 1);
        auto fresh = arrived.takeFirst().at(0).value<QList<api::Notification>>();
        QCOMPARE(fresh.size(), 1);
        QCOMPARE(fresh.at(0).id, 9);
        QCOMPARE(fresh.at(0).title, QStringLiteral("Notice 9"));
        QCOMPARE(watch.newestSeenId(), 9);

        // Changed again, an older one, or one already read elsewhere: nothing to pop up.
        QVERIFY(m_cache->apply([](client::CacheWriter &w) { w.markNotificationRead(9); }));
        QVERIFY(add({ notification(5) }));
        QVERIFY(add({ notification(10, true) }));
        QCOMPARE(arrived.size(), 0);
        QCOMPARE(watch.newestSeenId(), 10);

        // A sync that brings several: one signal, newest first.
        QVERIFY(add({ notification(11), notification(12) }));
        QCOMPARE(arrived.size(), 1);
        fresh = arrived.takeFirst().at(0).value<QList<api::Notification>>();
        QCOMPARE(fresh.size(), 2);
        QCOMPARE(fresh.at(0).id, 12);
        QCOMPARE(fresh.at(1).id, 11);
    }

    void anEmptyCachesFirstSyncIsHistory()
    {
        NotificationWatch watch(*m_cache);
        QSignalSpy arrived(&watch, &NotificationWatch::arrived);
        QCOMPARE(watch.newestSeenId(), 0);
        QCOMPARE(watch.unreadCount(), 0);
        QCOMPARE(demo::load(*m_cache), QString());
        QCOMPARE(arrived.size(), 0);
        QCOMPARE(watch.newestSeenId(), 2);
        QVERIFY(add({ notification(3) }));
        QCOMPARE(arrived.size(), 1);
    }

    void followsTheUnreadCount()
    {
        NotificationWatch watch(*m_cache);
        QSignalSpy counts(&watch, &NotificationWatch::unreadCountChanged);
        QVERIFY(add({ notification(1), notification(2) }));
        QCOMPARE(watch.unreadCount(), 2);
        QVERIFY(m_cache->apply([](client::CacheWriter &w) { w.markNotificationRead(1); }));
        QCOMPARE(watch.unreadCount(), 1);
        QCOMPARE(counts.size(), 2);
        QCOMPARE(counts.last().at(0).toInt(), 1);
    }
};

QTEST_MAIN(tst_NotificationWatch)
#include "tst_notificationwatch.moc"
