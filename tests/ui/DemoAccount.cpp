#include "DemoAccount.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

namespace portal::ui::demo {

QString fixturePath()
{
    QString source = qEnvironmentVariable("PORTAL_SOURCE_DIR");
    if (source.isEmpty())
        source = QStringLiteral(PORTAL_UI_TEST_SOURCE_DIR);
    return source + QStringLiteral("/resources/demo/portal-demo.json");
}

QString load(client::ClientCache &cache, const QString &username)
{
    QFile file(fixturePath());
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read %1").arg(file.fileName());
    const QJsonObject fixture = QJsonDocument::fromJson(file.readAll()).object();
    const QString filesDir = QFileInfo(file.fileName()).absolutePath();

    QHash<qint64, QJsonObject> users;
    qint64 userId = 0, clientId = 0;
    api::Profile profile;
    for (const QJsonValue &value : fixture.value(QLatin1String("users")).toArray()) {
        const QJsonObject user = value.toObject();
        const qint64 id = user.value(QLatin1String("id")).toInteger();
        users.insert(id, user);
        if (user.value(QLatin1String("username")).toString() == username) {
            userId = id;
            const QJsonObject client = user.value(QLatin1String("client")).toObject();
            clientId = client.value(QLatin1String("id")).toInteger();
            profile.id = clientId;
            profile.user = api::User { id, username, user.value(QLatin1String("email")).toString(),
                                       user.value(QLatin1String("first_name")).toString(),
                                       user.value(QLatin1String("last_name")).toString() };
            profile.companyName = client.value(QLatin1String("company_name")).toString();
            profile.phone = client.value(QLatin1String("phone")).toString();
            profile.address = client.value(QLatin1String("address")).toString();
        }
    }
    if (clientId == 0)
        return QStringLiteral("no client user %1 in the fixture").arg(username);
    auto nameOf = [&](qint64 id) {
        const QJsonObject user = users.value(id);
        return QStringLiteral("%1 %2").arg(user.value(QLatin1String("first_name")).toString(),
                                           user.value(QLatin1String("last_name")).toString());
    };

    QList<client::CachedCase> cases;
    QHash<qint64, QString> caseTitles;
    for (const QJsonValue &value : fixture.value(QLatin1String("cases")).toArray()) {
        const QJsonObject c = value.toObject();
        if (c.value(QLatin1String("client")).toInteger() != clientId)
            continue;
        client::CachedCase cached;
        cached.summary
            = api::Case { c.value(QLatin1String("id")).toInteger(),
                          c.value(QLatin1String("title")).toString(),
                          c.value(QLatin1String("case_number")).toString(),
                          c.value(QLatin1String("status")).toString(),
                          QDate::fromString(c.value(QLatin1String("open_date")).toString(), Qt::ISODate),
                          c.value(QLatin1String("description")).toString(),
                          c.value(QLatin1String("case_type")).toString() };
        const qint64 attorney = c.value(QLatin1String("assigned_attorney")).toInteger();
        if (attorney)
            cached.assignedAttorney
                = api::Attorney { attorney, nameOf(attorney),
                                  users.value(attorney).value(QLatin1String("email")).toString() };
        caseTitles.insert(cached.summary.id, cached.summary.title);
        cases.append(cached);
    }

    QList<api::Document> documents;
    for (const QJsonValue &value : fixture.value(QLatin1String("documents")).toArray()) {
        const QJsonObject d = value.toObject();
        const qint64 caseId = d.value(QLatin1String("case")).toInteger();
        if (!caseTitles.contains(caseId))
            continue;
        documents.append(api::Document {
            d.value(QLatin1String("id")).toInteger(), d.value(QLatin1String("title")).toString(),
            d.value(QLatin1String("description")).toString(), d.value(QLatin1String("file_type")).toString(),
            QFileInfo(filesDir + QLatin1Char('/') + d.value(QLatin1String("file")).toString()).size(),
            api::parseTimestamp(d.value(QLatin1String("uploaded_at")).toString()).value_or(QDateTime()),
            api::CaseRef { caseId, caseTitles.value(caseId) } });
    }

    QList<api::Task> tasks;
    for (const QJsonValue &value : fixture.value(QLatin1String("tasks")).toArray()) {
        const QJsonObject t = value.toObject();
        const qint64 caseId = t.value(QLatin1String("case")).toInteger();
        if (!caseTitles.contains(caseId))
            continue;
        tasks.append(api::Task {
            t.value(QLatin1String("id")).toInteger(), t.value(QLatin1String("title")).toString(),
            t.value(QLatin1String("description")).toString(), t.value(QLatin1String("status")).toString(),
            QDate::fromString(t.value(QLatin1String("due_date")).toString(), Qt::ISODate),
            api::CaseRef { caseId, caseTitles.value(caseId) } });
    }

    QList<api::Thread> threads;
    QList<client::ThreadMessage> messages;
    for (const QJsonValue &value : fixture.value(QLatin1String("threads")).toArray()) {
        const QJsonObject t = value.toObject();
        const qint64 caseId = t.value(QLatin1String("case")).toInteger();
        if (!caseTitles.contains(caseId))
            continue;
        api::Thread thread;
        thread.id = t.value(QLatin1String("id")).toInteger();
        thread.subject = t.value(QLatin1String("subject")).toString();
        thread.caseId = caseId;
        thread.createdAt
            = api::parseTimestamp(t.value(QLatin1String("created_at")).toString()).value_or(QDateTime());
        thread.updatedAt = thread.createdAt;
        for (const QJsonValue &m : t.value(QLatin1String("messages")).toArray()) {
            const QJsonObject message = m.toObject();
            const qint64 sender = message.value(QLatin1String("sender")).toInteger();
            bool read = sender == userId;
            for (const QJsonValue &reader : message.value(QLatin1String("read_by")).toArray())
                read = read || reader.toInteger() == userId;
            const QDateTime at = api::parseTimestamp(message.value(QLatin1String("created_at")).toString())
                                     .value_or(QDateTime());
            messages.append(client::ThreadMessage {
                thread.id,
                api::Message { message.value(QLatin1String("id")).toInteger(),
                               api::PersonRef { sender, nameOf(sender) },
                               message.value(QLatin1String("content")).toString(), at, read } });
            thread.updatedAt = qMax(thread.updatedAt, at);
            thread.unreadCount += read ? 0 : 1;
        }
        threads.append(thread);
    }

    QList<api::Notification> notifications;
    for (const QJsonValue &value : fixture.value(QLatin1String("notifications")).toArray()) {
        const QJsonObject n = value.toObject();
        if (n.value(QLatin1String("user")).toInteger() != userId)
            continue;
        api::Notification notification;
        notification.id = n.value(QLatin1String("id")).toInteger();
        notification.notificationType = n.value(QLatin1String("notification_type")).toString();
        notification.title = n.value(QLatin1String("title")).toString();
        notification.message = n.value(QLatin1String("message")).toString();
        notification.createdAt
            = api::parseTimestamp(n.value(QLatin1String("created_at")).toString()).value_or(QDateTime());
        notification.isRead = n.value(QLatin1String("is_read")).toBool();
        notification.relatedObjectType = n.value(QLatin1String("related_object_type")).toString();
        if (n.value(QLatin1String("related_object_id")).isDouble())
            notification.relatedObjectId = n.value(QLatin1String("related_object_id")).toInteger();
        notifications.append(notification);
    }

    auto applied = cache.apply([&](client::CacheWriter &writer) {
        writer.setProfile(profile);
        writer.replaceAllCases(cases);
        writer.replaceAllThreads(threads);
        writer.upsertMessages(messages);
        writer.replaceAllDocuments(documents);
        writer.replaceAllTasks(tasks);
        writer.replaceAllNotifications(notifications);
    });
    return applied ? QString() : applied.error().message;
}

} // namespace portal::ui::demo
