// The window's left column: the five sections (cases, messages, documents, tasks, notifications) with
// their icons and unread badges, from the cache's unread totals and the overdue tasks.
#pragma once

#include <QListWidget>

namespace portal::client {
class ClientCache;
}

namespace portal::ui {

class Sidebar : public QListWidget
{
    Q_OBJECT

public:
    enum Section { Cases, Messages, Documents, Tasks, Notifications, SectionCount };
    Q_ENUM(Section)

    explicit Sidebar(client::ClientCache &cache, QWidget *parent = nullptr);

    int badge(Section section) const;
    void refreshBadges();

    QSize sizeHint() const override;

private:
    void setBadge(Section section, int count, const QString &accessibleText);

    client::ClientCache &m_cache;
};

} // namespace portal::ui
