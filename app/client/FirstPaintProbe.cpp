#include "FirstPaintProbe.h"

#include "DesktopWindow.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QTextStream>
#include <QTimer>
#include <QWidget>
#include <ctime>
#include <unistd.h>

namespace portal::app {

namespace {

// Milliseconds since this process started: its start time in /proc/self/stat (clock ticks after boot,
// field 22) against CLOCK_BOOTTIME, the clock it is counted on. Ticks are 10 ms at the usual 100 Hz.
qint64 msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const qsizetype close = line.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = line.mid(close + 2).split(' ');
    constexpr int kStartTimeAfterName = 22 - 3; // field 3 is the first after the name
    if (fields.size() <= kStartTimeAfterName)
        return -1;
    const double startSeconds = fields[kStartTimeAfterName].toDouble() / double(sysconf(_SC_CLK_TCK));
    timespec now {};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return qint64((double(now.tv_sec) + now.tv_nsec / 1e9 - startSeconds) * 1000.0);
}

qint64 peakRssKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    // readAll(): /proc files report size 0, so atEnd() would be true at once.
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

FirstPaintProbe::FirstPaintProbe(QObject *parent)
    : QObject(parent)
{
    QCoreApplication::instance()->installEventFilter(this);
}

bool FirstPaintProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_seen && event->type() == QEvent::Paint && watched->isWidgetType()) {
        const QWidget *window = static_cast<QWidget *>(watched)->window();
        if (qobject_cast<const ui::DesktopWindow *>(window)) {
            m_seen = true;
            // After the paint pass this event belongs to, so the whole frame counts.
            QTimer::singleShot(0, this, &FirstPaintProbe::report);
        }
    }
    return QObject::eventFilter(watched, event);
}

void FirstPaintProbe::report()
{
    QTextStream(stdout) << "first-paint ms=" << msSinceProcessStart() << " vmhwm-kb=" << peakRssKb()
                        << " epoch-ms=" << QDateTime::currentMSecsSinceEpoch() << Qt::endl;
    QCoreApplication::exit(0);
}

} // namespace portal::app
