// Reading a fixture file (the format of shared/fixtures/portal-demo.json, "client-portal-fixture/1") into
// plain records, checking all that can be checked before the database is touched: JSON types, required
// fields, unknown fields, duplicate ids, references between the fixture's own objects, and that the
// document files are there. Every problem is reported at once, each under its JSON path
// ("cases[2].client: no client with id 7"). Internal to portal_store: importFixture() is the interface.
#pragma once

#include "Store.h"

namespace portal::store {

struct FixtureClient
{
    QString path; // "users[1].client"
    ClientRecord client;
};

struct FixtureUser
{
    QString path;
    UserRecord user; // passwordHash empty: the importer hashes `password`
    QString password;
};

struct FixtureCase
{
    QString path;
    api::Case summary;
    qint64 clientId = 0;
    std::optional<qint64> attorneyId;
    QDateTime updatedAt;
};

struct FixtureDocument
{
    QString path;
    qint64 id = 0;
    qint64 caseId = 0;
    QString title;
    QString description;
    QString fileType;
    QString fileName; // as users know it; the source file's name unless given
    QString contentType;
    QString sourceFile; // absolute
    QDateTime uploadedAt;
    std::optional<qint64> uploadedBy;
};

struct FixtureTask
{
    QString path;
    qint64 id = 0;
    qint64 caseId = 0;
    QString title;
    QString description;
    QString status;
    QDate dueDate; // invalid: none
    QDateTime updatedAt;
};

struct FixtureMessage
{
    QString path;
    qint64 id = 0;
    qint64 senderId = 0;
    QString content;
    QDateTime createdAt;
    QList<qint64> readBy;
};

struct FixtureThread
{
    QString path;
    qint64 id = 0;
    qint64 caseId = 0;
    QString subject;
    QDateTime createdAt;
    QDateTime updatedAt; // the newest message's created_at
    qint64 createdBy = 0; // the first message's sender unless given
    QList<FixtureMessage> messages;
};

struct FixtureNotification
{
    QString path;
    qint64 userId = 0;
    api::Notification notification;
};

struct Fixture
{
    QList<FixtureClient> clients;
    QList<FixtureUser> users;
    QList<FixtureCase> cases;
    QList<FixtureDocument> documents;
    QList<FixtureTask> tasks;
    QList<FixtureThread> threads;
    QList<FixtureNotification> notifications;
};

// The fixture at `fixturePath`, or Invalid with every problem (Failure when the file cannot be read).
// `now` fills the timestamps a fixture may leave out (cases' and tasks' updated_at).
Result<Fixture> readFixture(const QString &fixturePath, const QDateTime &now);

} // namespace portal::store
