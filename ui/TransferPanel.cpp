#include "TransferPanel.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace portal::ui {

TransferPanel::TransferPanel(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    setAccessibleName(tr("Transfers"));
    hide();
}

void TransferPanel::start(Direction direction, qint64 id, const QString &name)
{
    if (m_rows.contains(key(direction, id)))
        return;
    auto *row = new QWidget(this);
    auto *icon = new QLabel(row);
    icon->setPixmap(QIcon(direction == Direction::Download ? QStringLiteral(":/icons/download.svg")
                                                           : QStringLiteral(":/icons/upload.svg"))
                        .pixmap(QSize(16, 16), devicePixelRatioF()));
    const QString text
        = direction == Direction::Download ? tr("Downloading %1").arg(name) : tr("Uploading %1").arg(name);
    auto *label = new QLabel(text, row);
    auto *bar = new QProgressBar(row);
    bar->setRange(0, 0); // busy until the size is known
    bar->setAccessibleName(text);
    bar->setMaximumWidth(260);
    auto *cancel = new QPushButton(tr("Cancel"), row);
    cancel->setAccessibleName(tr("Cancel: %1").arg(text));
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(4, 2, 4, 2);
    layout->addWidget(icon);
    layout->addWidget(label, 1);
    layout->addWidget(bar, 1);
    layout->addWidget(cancel);
    m_layout->addWidget(row);
    m_rows.insert(key(direction, id), Row { row, bar });
    connect(cancel, &QPushButton::clicked, this,
            [this, direction, id] { emit cancelRequested(direction, id); });
    show();
}

void TransferPanel::progress(Direction direction, qint64 id, qint64 done, qint64 total)
{
    auto it = m_rows.find(key(direction, id));
    if (it == m_rows.end())
        return;
    if (total <= 0) {
        it->bar->setRange(0, 0);
        return;
    }
    // Per mille keeps sizes over 2 GB inside an int.
    it->bar->setRange(0, 1000);
    it->bar->setValue(int(qBound(qint64(0), done * 1000 / total, qint64(1000))));
}

void TransferPanel::finish(Direction direction, qint64 id)
{
    const Row row = m_rows.take(key(direction, id));
    if (row.widget)
        row.widget->deleteLater();
    if (m_rows.isEmpty())
        hide();
}

bool TransferPanel::isRunning(Direction direction, qint64 id) const
{
    return m_rows.contains(key(direction, id));
}

} // namespace portal::ui
