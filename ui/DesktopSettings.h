// The desktop client's settings as QSettings keeps them: the server, how often to sync, where downloads go,
// the language and whether to start in the tray. Only non-secret values: credentials live in the keyring.
#pragma once

#include <QString>
#include <QUrl>

class QSettings;

namespace portal::ui {

struct DesktopSettings
{
    QUrl server;
    int syncIntervalMinutes = 5;
    QString downloadFolder; // empty: the system's download folder
    QString language; // "" follows the system; else a locale name such as "de"
    bool startInTray = false;

    static DesktopSettings load(const QSettings &settings);
    void save(QSettings &settings) const;
    bool operator==(const DesktopSettings &) const = default;

    // The keys, for the app that reads single values.
    static constexpr const char *serverKey = "account/server";
    static constexpr const char *syncIntervalKey = "sync/intervalMinutes";
    static constexpr const char *downloadFolderKey = "documents/downloadFolder";
    static constexpr const char *languageKey = "ui/language";
    static constexpr const char *startInTrayKey = "ui/startInTray";
};

} // namespace portal::ui
