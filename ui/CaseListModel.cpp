#include "CaseListModel.h"

#include "ClientCache.h"
#include "ModelRoles.h"
#include "Wording.h"

namespace portal::ui {

CaseListModel::CaseListModel(client::ClientCache &cache, QObject *parent)
    : RowListModel(parent)
    , m_cache(cache)
{
    connect(&m_cache, &client::ClientCache::changed, this, [this](client::CacheKinds kinds) {
        if (kinds & client::CacheKind::Cases)
            reload();
    });
    reload();
}

void CaseListModel::reload()
{
    auto cases = m_cache.cases();
    replaceRows(cases ? cases.take() : QList<client::CachedCase>());
}

int CaseListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CaseListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::Case &c = m_rows.at(index.row()).summary;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return c.title;
        case NumberColumn:
            return c.caseNumber;
        case TypeColumn:
            return wording::caseType(c.caseType);
        case StatusColumn:
            return wording::caseStatus(c.status);
        case OpenedColumn:
            return wording::shortDate(c.openDate);
        }
        break;
    case Qt::ToolTipRole:
        return c.description;
    case SortRole:
        if (index.column() == OpenedColumn)
            return c.openDate;
        return data(index, Qt::DisplayRole).toString().toLower();
    case IdRole:
    case CaseIdRole:
        return c.id;
    case StatusRole:
        return c.status;
    case TypeRole:
        return c.caseType;
    case SecondaryTextRole:
        return c.description;
    }
    return {};
}

QVariant CaseListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case NumberColumn:
        return tr("Case number");
    case TypeColumn:
        return tr("Type");
    case StatusColumn:
        return tr("Status");
    case OpenedColumn:
        return tr("Opened");
    }
    return {};
}

} // namespace portal::ui
