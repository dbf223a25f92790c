// The tasks grouped by status (to do, in progress, other statuses, completed), each with its case and due
// date in the user's locale; an open task past its due date is overdue (marked, and OverdueRole).
#pragma once

#include "GroupedTreeModel.h"
#include "WireTypes.h"

#include <QDate>
#include <optional>

namespace portal::client {
class ClientCache;
}

namespace portal::ui {

class TaskListModel : public GroupedTreeModel<api::Task>
{
    Q_OBJECT

public:
    enum Column { TitleColumn, CaseColumn, DueColumn, ColumnCount };

    explicit TaskListModel(client::ClientCache &cache, QObject *parent = nullptr);

    // What counts as today for "overdue" (the current date by default).
    void setToday(const QDate &today);
    void setCaseFilter(std::optional<qint64> caseId);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    bool isOverdue(const api::Task &task) const;
    QModelIndex indexOfTask(qint64 taskId) const;
    void reload();

private:
    client::ClientCache &m_cache;
    std::optional<qint64> m_caseId;
    QDate m_today;
};

} // namespace portal::ui
