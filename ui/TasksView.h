// The Tasks section: the tasks grouped by status, overdue ones marked, due dates in the user's locale;
// below, the chosen task's description and a way to its case.
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTreeView;

namespace portal::client {
class ClientCache;
}

namespace portal::ui {

class TaskListModel;

class TasksView : public QWidget
{
    Q_OBJECT

public:
    explicit TasksView(client::ClientCache &cache, QWidget *parent = nullptr);

    void selectTask(qint64 taskId);
    qint64 currentTaskId() const;
    TaskListModel *model() const { return m_model; }
    QTreeView *list() const { return m_list; }

signals:
    void openCase(qint64 caseId);

private:
    void showTask();

    TaskListModel *m_model;
    QTreeView *m_list;
    QLabel *m_detail;
    QPushButton *m_openCase;
};

} // namespace portal::ui
