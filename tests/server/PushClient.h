// A client of the push channel (/api/portal/push/) for tests: a QWebSocket that records every message it
// hears, and how its connection ended.
#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QWebSocket>
#include <algorithm>

namespace portal::testing {

class PushClient : public QObject
{
public:
    explicit PushClient(quint16 port, const QByteArray &token = {})
    {
        connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        connect(&socket, &QWebSocket::disconnected, this, [this] {
            closed = true;
            closeCode = socket.closeCode();
        });
        QNetworkRequest request(QUrl(QStringLiteral("ws://127.0.0.1:%1/api/portal/push/").arg(port)));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        socket.open(request);
    }

    int count(const QString &type) const
    {
        return int(std::count_if(messages.begin(), messages.end(),
                                 [&](const QJsonObject &m) { return m.value("type").toString() == type; }));
    }
    QList<QJsonObject> notifications() const
    {
        QList<QJsonObject> list;
        for (const QJsonObject &message : messages)
            if (message.value("type").toString() == QLatin1String("notification"))
                list.append(message.value("notification").toObject());
        return list;
    }
    void sendAuth(const QByteArray &token)
    {
        socket.sendTextMessage(QString::fromUtf8(
            QJsonDocument(QJsonObject { { "type", "auth" }, { "token", QString::fromUtf8(token) } })
                .toJson(QJsonDocument::Compact)));
    }

    QWebSocket socket;
    QList<QJsonObject> messages;
    bool closed = false;
    int closeCode = 0;
};

} // namespace portal::testing
