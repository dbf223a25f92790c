#include "CaseFilterModel.h"

#include "CaseListModel.h"
#include "ModelRoles.h"

namespace portal::ui {

CaseFilterModel::CaseFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
}

void CaseFilterModel::setStatus(const QString &status)
{
    if (status == m_status)
        return;
    m_status = status;
    invalidateFilter();
}

void CaseFilterModel::setCaseType(const QString &caseType)
{
    if (caseType == m_caseType)
        return;
    m_caseType = caseType;
    invalidateFilter();
}

void CaseFilterModel::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

bool CaseFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_status.isEmpty() && index.data(StatusRole).toString() != m_status)
        return false;
    if (!m_caseType.isEmpty() && index.data(TypeRole).toString() != m_caseType)
        return false;
    if (m_text.isEmpty())
        return true;
    for (int column : { int(CaseListModel::TitleColumn), int(CaseListModel::NumberColumn) }) {
        if (sourceModel()
                ->index(sourceRow, column, sourceParent)
                .data()
                .toString()
                .contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return index.data(SecondaryTextRole).toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace portal::ui
