// Ctrl+K: a search field over the cache with the hits grouped by kind. Typing searches at once; Enter
// opens the chosen hit (or the first), as do a click and Enter in the list.
#pragma once

#include "CacheTypes.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QTreeView;

namespace portal::client {
class ClientCache;
}

namespace portal::ui {

class SearchResultModel;

class SearchDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SearchDialog(client::ClientCache &cache, QWidget *parent = nullptr);

    QLineEdit *field() const { return m_field; }
    QTreeView *results() const { return m_results; }
    SearchResultModel *model() const { return m_model; }
    // Shows the dialog with the field focused and its text selected.
    void popUp();

signals:
    void hitActivated(const portal::client::SearchHit &hit);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void search(const QString &text);
    void activate(QModelIndex index);

    SearchResultModel *m_model;
    QLineEdit *m_field;
    QTreeView *m_results;
    QLabel *m_status;
};

} // namespace portal::ui
