#include "TaskListModel.h"

#include "ClientCache.h"
#include "ModelRoles.h"
#include "Wording.h"

#include <QFont>
#include <QIcon>
#include <QPalette>

namespace portal::ui {

namespace {
// Where a status's group stands: to do first, completed last, other statuses between.
int groupOrder(const QString &status)
{
    if (status == QLatin1String("PENDING"))
        return 0;
    if (status == QLatin1String("IN_PROGRESS"))
        return 1;
    if (status == QLatin1String("COMPLETED"))
        return 3;
    return 2;
}
} // namespace

TaskListModel::TaskListModel(client::ClientCache &cache, QObject *parent)
    : GroupedTreeModel(parent)
    , m_cache(cache)
    , m_today(QDate::currentDate())
{
    connect(&m_cache, &client::ClientCache::changed, this, [this](client::CacheKinds kinds) {
        if (kinds & (client::CacheKind::Tasks | client::CacheKind::Cases))
            reload();
    });
    reload();
}

void TaskListModel::setToday(const QDate &today)
{
    m_today = today;
    if (!m_groups.isEmpty())
        reload();
}

void TaskListModel::setCaseFilter(std::optional<qint64> caseId)
{
    m_caseId = caseId;
    reload();
}

void TaskListModel::reload()
{
    auto tasks = m_cache.tasks(m_caseId);
    QList<QString> statuses;
    if (tasks) {
        for (const api::Task &task : *tasks) {
            if (!statuses.contains(task.status))
                statuses.append(task.status);
        }
    }
    std::stable_sort(statuses.begin(), statuses.end(), [](const QString &a, const QString &b) {
        return groupOrder(a) != groupOrder(b) ? groupOrder(a) < groupOrder(b) : a < b;
    });
    QList<ItemGroup<api::Task>> groups;
    for (const QString &status : statuses) {
        ItemGroup<api::Task> group { status, {} };
        for (const api::Task &task : *tasks) { // by due date, undated last, as the cache gives them
            if (task.status == status)
                group.items.append(task);
        }
        groups.append(std::move(group));
    }
    setGroups(std::move(groups));
}

bool TaskListModel::isOverdue(const api::Task &task) const
{
    return task.dueDate.isValid() && task.dueDate < m_today && task.status != QLatin1String("COMPLETED");
}

QModelIndex TaskListModel::indexOfTask(qint64 taskId) const
{
    for (int g = 0; g < m_groups.size(); ++g) {
        for (int row = 0; row < m_groups.at(g).items.size(); ++row) {
            if (m_groups.at(g).items.at(row).id == taskId)
                return index(row, 0, index(g, 0));
        }
    }
    return {};
}

int TaskListModel::columnCount(const QModelIndex &parent) const
{
    Q_UNUSED(parent)
    return ColumnCount;
}

QVariant TaskListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (isGroup(index)) {
        const ItemGroup<api::Task> &g = group(index);
        switch (role) {
        case Qt::DisplayRole:
            if (index.column() == TitleColumn)
                return tr("%1 (%2)").arg(wording::taskStatus(g.title)).arg(g.items.size());
            return {};
        case Qt::FontRole: {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        case GroupRole:
            return true;
        case StatusRole:
            return g.title;
        case IdRole:
            return qint64(0);
        }
        return {};
    }
    const api::Task &task = item(index);
    const bool overdue = isOverdue(task);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return task.title;
        case CaseColumn:
            return task.caseRef.title;
        case DueColumn:
            if (!task.dueDate.isValid())
                return tr("No due date");
            return overdue ? tr("%1 (overdue)").arg(wording::shortDate(task.dueDate))
                           : wording::shortDate(task.dueDate);
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == DueColumn && overdue)
            return QIcon(QStringLiteral(":/icons/overdue.svg"));
        break;
    case Qt::ToolTipRole:
        return task.description;
    case Qt::AccessibleTextRole:
        if (index.column() == DueColumn && overdue)
            return tr("Overdue since %1").arg(wording::shortDate(task.dueDate));
        break;
    case GroupRole:
        return false;
    case IdRole:
        return task.id;
    case CaseIdRole:
        return task.caseRef.id;
    case StatusRole:
        return task.status;
    case OverdueRole:
        return overdue;
    case SecondaryTextRole:
        return task.description;
    case SortRole:
        return index.column() == DueColumn ? QVariant(task.dueDate) : data(index, Qt::DisplayRole);
    }
    return {};
}

QVariant TaskListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Task");
    case CaseColumn:
        return tr("Case");
    case DueColumn:
        return tr("Due");
    }
    return {};
}

} // namespace portal::ui
