#include "NewThreadDialog.h"

#include "ClientCache.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>

namespace portal::ui {

NewThreadDialog::NewThreadDialog(client::ClientCache &cache, qint64 caseId, QWidget *parent)
    : QDialog(parent)
    , m_case(new QComboBox(this))
    , m_subject(new QLineEdit(this))
    , m_text(new QPlainTextEdit(this))
{
    setWindowTitle(tr("New thread"));
    setObjectName(QStringLiteral("newThreadDialog"));
    if (auto cases = cache.cases(client::CaseFilter { {}, {}, {}, client::CaseSort::Title })) {
        for (const client::CachedCase &c : *cases)
            m_case->addItem(QStringLiteral("%1 (%2)").arg(c.summary.title, c.summary.caseNumber),
                            c.summary.id);
    }
    m_case->setCurrentIndex(qMax(0, m_case->findData(caseId)));
    m_case->setAccessibleName(tr("Case"));
    m_subject->setAccessibleName(tr("Subject"));
    m_subject->setMaxLength(200);
    m_text->setAccessibleName(tr("Message"));
    m_text->setTabChangesFocus(true);
    m_text->setPlaceholderText(tr("What would you like to ask or tell the firm?"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_start = buttons->addButton(tr("Start thread"), QDialogButtonBox::AcceptRole);
    m_start->setDefault(true);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Case:"), m_case);
    form->addRow(tr("&Subject:"), m_subject);
    form->addRow(tr("&Message:"), m_text);
    form->addRow(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_subject, &QLineEdit::textChanged, this, &NewThreadDialog::updateButton);
    connect(m_text, &QPlainTextEdit::textChanged, this, &NewThreadDialog::updateButton);
    updateButton();
    resize(520, 360);
}

void NewThreadDialog::updateButton()
{
    m_start->setEnabled(m_case->count() > 0 && !subject().isEmpty() && !text().isEmpty());
}

qint64 NewThreadDialog::caseId() const
{
    return m_case->currentData().toLongLong();
}

QString NewThreadDialog::subject() const
{
    return m_subject->text().trimmed();
}

QString NewThreadDialog::text() const
{
    return m_text->toPlainText().trimmed();
}

void NewThreadDialog::setSubject(const QString &subject)
{
    m_subject->setText(subject);
}

void NewThreadDialog::setText(const QString &text)
{
    m_text->setPlainText(text);
}

} // namespace portal::ui
