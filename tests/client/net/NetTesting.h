// Small helpers shared by the client network tests.
#pragma once

#include "ApiJob.h"

#include <QTest>

namespace portal::testing {

// Starts `job` (kept alive after it finishes) and waits for it; false when it did not finish in time.
template<typename Job> bool run(Job *job, int timeoutMs = 30000)
{
    job->setAutoDelete(false);
    if (!job->isStarted())
        job->start();
    QDeadlineTimer deadline(timeoutMs);
    while (!job->isFinished() && !deadline.hasExpired())
        QTest::qWait(5);
    return job->isFinished();
}

inline QByteArray describe(const net::NetError &error)
{
    return (net::kindName(error.kind) + QLatin1Char(' ') + QString::number(error.httpStatus)
            + QLatin1Char(' ') + error.code + QLatin1Char(' ') + error.message)
        .toUtf8();
}

} // namespace portal::testing
