// The cases of the account as a table (title, number, type, status, opened), read from the cache and
// refreshed when cases change. CaseFilterModel sorts and filters it for the Cases view.
#pragma once

#include "CacheTypes.h"
#include "RowListModel.h"

namespace portal::client {
class ClientCache;
}

namespace portal::ui {

class CaseListModel : public RowListModel<client::CachedCase>
{
    Q_OBJECT

public:
    enum Column { TitleColumn, NumberColumn, TypeColumn, StatusColumn, OpenedColumn, ColumnCount };

    explicit CaseListModel(client::ClientCache &cache, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void reload();

protected:
    qint64 idOf(const client::CachedCase &row) const override { return row.summary.id; }

private:
    client::ClientCache &m_cache;
};

} // namespace portal::ui
