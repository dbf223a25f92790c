// The events the store records and what each says to the client's people: the webhook "data" of the API
// document's payload example and the notification's type, title, message and related object in the wording
// of its notification examples. The one place that wording lives; every write path builds its event here.
#pragma once

#include "Store.h"

namespace portal::store::events {

// message.created, from either side; `senderName` as people are named (displayName()).
EventRecord messageCreated(qint64 clientId, qint64 senderId, const QString &senderName, qint64 messageId,
                           qint64 threadId, qint64 caseId, const QString &subject);

// document.uploaded, from either side.
EventRecord documentUploaded(qint64 clientId, qint64 uploaderId, qint64 documentId, qint64 caseId,
                             const QString &title);

// task.assigned: a task was given to the case's client by `attorneyName`.
EventRecord taskAssigned(qint64 clientId, qint64 attorneyId, const QString &attorneyName, qint64 taskId,
                         qint64 caseId, const QString &taskTitle);

// case.updated: `changedFields` are the API's field names (status, title, description, assigned_attorney).
EventRecord caseUpdated(qint64 clientId, qint64 attorneyId, const QString &attorneyName, qint64 caseId,
                        const QString &caseTitle, const QString &caseNumber,
                        const QStringList &changedFields);

} // namespace portal::store::events
