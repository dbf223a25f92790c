// What the cache tests share: a cache in a temporary folder, and wire values taken from the examples of the
// API document (client-portal-api.md), built as the sync engine would have decoded them.
#pragma once

#include "ClientCache.h"
#include "WireTypes.h"

#include <QTemporaryDir>
#include <QTest>
#include <memory>

// Compares enums by their readable names (toString() of the cache's enums).
#define QCOMPARE_NAME(actual, expected)                                                                      \
    QCOMPARE(portal::client::toString(actual), portal::client::toString(expected))

namespace portal::client::testing {

inline QDateTime utc(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate).toUTC();
}

inline std::unique_ptr<ClientCache> openCache(const QString &path)
{
    auto cache = ClientCache::open(path);
    if (!cache) {
        qWarning().noquote() << "open failed:" << cache.error().message;
        return nullptr;
    }
    return cache.take();
}

inline api::Case contractDispute()
{
    return { 1,
             QStringLiteral("Contract Dispute"),
             QStringLiteral("CD-2023-001"),
             QStringLiteral("OPEN"),
             QDate(2023, 1, 15),
             QStringLiteral("Contract dispute with supplier"),
             QStringLiteral("CIVIL") };
}

inline api::Case trademarkRegistration()
{
    return { 2,
             QStringLiteral("Trademark Registration"),
             QStringLiteral("TR-2023-002"),
             QStringLiteral("OPEN"),
             QDate(2023, 2, 20),
             QStringLiteral("Trademark registration for new product"),
             QStringLiteral("INTELLECTUAL_PROPERTY") };
}

inline api::Attorney janeSmith()
{
    return { 3, QStringLiteral("Jane Smith"), QStringLiteral("jsmith@example.com") };
}

inline api::Profile johnDoe()
{
    return { 1,
             { 5, QStringLiteral("client_username"), QStringLiteral("client@example.com"),
               QStringLiteral("John"), QStringLiteral("Doe") },
             QStringLiteral("Acme Inc."),
             QStringLiteral("123-456-7890"),
             QStringLiteral("123 Main St, Anytown, USA") };
}

inline QList<api::Thread> threadList()
{
    return { { 1, QStringLiteral("Contract Review"), 1, utc("2023-01-17T10:15:00Z"),
               utc("2023-01-18T14:20:00Z"), 2 },
             { 2, QStringLiteral("Document Request"), 1, utc("2023-01-19T09:30:00Z"),
               utc("2023-01-19T09:30:00Z"), 0 } };
}

inline QList<api::Message> contractReviewMessages()
{
    return { { 1,
               { 3, QStringLiteral("Jane Smith") },
               QStringLiteral("Please review the attached contract"),
               utc("2023-01-17T10:15:00Z"),
               false },
             { 2,
               { 5, QStringLiteral("John Doe") },
               QStringLiteral("I've reviewed the contract and have some questions"),
               utc("2023-01-17T15:45:00Z"),
               false } };
}

inline QList<api::Document> documentList()
{
    return { { 1,
               QStringLiteral("Contract"),
               QStringLiteral("Service agreement"),
               QStringLiteral("PDF"),
               1250000,
               utc("2023-01-16T14:30:00Z"),
               { 1, QStringLiteral("Contract Dispute") } },
             { 2,
               QStringLiteral("Email Correspondence"),
               QStringLiteral("Emails with supplier"),
               QStringLiteral("PDF"),
               850000,
               utc("2023-01-17T09:15:00Z"),
               { 1, QStringLiteral("Contract Dispute") } } };
}

inline QList<api::Task> taskList()
{
    return { { 1,
               QStringLiteral("Review Contract"),
               QStringLiteral("Please review the contract and provide feedback"),
               QStringLiteral("PENDING"),
               QDate(2023, 1, 30),
               { 1, QStringLiteral("Contract Dispute") } },
             { 2,
               QStringLiteral("Provide Additional Information"),
               QStringLiteral("Please provide information about previous agreements"),
               QStringLiteral("IN_PROGRESS"),
               QDate(2023, 2, 15),
               { 1, QStringLiteral("Contract Dispute") } } };
}

inline QList<api::Notification> notificationList()
{
    return { { 1, QStringLiteral("MESSAGE"), QStringLiteral("New message in: Contract Review"),
               QStringLiteral("Jane Smith sent a new message in Contract Review"),
               utc("2023-01-18T14:20:00Z"), false, QStringLiteral("MessageThread"), 1 },
             { 2, QStringLiteral("DOCUMENT"), QStringLiteral("New document uploaded"),
               QStringLiteral("A new document 'Email Correspondence' has been uploaded to your case"),
               utc("2023-01-17T09:15:00Z"), true, QStringLiteral("Document"), 2 } };
}

// The whole example account in one apply().
inline bool fillExample(ClientCache &cache)
{
    auto done = cache.apply([](CacheWriter &w) {
        w.setProfile(johnDoe());
        w.upsertCases(
            QList<CachedCase> { { contractDispute(), janeSmith() }, { trademarkRegistration(), {} } });
        w.upsertThreads(threadList());
        w.upsertMessages(1, contractReviewMessages());
        w.upsertDocuments(documentList());
        w.upsertTasks(taskList());
        w.upsertNotifications(notificationList());
    });
    if (!done)
        qWarning().noquote() << "fill failed:" << done.error().message;
    return done.ok();
}

} // namespace portal::client::testing
