// Sign-in: server address, user name, password and "remember me". The dialog only collects them and
// shows what it is told: the app tries to sign in on signInRequested(), calls setBusy() meanwhile, then
// accept() on success or setError() with the reason in plain words.
#pragma once

#include <QDialog>
#include <QUrl>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace portal::ui {

struct SignInRequest
{
    QUrl server;
    QString username;
    QString password;
    bool remember = false;
};

class SignInDialog : public QDialog
{
    Q_OBJECT

public:
    explicit SignInDialog(QWidget *parent = nullptr);

    void setServer(const QUrl &server);
    void setUsername(const QString &username);
    void setRemember(bool remember);
    SignInRequest request() const;

    // Shows why signing in failed (empty hides it) and gives the fields back.
    void setError(const QString &message);
    QString error() const;
    void setBusy(bool busy);

signals:
    void signInRequested(const portal::ui::SignInRequest &request);

private:
    void updateButton();

    QLineEdit *m_server;
    QLineEdit *m_username;
    QLineEdit *m_password;
    QCheckBox *m_remember;
    QLabel *m_errorIcon;
    QLabel *m_error;
    QPushButton *m_signIn;
};

} // namespace portal::ui
