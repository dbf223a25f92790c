#include "AccountSettings.h"

#include "AccountPaths.h"

#include <QDir>

namespace portal::cli {

AccountSettings::AccountSettings(const QString &dataDirOption)
{
    if (dataDirOption.isEmpty()) {
        m_dataDir = client::AccountPaths::defaultBaseDir();
        m_settings = std::make_unique<QSettings>();
    } else {
        m_dataDir = QDir(dataDirOption).absolutePath();
        QDir().mkpath(m_dataDir);
        m_settings
            = std::make_unique<QSettings>(m_dataDir + QStringLiteral("/portal.ini"), QSettings::IniFormat);
    }
}

QList<AccountRef> AccountSettings::accounts() const
{
    QList<AccountRef> accounts;
    const int count = m_settings->beginReadArray(QStringLiteral("accounts"));
    for (int i = 0; i < count; ++i) {
        m_settings->setArrayIndex(i);
        AccountRef account { QUrl(m_settings->value(QStringLiteral("server")).toString()),
                             m_settings->value(QStringLiteral("user")).toString() };
        if (account.server.isValid() && !account.user.isEmpty())
            accounts.append(account);
    }
    m_settings->endArray();
    return accounts;
}

void AccountSettings::remember(const AccountRef &account)
{
    QList<AccountRef> all = accounts();
    for (const AccountRef &known : all) {
        if (known.server == account.server && known.user == account.user)
            return;
    }
    all.append(account);
    m_settings->beginWriteArray(QStringLiteral("accounts"), int(all.size()));
    for (int i = 0; i < all.size(); ++i) {
        m_settings->setArrayIndex(i);
        m_settings->setValue(QStringLiteral("server"), all[i].server.toString());
        m_settings->setValue(QStringLiteral("user"), all[i].user);
    }
    m_settings->endArray();
    m_settings->sync();
}

QCommandLineOption dataDirOption()
{
    return { QStringLiteral("data-dir"),
             QStringLiteral("Keep the caches and settings in DIR instead of the user's folders."),
             QStringLiteral("DIR") };
}

QCommandLineOption serverOption()
{
    return { QStringLiteral("server"),
             QStringLiteral("The portal's address, e.g. https://portal.example.com."),
             QStringLiteral("URL") };
}

QCommandLineOption userOption()
{
    return { QStringLiteral("user"), QStringLiteral("The user name."), QStringLiteral("NAME") };
}

QUrl serverUrlFromText(const QString &text)
{
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return {};
    if (!trimmed.contains(QStringLiteral("://")))
        trimmed.prepend(QStringLiteral("https://"));
    QUrl url(trimmed, QUrl::StrictMode);
    if (!url.isValid() || url.host().isEmpty()
        || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        return {};
    return url;
}

} // namespace portal::cli
