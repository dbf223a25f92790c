// Edits DesktopSettings: server, sync interval, download folder, language, start in tray. Saving writes
// QSettings; the app applies what changed (a new language after a restart, said in the dialog).
#pragma once

#include "DesktopSettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSpinBox;

namespace portal::ui {

class SettingsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SettingsDialog(const DesktopSettings &settings, QWidget *parent = nullptr);

    DesktopSettings settings() const;
    // Writes settings() into `store` when the dialog is accepted.
    static bool edit(QSettings &store, QWidget *parent);

private:
    QLineEdit *m_server;
    QSpinBox *m_interval;
    QLineEdit *m_folder;
    QComboBox *m_language;
    QCheckBox *m_tray;
};

} // namespace portal::ui
