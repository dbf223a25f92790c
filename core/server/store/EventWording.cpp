#include "EventWording.h"

#include <QJsonArray>

namespace portal::store::events {

EventRecord messageCreated(qint64 clientId, qint64 senderId, const QString &senderName, qint64 messageId,
                           qint64 threadId, qint64 caseId, const QString &subject)
{
    return { QStringLiteral("message.created"),
             { { QStringLiteral("message_id"), messageId },
               { QStringLiteral("thread_id"), threadId },
               { QStringLiteral("sender_id"), senderId },
               { QStringLiteral("case_id"), caseId } },
             clientId,
             senderId,
             QStringLiteral("MESSAGE"),
             QStringLiteral("New message in: %1").arg(subject),
             QStringLiteral("%1 sent a new message in %2").arg(senderName, subject),
             QStringLiteral("MessageThread"),
             threadId };
}

EventRecord documentUploaded(qint64 clientId, qint64 uploaderId, qint64 documentId, qint64 caseId,
                             const QString &title)
{
    return { QStringLiteral("document.uploaded"),
             { { QStringLiteral("document_id"), documentId },
               { QStringLiteral("case_id"), caseId },
               { QStringLiteral("uploaded_by"), uploaderId } },
             clientId,
             uploaderId,
             QStringLiteral("DOCUMENT"),
             QStringLiteral("New document uploaded"),
             QStringLiteral("A new document '%1' has been uploaded to your case").arg(title),
             QStringLiteral("Document"),
             documentId };
}

EventRecord taskAssigned(qint64 clientId, qint64 attorneyId, const QString &attorneyName, qint64 taskId,
                         qint64 caseId, const QString &taskTitle)
{
    return { QStringLiteral("task.assigned"),
             { { QStringLiteral("task_id"), taskId }, { QStringLiteral("case_id"), caseId } },
             clientId,
             attorneyId,
             QStringLiteral("TASK"),
             QStringLiteral("New task assigned"),
             QStringLiteral("%1 assigned you the task '%2'").arg(attorneyName, taskTitle),
             QStringLiteral("Task"),
             taskId };
}

EventRecord caseUpdated(qint64 clientId, qint64 attorneyId, const QString &attorneyName, qint64 caseId,
                        const QString &caseTitle, const QString &caseNumber, const QStringList &changedFields)
{
    return { QStringLiteral("case.updated"),
             { { QStringLiteral("case_id"), caseId },
               { QStringLiteral("changed_fields"), QJsonArray::fromStringList(changedFields) } },
             clientId,
             attorneyId,
             QStringLiteral("CASE"),
             QStringLiteral("Case updated: %1").arg(caseTitle),
             QStringLiteral("%1 updated the case %2").arg(attorneyName, caseNumber),
             QStringLiteral("Case"),
             caseId };
}

} // namespace portal::store::events
