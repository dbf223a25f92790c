// The base of the flat models over the cache: rows of one value type, refreshed from a new read. When the
// new read differs from the shown rows by rows added or removed in one place (a new message, a deleted
// document) plus changed values (a read state, a title), only that is announced (rowsInserted/Removed,
// dataChanged), so views keep their selection and scroll position; anything else resets the model (views
// restore the selection by id through SelectionKeeper).
#pragma once

#include <QAbstractTableModel>
#include <QList>

namespace portal::ui {

template<typename Row> class RowListModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }
    const QList<Row> &rows() const { return m_rows; }

    // The row of the object with this id, or -1.
    int rowOf(qint64 id) const
    {
        for (int row = 0; row < m_rows.size(); ++row) {
            if (idOf(m_rows.at(row)) == id)
                return row;
        }
        return -1;
    }

protected:
    virtual qint64 idOf(const Row &row) const = 0;

    void replaceRows(QList<Row> next)
    {
        const qsizetype oldSize = m_rows.size();
        const qsizetype newSize = next.size();
        qsizetype prefix = 0;
        while (prefix < oldSize && prefix < newSize && idOf(m_rows.at(prefix)) == idOf(next.at(prefix)))
            ++prefix;
        qsizetype suffix = 0;
        while (suffix < oldSize - prefix && suffix < newSize - prefix
               && idOf(m_rows.at(oldSize - 1 - suffix)) == idOf(next.at(newSize - 1 - suffix)))
            ++suffix;
        if (prefix + suffix == oldSize && newSize > oldSize) { // rows were added in one place
            const qsizetype added = newSize - oldSize;
            beginInsertRows({}, int(prefix), int(prefix + added - 1));
            for (qsizetype i = 0; i < added; ++i)
                m_rows.insert(prefix + i, next.at(prefix + i));
            endInsertRows();
        } else if (prefix + suffix == newSize && oldSize > newSize) { // rows went away from one place
            beginRemoveRows({}, int(prefix), int(prefix + (oldSize - newSize) - 1));
            m_rows.remove(prefix, oldSize - newSize);
            endRemoveRows();
        } else if (prefix != oldSize || oldSize != newSize) {
            beginResetModel();
            m_rows = std::move(next);
            endResetModel();
            return;
        }
        // The same objects in the same places now: announce the rows whose values changed.
        const int lastColumn = qMax(0, columnCount() - 1);
        for (qsizetype i = 0; i < newSize; ++i) {
            if (next.at(i) == m_rows.at(i))
                continue;
            m_rows[i] = std::move(next[i]);
            emit dataChanged(index(int(i), 0), index(int(i), lastColumn));
        }
    }

    QList<Row> m_rows;
};

} // namespace portal::ui
