// An account's secrets in the system keyring through QtKeychain's asynchronous jobs, with the insecure
// fallback off: if there is no keyring, nothing is stored at all (KeyringUnavailable, so the app can say
// "sign in each time" rather than write a token to a plain file). One entry per account, service
// "Client Portal", key "<server url>|<user>", holding a small JSON {"refresh": ..., "password": ...}; the
// password only when the user asked to be remembered. Access tokens are never stored (they live minutes).
#pragma once

#include <QObject>
#include <QUrl>
#include <functional>

namespace portal::net {

struct StoredCredentials
{
    QString refreshToken;
    QString password; // empty unless "remember me"
    bool operator==(const StoredCredentials &) const = default;
};

struct CredentialResult
{
    enum class Status {
        Ok,
        NotFound, // nothing stored for this account
        KeyringUnavailable, // no Secret Service / keychain here (or it is locked away): nothing was stored
        AccessDenied, // the user refused, or the keyring is locked
        Failed, // anything else (message says what); also an entry that is not ours
    };
    Status status = Status::Ok;
    StoredCredentials credentials; // read: the entry
    QString message;
    bool ok() const { return status == Status::Ok; }
};

class CredentialStore : public QObject
{
    Q_OBJECT
public:
    explicit CredentialStore(QObject *parent = nullptr);

    static QString serviceName(); // "Client Portal"
    static QString key(const QUrl &serverUrl, const QString &username);

    using Callback = std::function<void(const CredentialResult &result)>;
    // Each calls `done` once, later, in `context` (not if it is gone).
    void read(const QUrl &serverUrl, const QString &username, QObject *context, Callback done);
    void write(const QUrl &serverUrl, const QString &username, const StoredCredentials &credentials,
               QObject *context, Callback done);
    void remove(const QUrl &serverUrl, const QString &username, QObject *context, Callback done);
};

} // namespace portal::net
