// The Cases section: the sortable, filterable list of cases and, beside it, the chosen case's details:
// number, type, status, description, the assigned attorney as a mailto link, and its documents, tasks and
// threads, each opening its own section.
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QListWidgetItem;
class QPushButton;
class QTreeView;

namespace portal::client {
class ClientCache;
}

namespace portal::ui {

class CaseFilterModel;
class CaseListModel;

class CasesView : public QWidget
{
    Q_OBJECT

public:
    explicit CasesView(client::ClientCache &cache, QWidget *parent = nullptr);

    void selectCase(qint64 caseId);
    qint64 currentCaseId() const { return m_caseId; }
    QTreeView *list() const { return m_list; }

signals:
    void openThread(qint64 threadId);
    void openDocument(qint64 documentId);
    void openTask(qint64 taskId);
    void newThreadRequested(qint64 caseId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showCase(qint64 caseId);
    void refreshFilters();
    void fillList(QListWidget *list, const QList<QPair<qint64, QString>> &items, const QString &empty);

    client::ClientCache &m_cache;
    CaseListModel *m_model;
    CaseFilterModel *m_proxy;
    QLineEdit *m_filterText;
    QComboBox *m_statusFilter;
    QComboBox *m_typeFilter;
    QTreeView *m_list;
    QWidget *m_detail = nullptr;
    QLabel *m_placeholder = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_facts = nullptr;
    QLabel *m_description = nullptr;
    QLabel *m_attorney = nullptr;
    QListWidget *m_documents = nullptr;
    QListWidget *m_tasks = nullptr;
    QListWidget *m_threads = nullptr;
    QPushButton *m_newThread = nullptr;
    qint64 m_caseId = 0;
};

} // namespace portal::ui
