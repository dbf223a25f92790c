// The delta-sync wire types (SyncTypes.h): a full page round-trips through toJson()/fromJson() unchanged,
// nulls and empty lists included, and the decoders are as strict as the other wire types.
#include "SyncTypes.h"

#include <QJsonDocument>
#include <QtTest>

using namespace portal::api;

namespace {

// A page with every kind of object, written as a server would send it.
const char kPage[] = R"json({
 "cursor": "s42", "has_more": true,
 "profile": {"id": 1, "user": {"id": 5, "username": "client_username", "email": "client@example.com",
             "first_name": "John", "last_name": "Doe"},
             "company_name": "Acme Inc.", "phone": "123-456-7890", "address": "123 Main St"},
 "cases": [{"id": 1, "title": "Contract Dispute", "case_number": "CD-2023-001", "status": "OPEN",
            "open_date": "2023-01-15", "description": "Contract dispute with supplier", "case_type": "CIVIL",
            "assigned_attorney": {"id": 3, "name": "Jane Smith", "email": "jsmith@example.com"}},
           {"id": 2, "title": "Trademark", "case_number": "TR-1", "status": "OPEN", "open_date": "2023-02-20",
            "description": "", "case_type": "IP", "assigned_attorney": null}],
 "threads": [{"id": 1, "subject": "Contract Review", "case": 1, "created_at": "2023-01-17T10:15:00Z",
              "updated_at": "2023-01-18T14:20:00Z", "unread_count": 2}],
 "messages": [{"id": 1, "sender": {"id": 3, "name": "Jane Smith"}, "content": "Please review",
               "created_at": "2023-01-17T10:15:00Z", "is_read": true, "thread": 1}],
 "documents": [{"id": 1, "title": "Contract", "description": "Service agreement", "file_type": "PDF",
                "file_size": 1250000, "uploaded_at": "2023-01-16T14:30:00Z",
                "case": {"id": 1, "title": "Contract Dispute"}}],
 "tasks": [{"id": 1, "title": "Review Contract", "description": "Please review", "status": "PENDING",
            "due_date": null, "case": {"id": 1, "title": "Contract Dispute"}}],
 "notifications": [{"id": 1, "notification_type": "MESSAGE", "title": "New message in: Contract Review",
                    "message": "Jane Smith sent a new message", "created_at": "2023-01-18T14:20:00Z",
                    "is_read": false, "related_object_type": "MessageThread", "related_object_id": 1}],
 "deleted": {"cases": [], "threads": [7], "messages": [8, 9], "documents": [], "tasks": [], "notifications": [3]}
})json";

QJsonObject pageJson()
{
    return QJsonDocument::fromJson(kPage).object();
}

} // namespace

class TestSyncTypes : public QObject
{
    Q_OBJECT

private slots:
    void pageRoundTrips()
    {
        const QJsonObject json = pageJson();
        FieldErrors errors;
        const auto page = SyncPage::fromJson(json, &errors);
        QVERIFY2(page, qPrintable(errors.keys().join(u',')));
        QCOMPARE(page->toJson(), json);
        QCOMPARE(page->cursor, QStringLiteral("s42"));
        QVERIFY(page->hasMore);
        QVERIFY(page->profile);
        QCOMPARE(page->cases.size(), 2);
        QVERIFY(page->cases.at(0).assignedAttorney);
        QVERIFY(!page->cases.at(1).assignedAttorney);
        QCOMPARE(page->messages.at(0).threadId, 1);
        QCOMPARE(page->deleted.messages, (QList<qint64> { 8, 9 }));
        QCOMPARE(page->objectCount(), 1 + 2 + 1 + 1 + 1 + 1 + 1 + 4);
        QCOMPARE(SyncPage::fromJson(page->toJson()), page);
    }

    void emptyPageRoundTrips()
    {
        SyncPage page;
        page.cursor = QStringLiteral("s0");
        const QJsonObject json = page.toJson();
        QVERIFY(json.value(QStringLiteral("profile")).isNull());
        QCOMPARE(SyncPage::fromJson(json), std::optional(page));
        QVERIFY(page.deleted.isEmpty());
        QCOMPARE(page.objectCount(), 0);
    }

    void strictness_data()
    {
        QTest::addColumn<QString>("pointer"); // "key" or "list.0.key" to change
        QTest::addColumn<QJsonValue>("value"); // Undefined: remove
        QTest::addColumn<QString>("errorKey");
        QTest::newRow("no cursor") << "cursor" << QJsonValue(QJsonValue::Undefined) << "cursor";
        QTest::newRow("has_more not bool") << "has_more" << QJsonValue(1) << "has_more";
        QTest::newRow("profile missing") << "profile" << QJsonValue(QJsonValue::Undefined) << "profile";
        QTest::newRow("case without attorney key")
            << "cases.0.assigned_attorney" << QJsonValue(QJsonValue::Undefined)
            << "cases[0].assigned_attorney";
        QTest::newRow("message without thread")
            << "messages.0.thread" << QJsonValue(QJsonValue::Undefined) << "messages[0].thread";
        QTest::newRow("message thread as text")
            << "messages.0.thread" << QJsonValue(QStringLiteral("1")) << "messages[0].thread";
        QTest::newRow("deleted id as text")
            << "deleted.threads" << QJsonValue(QJsonArray { QStringLiteral("7") }) << "deleted.threads[0]";
        QTest::newRow("deleted list missing")
            << "deleted.tasks" << QJsonValue(QJsonValue::Undefined) << "deleted.tasks";
    }

    void strictness()
    {
        QFETCH(QString, pointer);
        QFETCH(QJsonValue, value);
        QFETCH(QString, errorKey);
        QJsonObject json = pageJson();
        const QStringList path = pointer.split(u'.');
        const auto set = [&](QJsonObject object, const QString &key) {
            if (value.isUndefined())
                object.remove(key);
            else
                object.insert(key, value);
            return object;
        };
        if (path.size() == 1) {
            json = set(json, path.at(0));
        } else if (path.size() == 2) {
            json.insert(path.at(0), set(json.value(path.at(0)).toObject(), path.at(1)));
        } else {
            QJsonArray list = json.value(path.at(0)).toArray();
            const int index = path.at(1).toInt();
            list.replace(index, set(list.at(index).toObject(), path.at(2)));
            json.insert(path.at(0), list);
        }
        FieldErrors errors;
        QVERIFY(!SyncPage::fromJson(json, &errors));
        QVERIFY2(errors.contains(errorKey), qPrintable(errors.keys().join(u' ')));
    }
};

QTEST_APPLESS_MAIN(TestSyncTypes)
#include "tst_synctypes.moc"
