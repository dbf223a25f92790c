// Where the command line keeps its state: the data folder (the user's AppDataLocation, or --data-dir) with
// the accounts' caches, and the settings (an ini file in --data-dir, else the user's QSettings) holding
// only each account's server URL and user name. Secrets never go here (the keyring, with --remember).
#pragma once

#include <QCommandLineParser>
#include <QList>
#include <QSettings>
#include <QUrl>
#include <memory>

namespace portal::cli {

struct AccountRef
{
    QUrl server;
    QString user;
};

class AccountSettings
{
public:
    explicit AccountSettings(const QString &dataDirOption);

    QString dataDir() const { return m_dataDir; }
    QList<AccountRef> accounts() const;
    void remember(const AccountRef &account); // adds it once

private:
    QString m_dataDir;
    std::unique_ptr<QSettings> m_settings;
};

QCommandLineOption dataDirOption();
QCommandLineOption serverOption();
QCommandLineOption userOption();

// A server URL as typed ("portal.example.com" becomes https://portal.example.com); invalid: empty.
QUrl serverUrlFromText(const QString &text);

} // namespace portal::cli
