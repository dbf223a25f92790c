// cache-bench: fills a client cache the size of a busy account (200 cases, 5,000 threads, 100,000 messages,
// 5,000 documents, 2,000 tasks, 5,000 notifications) in sync-sized pages and prints the fill time, search
// latencies (median and max over typical queries), the time to read a 1,000-message thread and the thread
// list, and peak RSS. It asserts nothing. Usage: cache-bench [folder] (a temporary folder by default).
#include "ClientCache.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>
#include <sys/resource.h>

using namespace portal;
using namespace portal::client;

namespace {

const QStringList vocabulary = {
    QStringLiteral("contract"),   QStringLiteral("agreement"),  QStringLiteral("supplier"),
    QStringLiteral("review"),     QStringLiteral("invoice"),    QStringLiteral("hearing"),
    QStringLiteral("settlement"), QStringLiteral("court"),      QStringLiteral("deadline"),
    QStringLiteral("evidence"),   QStringLiteral("witness"),    QStringLiteral("trademark"),
    QStringLiteral("patent"),     QStringLiteral("lease"),      QStringLiteral("property"),
    QStringLiteral("payment"),    QStringLiteral("schedule"),   QStringLiteral("signature"),
    QStringLiteral("draft"),      QStringLiteral("question"),   QStringLiteral("café"),
    QStringLiteral("Müller"),     QStringLiteral("meeting"),    QStringLiteral("document"),
    QStringLiteral("appeal"),     QStringLiteral("claim"),      QStringLiteral("damages"),
    QStringLiteral("insurance"),  QStringLiteral("employment"), QStringLiteral("termination"),
    QStringLiteral("notice"),     QStringLiteral("filing"),
};

QRandomGenerator generator(42); // the same account every run

QString sentence(int words)
{
    QStringList parts;
    for (int i = 0; i < words; ++i)
        parts << vocabulary.at(generator.bounded(int(vocabulary.size())));
    // Rare words too, so some queries are selective.
    parts << QStringLiteral("ref%1").arg(generator.bounded(100000));
    return parts.join(u' ');
}

QDateTime at(qint64 minutes)
{
    return QDateTime::fromSecsSinceEpoch(1672531200 + minutes * 60, Qt::UTC);
}

double msSince(const QElapsedTimer &timer)
{
    return timer.nsecsElapsed() / 1e6;
}

long peakRssMb()
{
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024;
}

bool check(const CacheResult<Done> &result, const char *what)
{
    if (!result)
        std::fprintf(stderr, "%s failed: %s\n", what, qPrintable(result.error().message));
    return result.ok();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir temporary;
    const QString folder = argc > 1 ? QString::fromLocal8Bit(argv[1]) : temporary.path();
    const QString path = folder + QStringLiteral("/bench-cache.sqlite");
    QFile::remove(path);
    auto opened = ClientCache::open(path);
    if (!opened) {
        std::fprintf(stderr, "open: %s\n", qPrintable(opened.error().message));
        return 1;
    }
    auto cache = opened.take();

    constexpr int caseCount = 200, threadCount = 5000, messageCount = 100000, documentCount = 5000,
                  taskCount = 2000, notificationCount = 5000, bigThreadMessages = 1000, page = 1000;

    QElapsedTimer fill;
    fill.start();
    QList<CachedCase> cases;
    for (int i = 1; i <= caseCount; ++i) {
        cases.append(
            { { i, QStringLiteral("Case %1 %2").arg(i).arg(sentence(3)), QStringLiteral("CD-2023-%1").arg(i),
                i % 4 ? QStringLiteral("OPEN") : QStringLiteral("CLOSED"), at(i * 1000).date(), sentence(12),
                i % 2 ? QStringLiteral("CIVIL") : QStringLiteral("CORPORATE") },
              api::Attorney { 3, QStringLiteral("Jane Smith"), QStringLiteral("jsmith@example.com") } });
    }
    if (!check(cache->apply([&](CacheWriter &w) { w.upsertCases(cases); }), "cases"))
        return 1;
    for (int start = 1; start <= threadCount; start += page) {
        QList<api::Thread> threads;
        for (int i = start; i < start + page && i <= threadCount; ++i)
            threads.append({ i, sentence(4), 1 + i % caseCount, at(i), at(i + 100000), i % 3 });
        if (!check(cache->apply([&](CacheWriter &w) { w.upsertThreads(threads); }), "threads"))
            return 1;
    }
    // Thread 1 gets 1,000 messages; the rest are spread over the other threads.
    for (int start = 1; start <= messageCount; start += page) {
        QList<ThreadMessage> messages;
        for (int i = start; i < start + page && i <= messageCount; ++i) {
            const qint64 thread = i <= bigThreadMessages ? 1 : 2 + i % (threadCount - 1);
            messages.append(
                { thread,
                  { i,
                    { i % 2 ? 3 : 5, i % 2 ? QStringLiteral("Jane Smith") : QStringLiteral("John Doe") },
                    sentence(8 + generator.bounded(30)),
                    at(i),
                    i % 5 != 0 } });
        }
        if (!check(cache->apply([&](CacheWriter &w) { w.upsertMessages(messages); }), "messages"))
            return 1;
    }
    for (int start = 1; start <= documentCount; start += page) {
        QList<api::Document> documents;
        for (int i = start; i < start + page && i <= documentCount; ++i)
            documents.append({ i,
                               sentence(3),
                               sentence(10),
                               QStringLiteral("PDF"),
                               1000 + i,
                               at(i),
                               { 1 + i % caseCount, QStringLiteral("Case") } });
        if (!check(cache->apply([&](CacheWriter &w) { w.upsertDocuments(documents); }), "documents"))
            return 1;
    }
    QList<api::Task> tasks;
    for (int i = 1; i <= taskCount; ++i)
        tasks.append({ i,
                       sentence(3),
                       sentence(10),
                       QStringLiteral("PENDING"),
                       at(i * 100).date(),
                       { 1 + i % caseCount, QStringLiteral("Case") } });
    if (!check(cache->apply([&](CacheWriter &w) { w.upsertTasks(tasks); }), "tasks"))
        return 1;
    for (int start = 1; start <= notificationCount; start += page) {
        QList<api::Notification> notifications;
        for (int i = start; i < start + page && i <= notificationCount; ++i)
            notifications.append({ i, QStringLiteral("MESSAGE"), sentence(4), sentence(10), at(i), i % 4 != 0,
                                   QStringLiteral("MessageThread"), 1 + i % threadCount });
        if (!check(cache->apply([&](CacheWriter &w) { w.upsertNotifications(notifications); }),
                   "notifications"))
            return 1;
    }
    const double fillMs = msSince(fill);
    std::printf(
        "fill: %d cases, %d threads, %d messages, %d documents, %d tasks, %d notifications in %.0f ms "
        "(pages of %d, one transaction each)\n",
        caseCount, threadCount, messageCount, documentCount, taskCount, notificationCount, fillMs, page);
    std::printf("file: %.1f MB\n", QFileInfo(path).size() / 1e6);

    const QStringList queries = { QStringLiteral("contract"),
                                  QStringLiteral("contr"),
                                  QStringLiteral("co"),
                                  QStringLiteral("settlement hearing"),
                                  QStringLiteral("cafe"),
                                  QStringLiteral("muller café"),
                                  QStringLiteral("ref12345"),
                                  QStringLiteral("ref123"),
                                  QStringLiteral("\"unbalanced (NEAR"),
                                  QStringLiteral("zzzz"),
                                  QStringLiteral("witness evidence court"),
                                  QStringLiteral("CD-2023-17") };
    QList<double> all;
    std::printf("search (limit 50, 5 runs each; median / max ms, hits):\n");
    for (const QString &query : queries) {
        QList<double> times;
        qsizetype hits = 0;
        for (int run = 0; run < 5; ++run) {
            QElapsedTimer timer;
            timer.start();
            auto found = cache->search(query, 50);
            times.append(msSince(timer));
            hits = found ? found->size() : -1;
        }
        std::sort(times.begin(), times.end());
        all += times;
        std::printf("  %-26s %7.2f / %7.2f  (%lld)\n", qPrintable(query), times.at(2), times.last(),
                    static_cast<long long>(hits));
    }
    std::sort(all.begin(), all.end());
    std::printf("search overall: median %.2f ms, max %.2f ms\n", all.at(all.size() / 2), all.last());

    QElapsedTimer timer;
    timer.start();
    auto thread = cache->messages(1);
    std::printf("read thread of %lld messages: %.2f ms\n",
                static_cast<long long>(thread ? thread->size() : -1), msSince(timer));
    timer.restart();
    auto threads = cache->threads();
    std::printf("read thread list (%lld threads): %.2f ms\n",
                static_cast<long long>(threads ? threads->size() : -1), msSince(timer));
    timer.restart();
    auto totals = cache->unreadTotals();
    std::printf("unread totals (%d messages, %d notifications): %.2f ms\n", totals ? totals->messages : -1,
                totals ? totals->notifications : -1, msSince(timer));
    timer.restart();
    auto caseView = cache->caseDetail(17);
    std::printf("case detail: %.2f ms\n", msSince(timer));
    timer.restart();
    auto replaced = cache->apply([](CacheWriter &w) { w.markThreadRead(1); });
    std::printf("mark a 1,000-message thread read: %.2f ms\n", msSince(timer));
    std::printf("peak RSS: %ld MB\n", peakRssMb());
    return thread && threads && totals && caseView && replaced ? 0 : 1;
}
