// Streams a byte range of a file onto a connection with back-pressure. QHttpServer 6.4 has no good way to
// send a large file: QHttpServerResponse::fromFile() reads it whole into memory, and
// responder.write(QIODevice *) copies 512 bytes per event-loop turn with no regard for how fast the client
// reads (a slow reader made RSS grow by ~43 MB/s). FileStreamer reads 256 KB chunks and writes only while
// less than 1 MB is waiting in the socket, continuing on bytesWritten, so memory stays flat whatever the file
// size and the reader's speed.
#pragma once

#include <QByteArray>
#include <QFile>
#include <QObject>
#include <QPointer>
#include <memory>

class QAbstractSocket;
class QTcpSocket;

namespace portal::http {

class FileStreamer : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 kChunkSize = 256 * 1024;
    static constexpr qint64 kHighWaterMark = 1024 * 1024; // bytes waiting in the socket before we pause

    // Takes an open `file` and becomes a child of `socket`, so a closed connection never leaks a streamer.
    // The status line and headers must already have been written on `socket`.
    FileStreamer(std::unique_ptr<QFile> file, qint64 offset, qint64 length, QTcpSocket *socket);
    ~FileStreamer() override;

    // Seeks to the offset and starts writing; finished() follows, possibly before start() returns.
    void start();

    // Bytes handed to `socket` that have not reached the network yet, including, for TLS, data already
    // encrypted (QSslSocket::bytesToWrite() alone does not count those).
    static qint64 unsentBytes(const QAbstractSocket *socket);

signals:
    // Emitted once, then the streamer deletes itself. `complete` is true when every byte of the range was
    // handed to the socket; false when the client went away or the file could not be read (the connection
    // is then aborted: a short body would otherwise pass for a complete one).
    void finished(bool complete);

private:
    void pump();
    void finish(bool complete);

    std::unique_ptr<QFile> m_file;
    // QAbstractSocket, not QTcpSocket: a socket destroyed mid-stream emits disconnected() from
    // ~QAbstractSocket, when it is no longer a QTcpSocket.
    QPointer<QAbstractSocket> m_socket;
    const qint64 m_offset;
    qint64 m_remaining;
    QByteArray m_chunk;
    bool m_pumping = false;
    bool m_finished = false;
};

} // namespace portal::http
