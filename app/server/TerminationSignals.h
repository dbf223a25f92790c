// Turns SIGTERM and SIGINT into a Qt signal on the main thread (the self-pipe trick: the handler only
// writes a byte; a QSocketNotifier reads it in the event loop), so the server can shut down gracefully.
#pragma once

#include <QObject>

class QSocketNotifier;

namespace portal::cli {

class TerminationSignals : public QObject
{
    Q_OBJECT
public:
    explicit TerminationSignals(QObject *parent = nullptr);
    ~TerminationSignals() override;

signals:
    void received(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace portal::cli
