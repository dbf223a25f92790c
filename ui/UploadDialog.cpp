#include "UploadDialog.h"

#include "ClientCache.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace portal::ui {

UploadDialog::UploadDialog(client::ClientCache &cache, const QStringList &files, qint64 caseId,
                           QWidget *parent)
    : QDialog(parent)
    , m_files(files)
    , m_case(new QComboBox(this))
    , m_title(new QLineEdit(this))
    , m_description(new QLineEdit(this))
{
    setWindowTitle(files.size() == 1 ? tr("Upload a document")
                                     : tr("Upload %n documents", nullptr, int(files.size())));
    if (auto cases = cache.cases(client::CaseFilter { {}, {}, {}, client::CaseSort::Title })) {
        for (const client::CachedCase &c : *cases)
            m_case->addItem(QStringLiteral("%1 (%2)").arg(c.summary.title, c.summary.caseNumber),
                            c.summary.id);
    }
    m_case->setCurrentIndex(qMax(0, m_case->findData(caseId)));
    m_case->setAccessibleName(tr("Case"));
    m_title->setAccessibleName(tr("Title"));
    m_description->setAccessibleName(tr("Description"));
    QStringList names;
    for (const QString &file : files)
        names << QFileInfo(file).fileName();
    auto *list = new QLabel(names.join(QStringLiteral(", ")), this);
    list->setWordWrap(true);
    auto *form = new QFormLayout(this);
    form->addRow(tr("Files:"), list);
    form->addRow(tr("&Case:"), m_case);
    if (files.size() == 1) {
        m_title->setText(QFileInfo(files.first()).completeBaseName());
        form->addRow(tr("&Title:"), m_title);
    } else {
        m_title->hide();
    }
    form->addRow(tr("&Description:"), m_description);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    QPushButton *upload = buttons->addButton(tr("Upload"), QDialogButtonBox::AcceptRole);
    upload->setDefault(true);
    upload->setEnabled(m_case->count() > 0);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(460, sizeHint().height());
}

qint64 UploadDialog::caseId() const
{
    return m_case->currentData().toLongLong();
}

QString UploadDialog::titleFor(const QString &file) const
{
    if (m_files.size() == 1 && !m_title->text().trimmed().isEmpty())
        return m_title->text().trimmed();
    return QFileInfo(file).completeBaseName();
}

QString UploadDialog::description() const
{
    return m_description->text().trimmed();
}

} // namespace portal::ui
