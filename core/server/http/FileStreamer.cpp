#include "FileStreamer.h"

#include <QLoggingCategory>
#include <QScopedValueRollback>
#include <QTcpSocket>
#if QT_CONFIG(ssl)
#include <QSslSocket>
#endif

namespace portal::http {

namespace {
Q_LOGGING_CATEGORY(lcHttp, "portal.http", QtWarningMsg)
}

FileStreamer::FileStreamer(std::unique_ptr<QFile> file, qint64 offset, qint64 length, QTcpSocket *socket)
    : QObject(socket)
    , m_file(std::move(file))
    , m_socket(socket)
    , m_offset(offset)
    , m_remaining(qMax<qint64>(length, 0))
{
    connect(socket, &QIODevice::bytesWritten, this, &FileStreamer::pump);
#if QT_CONFIG(ssl)
    // QSslSocket emits bytesWritten when it has encrypted data, not when the network took it; the
    // encrypted bytes leaving are what frees room for the next chunk.
    if (auto *sslSocket = qobject_cast<QSslSocket *>(socket))
        connect(sslSocket, &QSslSocket::encryptedBytesWritten, this, &FileStreamer::pump);
#endif
    connect(socket, &QAbstractSocket::disconnected, this, [this] { finish(false); });
    connect(socket, &QAbstractSocket::errorOccurred, this, [this] { finish(false); });
}

FileStreamer::~FileStreamer() = default;

void FileStreamer::start()
{
    if (!m_file || !m_file->isOpen() || !m_file->seek(m_offset)) {
        qCWarning(lcHttp) << "cannot stream" << (m_file ? m_file->fileName() : QString()) << "from offset"
                          << m_offset;
        if (m_socket)
            m_socket->abort();
        finish(false);
        return;
    }
    pump();
}

qint64 FileStreamer::unsentBytes(const QAbstractSocket *socket)
{
    qint64 unsent = socket->bytesToWrite();
#if QT_CONFIG(ssl)
    if (auto *sslSocket = qobject_cast<const QSslSocket *>(socket))
        unsent += sslSocket->encryptedBytesToWrite();
#endif
    return unsent;
}

void FileStreamer::pump()
{
    if (m_finished || m_pumping)
        return;
    const QScopedValueRollback pumping(m_pumping, true);
    if (!m_socket || m_socket->state() != QAbstractSocket::ConnectedState) {
        finish(false);
        return;
    }
    while (m_remaining > 0 && unsentBytes(m_socket) < kHighWaterMark) {
        const qint64 wanted = qMin(kChunkSize, m_remaining);
        m_chunk.resize(wanted);
        const qint64 read = m_file->read(m_chunk.data(), wanted);
        if (read <= 0) {
            // The headers promised more bytes than we can deliver: only closing the connection tells the
            // client that the body is incomplete.
            qCWarning(lcHttp) << "reading" << m_file->fileName() << "failed with" << m_remaining
                              << "bytes left:" << m_file->errorString();
            m_socket->abort();
            finish(false);
            return;
        }
        if (m_socket->write(m_chunk.constData(), read) != read) {
            finish(false);
            return;
        }
        m_remaining -= read;
    }
    if (m_remaining == 0)
        finish(true);
}

void FileStreamer::finish(bool complete)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_socket)
        disconnect(m_socket, nullptr, this, nullptr);
    m_file.reset();
    m_chunk = QByteArray();
    // Scheduled before finished() is emitted, so a receiver that tears the connection down cannot leave
    // us running on a deleted object.
    deleteLater();
    emit finished(complete);
}

} // namespace portal::http
