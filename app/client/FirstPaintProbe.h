// --exit-after-first-paint, for bench/startup-bench: once the main window's first frame has been painted,
// prints how long after the process started that was and the process's peak memory, then quits the app.
// One line on stdout: "first-paint ms=N vmhwm-kb=N epoch-ms=N" (epoch-ms lets a script add the exec time).
#pragma once

#include <QObject>

namespace portal::app {

class FirstPaintProbe : public QObject
{
public:
    explicit FirstPaintProbe(QObject *parent = nullptr); // watches the whole application

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void report();

    bool m_seen = false;
};

} // namespace portal::app
