// A strip across the top of the content: an icon, a sentence and optionally one button and a close
// button. The window uses one for being offline and one, the only place errors are shown, for errors.
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;
class QToolButton;

namespace portal::ui {

class Banner : public QFrame
{
    Q_OBJECT

public:
    enum class Tone { Warning, Error, Info };

    Banner(Tone tone, const QString &iconPath, QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const;
    // One button (e.g. "Try again"); empty text hides it.
    void setActionText(const QString &text);
    void setClosable(bool closable);

signals:
    void actionClicked();
    void closed();

private:
    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_action;
    QToolButton *m_close;
};

} // namespace portal::ui
