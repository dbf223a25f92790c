// Starts a conversation with the firm: the case it is about, a subject and the first message. The dialog
// only collects them; the window hands them to AccountActions::startThread().
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace portal::client {
class ClientCache;
}

namespace portal::ui {

class NewThreadDialog : public QDialog
{
    Q_OBJECT

public:
    NewThreadDialog(client::ClientCache &cache, qint64 caseId, QWidget *parent = nullptr);

    qint64 caseId() const;
    QString subject() const;
    QString text() const;

    void setSubject(const QString &subject);
    void setText(const QString &text);

private:
    void updateButton();

    QComboBox *m_case;
    QLineEdit *m_subject;
    QPlainTextEdit *m_text;
    QPushButton *m_start;
};

} // namespace portal::ui
