// What a real server will not do on demand, through FakeNetwork: malformed and mistyped answers, a
// connection dropped mid-body, error and 429 storms, a token that expires mid-sequence, silence.
#include "FakeNetwork.h"
#include "NetTesting.h"
#include "ReadJobs.h"
#include "Session.h"
#include "TokenJobs.h"

#include <QDateTime>
#include <QSignalSpy>

using namespace portal;
using namespace portal::net;
using portal::testing::describe;
using portal::testing::FakeAnswer;
using portal::testing::FakeNetwork;
using portal::testing::FakeRequest;
using portal::testing::run;

namespace {

const QByteArray kCases
    = R"([{"id":1,"title":"Contract Dispute","case_number":"CD-2023-001","status":"OPEN",)"
      R"("open_date":"2023-01-15","description":"d","case_type":"CIVIL"}])";

FakeAnswer tokens(const QByteArray &access, const QByteArray &refresh)
{
    return FakeAnswer::json(200, R"({"access":")" + access + R"(","refresh":")" + refresh + "\"}");
}

} // namespace

class FaultsTest : public QObject
{
    Q_OBJECT

    // Network first: the session (and its jobs) go before it.
    std::unique_ptr<FakeNetwork> m_network;
    std::unique_ptr<Session> m_session;

    void signIn()
    {
        auto *job = new SignInJob(m_session.get(), QStringLiteral("u"), QStringLiteral("p"));
        QVERIFY(run(job));
        QVERIFY2(job->result().ok(), describe(job->error()));
        delete job;
    }

    // Answers sign-in and refresh; everything else from `resources`.
    void serve(std::function<FakeAnswer(const FakeRequest &)> resources)
    {
        m_network->setHandler([resources](const FakeRequest &request) {
            if (request.verb == "POST" && request.path() == QLatin1String("/api/token/"))
                return tokens("A1", "R1");
            return resources(request);
        });
    }

    template<typename Job> NetError errorOf(Job *job)
    {
        run(job);
        const NetError error = job->error();
        delete job;
        return error;
    }

private slots:
    void init()
    {
        m_network
            = std::make_unique<FakeNetwork>([](const FakeRequest &) { return FakeAnswer::json(200, "{}"); });
        m_session = std::make_unique<Session>(QUrl(QStringLiteral("http://portal.invalid")), m_network.get());
        m_session->connectivity()->setProbeIntervals(50, 200);
        serve([](const FakeRequest &) { return FakeAnswer::json(200, kCases); });
        signIn();
    }

    void cleanup()
    {
        m_session.reset();
        m_network.reset();
    }

    void malformedJson()
    {
        serve([](const FakeRequest &) { return FakeAnswer::json(200, R"([{"id":1,"title":)"); });
        const NetError error = errorOf(new FetchCasesJob(m_session.get()));
        QCOMPARE(error.kind, NetError::Kind::Malformed);
        QVERIFY(error.message.contains(QLatin1String("not JSON")));
    }

    void wrongTypes()
    {
        serve([](const FakeRequest &) {
            return FakeAnswer::json(200, QByteArray(kCases).replace(R"("id":1)", R"("id":"one")"));
        });
        const NetError error = errorOf(new FetchCasesJob(m_session.get()));
        QCOMPARE(error.kind, NetError::Kind::Malformed);
        QVERIFY2(error.details.contains(QStringLiteral("[0].id")),
                 qPrintable(error.details.keys().join(u',')));

        serve([](const FakeRequest &) { return FakeAnswer::json(200, R"({"not":"a list"})"); });
        QCOMPARE(errorOf(new FetchCasesJob(m_session.get())).kind, NetError::Kind::Malformed);
        serve([](const FakeRequest &) { return FakeAnswer::json(200, kCases); });
        QCOMPARE(errorOf(new FetchProfileJob(m_session.get())).kind,
                 NetError::Kind::Malformed); // array for object
    }

    void droppedMidBodyThenProbedBackOnline()
    {
        bool down = true;
        serve([&down](const FakeRequest &request) {
            if (!down)
                return request.path() == QLatin1String("/api/token/") ? FakeAnswer::json(405, "{}")
                                                                      : FakeAnswer::json(200, kCases);
            FakeAnswer answer = FakeAnswer::json(200, kCases);
            answer.dropAfter = 20;
            if (request.verb == "GET" && request.path() == QLatin1String("/api/token/"))
                answer = FakeAnswer { 0, {}, {}, -1, QNetworkReply::ConnectionRefusedError };
            return answer;
        });
        QSignalSpy policy(m_session->connectivity(), &ConnectivityMonitor::policyChanged);
        const NetError error = errorOf(new FetchCasesJob(m_session.get()));
        QCOMPARE(error.kind, NetError::Kind::Unreachable);
        QCOMPARE(m_session->connectivity()->policy(), ConnectivityMonitor::Policy::Unreachable);
        QTRY_VERIFY_WITH_TIMEOUT(m_network->count(QStringLiteral("/api/token/")) >= 3,
                                 10000); // probes repeat
        down = false;
        QTRY_COMPARE_WITH_TIMEOUT(m_session->connectivity()->policy(), ConnectivityMonitor::Policy::Online,
                                  10000);
        QCOMPARE(policy.size(), 2);
        QVERIFY(!errorOf(new FetchCasesJob(m_session.get())).isError());
    }

    void serverErrorStormIsNotHammered()
    {
        serve([](const FakeRequest &) {
            return FakeAnswer::json(
                500, R"({"error":{"code":"server_error","message":"A server error occurred."}})");
        });
        const int before = m_network->requests().size();
        QList<FetchCasesJob *> jobs;
        for (int i = 0; i < 20; ++i) {
            jobs.append(new FetchCasesJob(m_session.get()));
            jobs.last()->setAutoDelete(false);
            jobs.last()->start();
        }
        for (FetchCasesJob *job : jobs) {
            QVERIFY(run(job));
            QCOMPARE(job->error().kind, NetError::Kind::Http);
            QCOMPARE(job->error().httpStatus, 500);
            QCOMPARE(job->error().code, QStringLiteral("server_error"));
            QCOMPARE(job->error().message, QStringLiteral("A server error occurred."));
        }
        qDeleteAll(jobs);
        QCOMPARE(m_network->requests().size() - before, 20); // one each: a 500 is not retried
    }

    void unavailableIsRetriedAFewTimes()
    {
        serve([](const FakeRequest &) {
            FakeAnswer answer;
            answer.status = 503;
            answer.body = "<html>Service Unavailable</html>";
            return answer;
        });
        auto *job = new FetchCasesJob(m_session.get());
        QVERIFY(run(job, 60000));
        QCOMPARE(job->error().kind, NetError::Kind::Http);
        QCOMPARE(job->error().httpStatus, 503);
        QVERIFY2(job->error().message.contains(QLatin1String("503")), qPrintable(job->error().message));
        QCOMPARE(job->attempts(), 3);
        delete job;
    }

    void rateLimitStormWaitsAsTold()
    {
        serve([](const FakeRequest &) {
            FakeAnswer answer
                = FakeAnswer::json(429, R"({"error":{"code":"throttled","message":"Slow down."}})");
            answer.headers.append({ QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1") });
            return answer;
        });
        QElapsedTimer clock;
        clock.start();
        auto *job = new FetchCasesJob(m_session.get());
        QVERIFY(run(job, 60000));
        QCOMPARE(job->error().kind, NetError::Kind::RateLimited);
        QCOMPARE(job->error().retryAfterSeconds, 1);
        QCOMPARE(job->attempts(), 4); // the first and three retries, each after Retry-After
        QVERIFY(clock.elapsed() >= 2500); // never hammered: it waited between tries
        delete job;

        int refused = 0;
        serve([&refused](const FakeRequest &) {
            if (refused++ == 0) {
                FakeAnswer answer = FakeAnswer::json(429, "{}");
                answer.headers.append({ QByteArrayLiteral("Retry-After"), QByteArrayLiteral("1") });
                return answer;
            }
            return FakeAnswer::json(200, kCases);
        });
        auto *recovers = new FetchCasesJob(m_session.get());
        QVERIFY(run(recovers, 60000));
        QVERIFY2(recovers->result().ok(), describe(recovers->error()));
        QCOMPARE(recovers->attempts(), 2);
        delete recovers;
    }

    void remainingHeadersPaceTheNextRequests()
    {
        const QByteArray reset = QByteArray::number(QDateTime::currentSecsSinceEpoch() + 2);
        serve([reset](const FakeRequest &) {
            FakeAnswer answer = FakeAnswer::json(200, kCases);
            answer.headers.append({ QByteArrayLiteral("X-RateLimit-Remaining"), QByteArrayLiteral("0") });
            answer.headers.append({ QByteArrayLiteral("X-RateLimit-Reset"), reset });
            return answer;
        });
        QVERIFY(!errorOf(new FetchCasesJob(m_session.get())).isError());
        QVERIFY(m_session->pacer().blockedForMs(m_session->now()) > 0);
        const int before = m_network->requests().size();
        auto *job = new FetchCasesJob(m_session.get());
        job->setAutoDelete(false);
        job->start();
        QTest::qWait(300);
        QCOMPARE(m_network->requests().size(), before); // held back until the window resets
        QVERIFY(run(job, 10000));
        QVERIFY(job->result().ok());
        delete job;
    }

    void tokenExpiresMidSequence()
    {
        // Opaque (non-JWT) tokens: the session cannot see the expiry and learns it from a 401.
        int served = 0;
        m_network->setHandler([&served](const FakeRequest &request) {
            if (request.path() == QLatin1String("/api/token/refresh/")) {
                if (!request.body.contains("R1"))
                    return FakeAnswer::json(
                        401, R"({"error":{"code":"token_not_valid","message":"Token is blacklisted"}})");
                return tokens("A2", "R2");
            }
            const QByteArray auth = request.header("Authorization");
            if (auth == "Bearer A1" && ++served > 2)
                return FakeAnswer::json(401,
                                        R"({"error":{"code":"token_not_valid","message":"Token expired"}})");
            return FakeAnswer::json(200, kCases);
        });
        QSignalSpy refreshChanged(m_session.get(), &Session::refreshTokenChanged);
        for (int i = 0; i < 5; ++i) {
            auto *job = new FetchCasesJob(m_session.get());
            QVERIFY(run(job));
            QVERIFY2(job->result().ok(), describe(job->error()));
            QCOMPARE(job->attempts(), i == 2 ? 2 : 1);
            delete job;
        }
        QCOMPARE(m_network->count(QStringLiteral("/api/token/refresh/")), 1);
        QCOMPARE(refreshChanged.size(), 1);
        QCOMPARE(refreshChanged.at(0).at(1).toString(), QStringLiteral("R2"));
        QCOMPARE(m_session->accessToken(), QStringLiteral("A2"));
    }

    void silenceTimesOut()
    {
        serve([](const FakeRequest &) {
            FakeAnswer answer;
            answer.hang = true;
            return answer;
        });
        auto *job = new FetchCasesJob(m_session.get(), RequestOptions { {}, {}, 200 });
        QVERIFY(run(job));
        QCOMPARE(job->error().kind, NetError::Kind::Timeout);
        delete job;
    }

    void cancelFinishesOnce()
    {
        serve([](const FakeRequest &) {
            FakeAnswer answer;
            answer.hang = true;
            return answer;
        });
        auto *job = new FetchCasesJob(m_session.get());
        job->setAutoDelete(false);
        QSignalSpy finished(job, &ApiJob::finished);
        job->start();
        QTRY_COMPARE(m_network->requests().size(), 2);
        job->cancel();
        job->cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(job->error().kind, NetError::Kind::Cancelled);
        delete job;
    }

    void errorBodyThatIsNotTheEnvelope()
    {
        serve([](const FakeRequest &) {
            FakeAnswer answer;
            answer.status = 404;
            answer.body = "<html>nginx</html>";
            return answer;
        });
        const NetError error = errorOf(new FetchCaseJob(m_session.get(), 7));
        QCOMPARE(error.kind, NetError::Kind::Http);
        QCOMPARE(error.httpStatus, 404);
        QVERIFY(error.code.isEmpty());
        QVERIFY2(error.message.contains(QLatin1String("404")), qPrintable(error.message));
    }
};

QTEST_GUILESS_MAIN(FaultsTest)
#include "tst_net_faults.moc"
