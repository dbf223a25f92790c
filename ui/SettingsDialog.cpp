#include "SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>

namespace portal::ui {

SettingsDialog::SettingsDialog(const DesktopSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_server(new QLineEdit(settings.server.toString(), this))
    , m_interval(new QSpinBox(this))
    , m_folder(new QLineEdit(settings.downloadFolder, this))
    , m_language(new QComboBox(this))
    , m_tray(new QCheckBox(tr("Start in the system tray"), this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    m_server->setAccessibleName(tr("Server address"));
    m_server->setPlaceholderText(QStringLiteral("https://portal.example.com"));
    m_interval->setAccessibleName(tr("Sync interval in minutes"));
    m_interval->setRange(1, 1440);
    m_interval->setSuffix(tr(" min"));
    m_interval->setValue(settings.syncIntervalMinutes);
    m_folder->setAccessibleName(tr("Download folder"));
    m_folder->setPlaceholderText(QStandardPaths::writableLocation(QStandardPaths::DownloadLocation));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setAccessibleName(tr("Choose the download folder"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("As the system"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(settings.language)));
    m_tray->setChecked(settings.startInTray);
    m_tray->setAccessibleName(m_tray->text());

    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    auto *languageNote = new QLabel(tr("A new language applies when the program starts again."), this);
    languageNote->setEnabled(false);
    languageNote->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Server:"), m_server);
    form->addRow(tr("S&ync every:"), m_interval);
    auto *folderLabel = new QLabel(tr("&Downloads:"), this);
    folderLabel->setBuddy(m_folder); // a row of widgets gets no buddy by itself
    form->addRow(folderLabel, folderRow);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), languageNote);
    form->addRow(QString(), m_tray);
    form->addRow(buttons);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString folder
            = QFileDialog::getExistingDirectory(this, tr("Download folder"), m_folder->text());
        if (!folder.isEmpty())
            m_folder->setText(folder);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(520, sizeHint().height());
}

DesktopSettings SettingsDialog::settings() const
{
    DesktopSettings s;
    s.server = QUrl::fromUserInput(m_server->text().trimmed());
    s.syncIntervalMinutes = m_interval->value();
    s.downloadFolder = m_folder->text().trimmed();
    s.language = m_language->currentData().toString();
    s.startInTray = m_tray->isChecked();
    return s;
}

bool SettingsDialog::edit(QSettings &store, QWidget *parent)
{
    SettingsDialog dialog(DesktopSettings::load(store), parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    dialog.settings().save(store);
    return true;
}

} // namespace portal::ui
