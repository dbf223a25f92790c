// How the desktop's tables (cases, documents) are set up alike: sortable, roomy rows, one stretching column
// and the others as wide as their contents, the sort the person sees first.
#pragma once

#include "TableRowDelegate.h"

#include <QHeaderView>
#include <QTreeView>

namespace portal::ui {

inline void setUpSortableTable(QTreeView *view, QAbstractItemModel *model, int stretchColumn, int columnCount,
                               int sortColumn, Qt::SortOrder order)
{
    view->setModel(model);
    view->setRootIsDecorated(false);
    view->setUniformRowHeights(true);
    view->setItemDelegate(new TableRowDelegate(view));
    view->setSortingEnabled(true);
    view->setAlternatingRowColors(true);
    view->sortByColumn(sortColumn, order);
    QHeaderView *header = view->header();
    header->setStretchLastSection(false);
    // Sized from the first rows only: measuring thousands of documents at every layout costs more than a
    // column a few pixels too narrow for a rare long value.
    header->setResizeContentsPrecision(200);
    for (int column = 0; column < columnCount; ++column)
        header->setSectionResizeMode(
            column, column == stretchColumn ? QHeaderView::Stretch : QHeaderView::ResizeToContents);
}

} // namespace portal::ui
