#include "SignInDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace portal::ui {

SignInDialog::SignInDialog(QWidget *parent)
    : QDialog(parent)
    , m_server(new QLineEdit(this))
    , m_username(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_remember(new QCheckBox(tr("&Remember me on this computer"), this))
    , m_errorIcon(new QLabel(this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to Client Portal"));
    auto *logo = new QLabel(this);
    logo->setPixmap(QIcon(QStringLiteral(":/icons/app.svg")).pixmap(QSize(40, 40), devicePixelRatioF()));
    auto *title = new QLabel(tr("Sign in to your client portal"), this);
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    title->setFont(titleFont);
    auto *head = new QHBoxLayout;
    head->addWidget(logo);
    head->addWidget(title, 1);

    m_server->setObjectName(QStringLiteral("serverField"));
    m_server->setAccessibleName(tr("Server address"));
    m_server->setPlaceholderText(QStringLiteral("https://portal.example.com"));
    m_username->setObjectName(QStringLiteral("usernameField"));
    m_username->setAccessibleName(tr("User name"));
    m_password->setObjectName(QStringLiteral("passwordField"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_remember->setAccessibleName(tr("Remember me on this computer"));
    m_errorIcon->setPixmap(
        QIcon(QStringLiteral(":/icons/error.svg")).pixmap(QSize(18, 18), devicePixelRatioF()));
    m_error->setObjectName(QStringLiteral("signInError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color:#c03030;"));
    m_error->setAccessibleName(tr("Sign-in problem"));
    auto *errorRow = new QHBoxLayout;
    errorRow->addWidget(m_errorIcon, 0, Qt::AlignTop);
    errorRow->addWidget(m_error, 1);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_signIn = buttons->addButton(tr("&Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    auto *form = new QFormLayout;
    form->addRow(tr("S&erver:"), m_server);
    form->addRow(tr("&User name:"), m_username);
    form->addRow(tr("&Password:"), m_password);
    form->addRow(QString(), m_remember);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addSpacing(8);
    layout->addLayout(form);
    layout->addLayout(errorRow);
    layout->addWidget(buttons);
    // Accepting only asks; the app closes the dialog once signed in.
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_signIn->isEnabled())
            emit signInRequested(request());
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *field : { m_server, m_username, m_password })
        connect(field, &QLineEdit::textChanged, this, &SignInDialog::updateButton);
    setError({});
    updateButton();
    resize(440, sizeHint().height());
}

void SignInDialog::setServer(const QUrl &server)
{
    m_server->setText(server.toString());
}

void SignInDialog::setUsername(const QString &username)
{
    m_username->setText(username);
    if (!username.isEmpty())
        m_password->setFocus();
}

void SignInDialog::setRemember(bool remember)
{
    m_remember->setChecked(remember);
}

SignInRequest SignInDialog::request() const
{
    return SignInRequest { QUrl::fromUserInput(m_server->text().trimmed()), m_username->text().trimmed(),
                           m_password->text(), m_remember->isChecked() };
}

void SignInDialog::setError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    m_errorIcon->setVisible(!message.isEmpty());
    if (!message.isEmpty()) {
        setBusy(false);
        m_password->selectAll();
        m_password->setFocus();
    }
}

QString SignInDialog::error() const
{
    return m_error->text();
}

void SignInDialog::setBusy(bool busy)
{
    for (QWidget *field : std::initializer_list<QWidget *> { m_server, m_username, m_password, m_remember })
        field->setEnabled(!busy);
    m_signIn->setText(busy ? tr("Signing in…") : tr("&Sign in"));
    if (busy)
        m_signIn->setEnabled(false);
    else
        updateButton();
}

void SignInDialog::updateButton()
{
    m_signIn->setEnabled(!m_server->text().trimmed().isEmpty() && !m_username->text().trimmed().isEmpty()
                         && !m_password->text().isEmpty());
}

} // namespace portal::ui
