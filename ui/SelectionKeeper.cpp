#include "SelectionKeeper.h"

#include "ModelRoles.h"

#include <QAbstractItemView>

namespace portal::ui {

SelectionKeeper::SelectionKeeper(QAbstractItemView *view)
    : QObject(view)
    , m_view(view)
{
    QAbstractItemModel *model = view->model();
    connect(model, &QAbstractItemModel::modelAboutToBeReset, this, &SelectionKeeper::remember);
    connect(model, &QAbstractItemModel::modelReset, this, &SelectionKeeper::restore);
    connect(model, &QAbstractItemModel::layoutAboutToBeChanged, this, &SelectionKeeper::remember);
    connect(model, &QAbstractItemModel::layoutChanged, this, &SelectionKeeper::restore);
}

void SelectionKeeper::remember()
{
    m_currentId = m_view ? m_view->currentIndex().data(IdRole).toLongLong() : 0;
}

void SelectionKeeper::restore()
{
    if (!m_view || m_currentId == 0)
        return;
    QAbstractItemModel *model = m_view->model();
    const QModelIndexList found
        = model->match(model->index(0, 0), IdRole, m_currentId, 1, Qt::MatchExactly | Qt::MatchRecursive);
    if (!found.isEmpty() && found.first() != m_view->currentIndex())
        m_view->setCurrentIndex(found.first());
}

} // namespace portal::ui
