// The hits of a search over the cache, grouped by kind (cases, threads, messages, documents, tasks,
// notifications), best first within each group. The query runs again when the cache changes.
#pragma once

#include "CacheTypes.h"
#include "GroupedTreeModel.h"

namespace portal::client {
class ClientCache;
}

namespace portal::ui {

class SearchResultModel : public GroupedTreeModel<client::SearchHit>
{
    Q_OBJECT

public:
    explicit SearchResultModel(client::ClientCache &cache, QObject *parent = nullptr);

    void setQuery(const QString &text);
    QString query() const { return m_query; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    void run();

    client::ClientCache &m_cache;
    QString m_query;
};

} // namespace portal::ui
