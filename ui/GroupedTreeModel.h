// The base of the two-level models (tasks by status, search hits by kind): group rows at the top, the
// objects under them, one level deep. A group row's internalId is 0; an object's is its group's row + 1.
#pragma once

#include <QAbstractItemModel>
#include <QList>

namespace portal::ui {

template<typename Item> struct ItemGroup
{
    QString title;
    QList<Item> items;
};

template<typename Item> class GroupedTreeModel : public QAbstractItemModel
{
public:
    using QAbstractItemModel::QAbstractItemModel;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override
    {
        if (row < 0 || column < 0 || column >= columnCount(parent))
            return {};
        if (!parent.isValid())
            return row < m_groups.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
        if (parent.internalId() != 0 || parent.row() >= m_groups.size()
            || row >= m_groups.at(parent.row()).items.size())
            return {};
        return createIndex(row, column, quintptr(parent.row() + 1));
    }

    QModelIndex parent(const QModelIndex &child) const override
    {
        if (!child.isValid() || child.internalId() == 0)
            return {};
        return createIndex(int(child.internalId() - 1), 0, quintptr(0));
    }

    int rowCount(const QModelIndex &parent = {}) const override
    {
        if (!parent.isValid())
            return int(m_groups.size());
        if (parent.internalId() != 0 || parent.column() != 0)
            return 0;
        return int(m_groups.at(parent.row()).items.size());
    }

    bool isGroup(const QModelIndex &index) const { return index.isValid() && index.internalId() == 0; }
    const ItemGroup<Item> &group(const QModelIndex &index) const { return m_groups.at(index.row()); }
    const Item &item(const QModelIndex &index) const
    {
        return m_groups.at(int(index.internalId() - 1)).items.at(index.row());
    }
    // The first object of the first group, or an invalid index.
    QModelIndex firstItem() const { return m_groups.isEmpty() ? QModelIndex() : index(0, 0, index(0, 0)); }
    int itemCount() const
    {
        int count = 0;
        for (const auto &group : m_groups)
            count += int(group.items.size());
        return count;
    }

protected:
    void setGroups(QList<ItemGroup<Item>> groups)
    {
        beginResetModel();
        m_groups = std::move(groups);
        endResetModel();
    }

    QList<ItemGroup<Item>> m_groups;
};

} // namespace portal::ui
