#include "CredentialStore.h"

#include "NetLog.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <qt6keychain/keychain.h>

namespace portal::net {

namespace {

const QString kRefresh = QStringLiteral("refresh");
const QString kPassword = QStringLiteral("password");

bool isNoKeyringMessage(const QString &message)
{
    static const QLatin1String markers[] = {
        QLatin1String("org.freedesktop.secrets"), QLatin1String("D-Bus"),      QLatin1String("DBus"),
        QLatin1String("Could not connect"),       QLatin1String("autolaunch"),
    };
    for (const QLatin1String &marker : markers) {
        if (message.contains(marker, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

CredentialResult resultOf(const QKeychain::Job &job)
{
    CredentialResult result;
    result.message = job.errorString();
    switch (job.error()) {
    case QKeychain::NoError:
        result.status = CredentialResult::Status::Ok;
        result.message.clear();
        break;
    case QKeychain::EntryNotFound:
        result.status = CredentialResult::Status::NotFound;
        break;
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        result.status = CredentialResult::Status::AccessDenied;
        break;
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        result.status = CredentialResult::Status::KeyringUnavailable;
        break;
    case QKeychain::OtherError:
    default:
        // Without a Secret Service, QtKeychain 0.13 says OtherError with the D-Bus layer's words: the
        // service's name, "Could not connect: ..." when the bus is not there, "Cannot autolaunch D-Bus"
        // when no bus is set at all.
        if (isNoKeyringMessage(result.message))
            result.status = CredentialResult::Status::KeyringUnavailable;
        else
            result.status = CredentialResult::Status::Failed;
        break;
    }
    return result;
}

template<typename Job> Job *prepared(Job *job, const QString &key)
{
    job->setAutoDelete(true);
    job->setInsecureFallback(false); // never a plain file
    job->setKey(key);
    return job;
}

void deliver(const QPointer<QObject> &context, const CredentialStore::Callback &done,
             const CredentialResult &result)
{
    if (context && done)
        done(result);
}

} // namespace

CredentialStore::CredentialStore(QObject *parent)
    : QObject(parent)
{ }

QString CredentialStore::serviceName()
{
    return QStringLiteral("Client Portal");
}

QString CredentialStore::key(const QUrl &serverUrl, const QString &username)
{
    // One account, one key, however the address was typed: no user info, query or trailing slash.
    QUrl normalized = serverUrl.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    QString path = normalized.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    normalized.setPath(path);
    return normalized.toString() + QLatin1Char('|') + username;
}

void CredentialStore::read(const QUrl &serverUrl, const QString &username, QObject *context, Callback done)
{
    auto *job = prepared(new QKeychain::ReadPasswordJob(serviceName(), this), key(serverUrl, username));
    connect(job, &QKeychain::Job::finished, this,
            [context = QPointer<QObject>(context), done](QKeychain::Job *finished) {
                CredentialResult result = resultOf(*finished);
                if (result.ok()) {
                    const auto *reader = static_cast<QKeychain::ReadPasswordJob *>(finished);
                    const QJsonDocument document = QJsonDocument::fromJson(reader->textData().toUtf8());
                    const QJsonObject entry = document.object();
                    if (!document.isObject() || !entry.value(kRefresh).isString()) {
                        result.status = CredentialResult::Status::Failed;
                        result.message = QStringLiteral("The keyring entry is not one of ours.");
                    } else {
                        result.credentials.refreshToken = entry.value(kRefresh).toString();
                        result.credentials.password = entry.value(kPassword).toString();
                    }
                }
                qCDebug(lcNet) << "keyring read:" << static_cast<int>(result.status);
                deliver(context, done, result);
            });
    job->start();
}

void CredentialStore::write(const QUrl &serverUrl, const QString &username,
                            const StoredCredentials &credentials, QObject *context, Callback done)
{
    auto *job = prepared(new QKeychain::WritePasswordJob(serviceName(), this), key(serverUrl, username));
    QJsonObject entry { { kRefresh, credentials.refreshToken } };
    if (!credentials.password.isEmpty())
        entry.insert(kPassword, credentials.password);
    job->setTextData(QString::fromUtf8(QJsonDocument(entry).toJson(QJsonDocument::Compact)));
    connect(job, &QKeychain::Job::finished, this,
            [context = QPointer<QObject>(context), done](QKeychain::Job *finished) {
                const CredentialResult result = resultOf(*finished);
                qCDebug(lcNet) << "keyring write:" << static_cast<int>(result.status);
                deliver(context, done, result);
            });
    job->start();
}

void CredentialStore::remove(const QUrl &serverUrl, const QString &username, QObject *context, Callback done)
{
    auto *job = prepared(new QKeychain::DeletePasswordJob(serviceName(), this), key(serverUrl, username));
    connect(job, &QKeychain::Job::finished, this,
            [context = QPointer<QObject>(context), done](QKeychain::Job *finished) {
                CredentialResult result = resultOf(*finished);
                if (result.status == CredentialResult::Status::NotFound)
                    result = {}; // already gone is what was wanted
                deliver(context, done, result);
            });
    job->start();
}

} // namespace portal::net
