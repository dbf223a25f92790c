// The message threads, newest first: the subject (bold while unread), the case's title, the time of the
// last message and the unread count as a badge. All threads, or one case's.
#pragma once

#include "CacheTypes.h"
#include "RowListModel.h"

#include <optional>

namespace portal::client {
class ClientCache;
}

namespace portal::ui {

class ThreadListModel : public RowListModel<client::ThreadSummary>
{
    Q_OBJECT

public:
    explicit ThreadListModel(client::ClientCache &cache, QObject *parent = nullptr);

    void setCaseFilter(std::optional<qint64> caseId);
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void reload();

protected:
    qint64 idOf(const client::ThreadSummary &row) const override { return row.thread.id; }

private:
    client::ClientCache &m_cache;
    std::optional<qint64> m_caseId;
};

} // namespace portal::ui
