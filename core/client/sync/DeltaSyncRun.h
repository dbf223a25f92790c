// One run of the delta sync (GET /api/portal/sync/): pages from the stored cursor while `has_more`, then
// writes all pages in ONE cache transaction together with the new cursor. A run that fails half-way (a
// dropped connection, a 5xx, a malformed page, a full disk) writes nothing, so the cache keeps its previous
// consistent state and the next run starts again from the old cursor. Pages are kept decoded (the wire
// types), not as JSON, until the end: about 3x the JSON's size for a 12 MB run of a large account.
#pragma once

#include "ClientCache.h"
#include "Session.h"
#include "SyncOutcome.h"
#include "SyncTypes.h"

#include <QObject>
#include <QPointer>

namespace portal::client {

class DeltaSyncRun : public QObject
{
    Q_OBJECT
public:
    DeltaSyncRun(net::Session &session, ClientCache &cache, int pageLimit, QObject *parent = nullptr);

    void start();
    void cancel();

signals:
    void finished(const portal::client::SyncOutcome &outcome);

private:
    void fetchPage(const QString &since);
    void applyAll();
    void finish(SyncOutcome outcome);

    net::Session &m_session;
    ClientCache &m_cache;
    int m_pageLimit;
    QList<api::SyncPage> m_pages;
    QString m_cursor;
    int m_requests = 0;
    QPointer<QObject> m_job;
    bool m_finished = false;
};

} // namespace portal::client
