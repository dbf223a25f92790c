#include "SearchResultModel.h"

#include "ClientCache.h"
#include "ItemIcons.h"
#include "ModelRoles.h"
#include "Wording.h"

#include <QFont>
#include <QIcon>

namespace portal::ui {

namespace {
const client::SearchKind kindOrder[]
    = { client::SearchKind::Case,     client::SearchKind::Thread, client::SearchKind::Message,
        client::SearchKind::Document, client::SearchKind::Task,   client::SearchKind::Notification };

QString iconFor(client::SearchKind kind)
{
    switch (kind) {
    case client::SearchKind::Case:
        return QStringLiteral(":/icons/cases.svg");
    case client::SearchKind::Thread:
    case client::SearchKind::Message:
        return QStringLiteral(":/icons/messages.svg");
    case client::SearchKind::Document:
        return QStringLiteral(":/icons/document.svg");
    case client::SearchKind::Task:
        return QStringLiteral(":/icons/tasks.svg");
    case client::SearchKind::Notification:
        return QStringLiteral(":/icons/notifications.svg");
    }
    return {};
}

QString plainSnippet(QString snippet)
{
    return snippet.remove(client::SearchHit::MatchStart).remove(client::SearchHit::MatchEnd);
}
} // namespace

SearchResultModel::SearchResultModel(client::ClientCache &cache, QObject *parent)
    : GroupedTreeModel(parent)
    , m_cache(cache)
{
    connect(&m_cache, &client::ClientCache::changed, this, [this](client::CacheKinds kinds) {
        const client::CacheKinds searched = client::CacheKind::Cases | client::CacheKind::Threads
            | client::CacheKind::Messages | client::CacheKind::Documents | client::CacheKind::Tasks
            | client::CacheKind::Notifications;
        if ((kinds & searched) && !m_query.isEmpty())
            run();
    });
}

void SearchResultModel::setQuery(const QString &text)
{
    if (text == m_query)
        return;
    m_query = text;
    run();
}

void SearchResultModel::run()
{
    auto hits = m_cache.search(m_query, 100);
    QList<ItemGroup<client::SearchHit>> groups;
    for (client::SearchKind kind : kindOrder) {
        ItemGroup<client::SearchHit> group { wording::searchKind(kind), {} };
        if (hits) {
            for (const client::SearchHit &hit : *hits) {
                if (hit.kind == kind)
                    group.items.append(hit);
            }
        }
        if (!group.items.isEmpty())
            groups.append(std::move(group));
    }
    setGroups(std::move(groups));
}

int SearchResultModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return 1;
}

QVariant SearchResultModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (isGroup(index)) {
        const auto &g = group(index);
        switch (role) {
        case Qt::DisplayRole:
            return tr("%1 (%2)").arg(g.title).arg(g.items.size());
        case Qt::FontRole: {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        case GroupRole:
            return true;
        case IdRole:
            return qint64(0);
        }
        return {};
    }
    const client::SearchHit &hit = item(index);
    switch (role) {
    case Qt::DisplayRole:
        return hit.title;
    case Qt::DecorationRole:
        return itemIcon(iconFor(hit.kind));
    case Qt::ToolTipRole:
    case SecondaryTextRole: {
        const QString snippet = plainSnippet(hit.snippet);
        return snippet == hit.title ? QString() : snippet;
    }
    case Qt::AccessibleTextRole:
        return tr("%1: %2").arg(wording::searchKind(hit.kind), hit.title);
    case SnippetHtmlRole:
        return hit.snippetHtml();
    case GroupRole:
        return false;
    case KindRole:
        return int(hit.kind);
    case IdRole:
        return hit.objectId;
    case ThreadIdRole:
        return hit.threadId;
    case CaseIdRole:
        return hit.caseId;
    }
    return {};
}

} // namespace portal::ui
