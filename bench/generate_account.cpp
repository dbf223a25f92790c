// generate-account: writes a fixture ("client-portal-fixture/1", as `portal-server import` reads it) for one
// large client account, for benchmarks of the sync: N cases, threads, messages, documents, tasks and
// notifications (defaults 200/5000/50000/5000/2000/5000), the same bytes for the same counts. Documents
// share one small source file (the import copies it once per document). Users: bench_client and
// bench_attorney, both with the password "bench_password".
//
// Usage: generate-account [--cases N] [--threads N] [--messages N] [--documents N] [--tasks N]
//                         [--notifications N] OUTPUT_DIR   (writes OUTPUT_DIR/account.json and files/)
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <cstdio>

namespace {

constexpr qint64 kClientUser = 1;
constexpr qint64 kAttorney = 2;
const QDateTime kStart(QDate(2023, 1, 1), QTime(8, 0), Qt::UTC);

QString timestamp(qint64 minutes)
{
    return kStart.addSecs(minutes * 60).toString(Qt::ISODate);
}

struct Counts
{
    int cases = 200;
    int threads = 5000;
    int messages = 50000;
    int documents = 5000;
    int tasks = 2000;
    int notifications = 5000;
};

QJsonArray users()
{
    return {
        QJsonObject { { "id", kAttorney },
                      { "username", "bench_attorney" },
                      { "password", "bench_password" },
                      { "email", "attorney@bench.example" },
                      { "first_name", "Bench" },
                      { "last_name", "Attorney" },
                      { "role", "attorney" } },
        QJsonObject { { "id", kClientUser },
                      { "username", "bench_client" },
                      { "password", "bench_password" },
                      { "email", "client@bench.example" },
                      { "first_name", "Bench" },
                      { "last_name", "Client" },
                      { "role", "client" },
                      { "client",
                        QJsonObject { { "id", 1 },
                                      { "company_name", "Large Account Ltd." },
                                      { "phone", "555-0100" },
                                      { "address", "1 Benchmark Way" } } } },
    };
}

QJsonObject fixture(const Counts &n)
{
    QJsonArray cases;
    for (int i = 1; i <= n.cases; ++i) {
        cases.append(QJsonObject { { "id", i },
                                   { "client", 1 },
                                   { "title", QStringLiteral("Matter %1").arg(i) },
                                   { "case_number", QStringLiteral("LA-%1").arg(i, 5, 10, QLatin1Char('0')) },
                                   { "status", i % 5 == 0 ? "CLOSED" : "OPEN" },
                                   { "open_date", kStart.date().addDays(i).toString(Qt::ISODate) },
                                   { "description", QStringLiteral("Generated matter number %1").arg(i) },
                                   { "case_type", i % 2 ? "CIVIL" : "CORPORATE" },
                                   { "assigned_attorney", kAttorney } });
    }
    const auto caseOf = [&](int i) { return 1 + (i - 1) % std::max(1, n.cases); };

    QJsonArray documents;
    for (int i = 1; i <= n.documents; ++i) {
        documents.append(QJsonObject { { "id", i },
                                       { "case", caseOf(i) },
                                       { "title", QStringLiteral("Document %1").arg(i) },
                                       { "description", QStringLiteral("Exhibit %1").arg(i) },
                                       { "file", "files/document.txt" },
                                       { "file_name", QStringLiteral("document-%1.txt").arg(i) },
                                       { "uploaded_at", timestamp(i) },
                                       { "uploaded_by", i % 2 ? kAttorney : kClientUser } });
    }

    QJsonArray tasks;
    for (int i = 1; i <= n.tasks; ++i) {
        QJsonObject task { { "id", i },
                           { "case", caseOf(i) },
                           { "title", QStringLiteral("Task %1").arg(i) },
                           { "description", QStringLiteral("Please see to item %1").arg(i) },
                           { "status", i % 3 == 0 ? "COMPLETED" : "PENDING" } };
        task.insert("due_date",
                    i % 4 == 0 ? QJsonValue()
                               : QJsonValue(kStart.date().addDays(30 + i).toString(Qt::ISODate)));
        tasks.append(task);
    }

    // Messages go round the threads: message m is in thread 1 + (m - 1) % threads, so every thread has some
    // and ids grow with time inside each thread.
    QList<QJsonArray> threadMessages(std::max(0, n.threads));
    for (int m = 1; m <= n.messages && n.threads > 0; ++m) {
        const bool fromClient = m % 2 == 0;
        QJsonArray readBy;
        if (m % 3 != 0) // two of three messages have been read by the other side
            readBy.append(fromClient ? kAttorney : kClientUser);
        threadMessages[(m - 1) % n.threads].append(QJsonObject {
            { "id", m },
            { "sender", fromClient ? kClientUser : kAttorney },
            { "content",
              QStringLiteral("Message %1 of the generated account, with a little text to read.").arg(m) },
            { "created_at", timestamp(10000 + m) },
            { "read_by", readBy } });
    }
    QJsonArray threads;
    for (int t = 1; t <= n.threads; ++t) {
        threads.append(QJsonObject { { "id", t },
                                     { "case", caseOf(t) },
                                     { "subject", QStringLiteral("Subject %1").arg(t) },
                                     { "created_at", timestamp(t) },
                                     { "created_by", kAttorney },
                                     { "messages", threadMessages.value(t - 1) } });
    }

    QJsonArray notifications;
    for (int i = 1; i <= n.notifications; ++i) {
        QJsonObject note { { "id", i },
                           { "user", kClientUser },
                           { "notification_type", "MESSAGE" },
                           { "title", QStringLiteral("Notification %1").arg(i) },
                           { "message", QStringLiteral("Something happened (%1)").arg(i) },
                           { "created_at", timestamp(20000 + i) },
                           { "is_read", i % 2 == 0 } };
        if (n.threads > 0) {
            note.insert("related_object_type", "MessageThread");
            note.insert("related_object_id", 1 + (i - 1) % n.threads);
        }
        notifications.append(note);
    }

    return { { "format", "client-portal-fixture/1" },
             { "comment", "Generated by generate-account for benchmarks; not real data." },
             { "users", users() },
             { "cases", cases },
             { "documents", documents },
             { "tasks", tasks },
             { "threads", threads },
             { "notifications", notifications } };
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Writes a large one-client fixture for portal-server import."));
    parser.addHelpOption();
    Counts counts;
    const QList<std::pair<QString, int *>> options {
        { "cases", &counts.cases },       { "threads", &counts.threads },
        { "messages", &counts.messages }, { "documents", &counts.documents },
        { "tasks", &counts.tasks },       { "notifications", &counts.notifications }
    };
    for (const auto &[name, value] : options)
        parser.addOption({ name, QStringLiteral("How many %1 (default %2).").arg(name).arg(*value), "N" });
    parser.addPositionalArgument("OUTPUT_DIR", "Where account.json and files/ are written.");
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(2);
    for (const auto &[name, value] : options) {
        if (!parser.isSet(name))
            continue;
        bool ok = false;
        *value = parser.value(name).toInt(&ok);
        if (!ok || *value < 0) {
            std::fprintf(stderr, "--%s: not a count\n", qPrintable(name));
            return 2;
        }
    }
    if (counts.cases == 0 && (counts.documents || counts.tasks || counts.threads)) {
        std::fprintf(stderr, "documents, tasks and threads need at least one case\n");
        return 2;
    }

    const QDir out(parser.positionalArguments().constFirst());
    if (!QDir().mkpath(out.filePath("files"))
        || !writeFile(out.filePath("files/document.txt"), "A generated document for benchmarks.\n")
        || !writeFile(out.filePath("account.json"),
                      QJsonDocument(fixture(counts)).toJson(QJsonDocument::Compact))) {
        std::fprintf(stderr, "cannot write to %s\n", qPrintable(out.absolutePath()));
        return 1;
    }
    std::printf("%s: 1 client, %d cases, %d threads, %d messages, %d documents, %d tasks, %d notifications\n",
                qPrintable(out.filePath("account.json")), counts.cases, counts.threads, counts.messages,
                counts.documents, counts.tasks, counts.notifications);
    return 0;
}
