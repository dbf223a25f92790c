// The item data roles every model of the desktop views answers the same way, so that delegates, the
// selection keeper and the tests read any model alike.
#pragma once

#include <Qt>

namespace portal::ui {

enum ModelRole {
    IdRole = Qt::UserRole + 1, // qint64: the object's id (0 for group rows)
    CaseIdRole, // qint64
    ThreadIdRole, // qint64
    SecondaryTextRole, // QString: a second, smaller line
    MetaTextRole, // QString: right-aligned (a time, a size)
    BadgeRole, // int: a count drawn as a badge, 0 for none
    UnreadRole, // bool: shown bold
    UnreadCountRole, // int
    SortRole, // QVariant: what sorting compares
    StatusRole, // QString: the raw status (OPEN, PENDING, ...)
    TypeRole, // QString: the raw type (CIVIL, PDF, MESSAGE, ...)
    TimestampRole, // QDateTime (UTC)
    OverdueRole, // bool
    GroupRole, // bool: a group heading, not an object
    KindRole, // int: portal::client::SearchKind
    SnippetHtmlRole, // QString
    RelatedTypeRole, // QString: a notification's related_object_type
    RelatedIdRole, // qint64: a notification's related_object_id, 0 for none
    SendStateRole, // int: MessageListModel::SendState
    OutboxIdRole, // qint64: the outbox item of an unsent message
    ErrorTextRole, // QString: why an unsent message failed
    OwnRole, // bool: sent by the signed-in person
    DownloadedRole, // bool: a document whose file is on this computer
};

} // namespace portal::ui
