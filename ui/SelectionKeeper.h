// Keeps a view's current item across its model's resets: remembers the current object's id (IdRole)
// before the reset and makes the row with that id current again after it, so a sync that reorders a list
// does not lose the person's place.
#pragma once

#include <QObject>
#include <QPointer>

class QAbstractItemView;

namespace portal::ui {

class SelectionKeeper : public QObject
{
    Q_OBJECT

public:
    // Follows the view's model as it is now; call again after setModel().
    explicit SelectionKeeper(QAbstractItemView *view);

private:
    void remember();
    void restore();

    QPointer<QAbstractItemView> m_view;
    qint64 m_currentId = 0;
};

} // namespace portal::ui
