// The running downloads and uploads of the Documents section: one row each with its name, a progress bar
// and a cancel button. Rows come and go as AccountActions reports progress and ends.
#pragma once

#include <QHash>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace portal::ui {

class TransferPanel : public QWidget
{
    Q_OBJECT

public:
    enum class Direction { Download, Upload };

    explicit TransferPanel(QWidget *parent = nullptr);

    void start(Direction direction, qint64 id, const QString &name);
    void progress(Direction direction, qint64 id, qint64 done, qint64 total);
    void finish(Direction direction, qint64 id);
    bool isRunning(Direction direction, qint64 id) const;
    int count() const { return int(m_rows.size()); }

signals:
    void cancelRequested(portal::ui::TransferPanel::Direction direction, qint64 id);

private:
    struct Row
    {
        QWidget *widget;
        QProgressBar *bar;
    };
    static qint64 key(Direction direction, qint64 id) { return direction == Direction::Download ? id : -id; }

    QVBoxLayout *m_layout;
    QHash<qint64, Row> m_rows;
};

} // namespace portal::ui
