#include "DesktopSettings.h"

#include <QSettings>

namespace portal::ui {

DesktopSettings DesktopSettings::load(const QSettings &settings)
{
    DesktopSettings s;
    s.server = QUrl(settings.value(QLatin1String(serverKey)).toString());
    s.syncIntervalMinutes = qBound(1, settings.value(QLatin1String(syncIntervalKey), 5).toInt(), 1440);
    s.downloadFolder = settings.value(QLatin1String(downloadFolderKey)).toString();
    s.language = settings.value(QLatin1String(languageKey)).toString();
    s.startInTray = settings.value(QLatin1String(startInTrayKey), false).toBool();
    return s;
}

void DesktopSettings::save(QSettings &settings) const
{
    settings.setValue(QLatin1String(serverKey), server.toString());
    settings.setValue(QLatin1String(syncIntervalKey), syncIntervalMinutes);
    settings.setValue(QLatin1String(downloadFolderKey), downloadFolder);
    settings.setValue(QLatin1String(languageKey), language);
    settings.setValue(QLatin1String(startInTrayKey), startInTray);
}

} // namespace portal::ui
