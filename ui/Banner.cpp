#include "Banner.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace portal::ui {

Banner::Banner(Tone tone, const QString &iconPath, QWidget *parent)
    : QFrame(parent)
    , m_icon(new QLabel(this))
    , m_text(new QLabel(this))
    , m_action(new QPushButton(this))
    , m_close(new QToolButton(this))
{
    // Fixed light backgrounds with dark text read the same in light and dark palettes.
    // Fixed light backgrounds with dark text read the same in light and dark palettes.
    struct Colors
    {
        const char *background, *text, *border;
    };
    const Colors colors = tone == Tone::Error ? Colors { "#fbe3e3", "#5c1414", "#e7a6a6" }
        : tone == Tone::Warning               ? Colors { "#fdf0d5", "#4d3300", "#ebc77a" }
                                              : Colors { "#e2edfb", "#102a4c", "#a9c4ea" };
    setProperty("portalBanner", true);
    setStyleSheet(
        QStringLiteral(
            "QFrame[portalBanner=\"true\"] { background:%1; border:1px solid %3; border-radius:4px; }"
            " QLabel { background:transparent; border:none; color:%2; }")
            .arg(QLatin1String(colors.background), QLatin1String(colors.text), QLatin1String(colors.border)));
    m_icon->setPixmap(QIcon(iconPath).pixmap(QSize(20, 20), devicePixelRatioF()));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_action->hide();
    m_close->setIcon(QIcon(QStringLiteral(":/icons/close.svg")));
    m_close->setAutoRaise(true);
    m_close->setAccessibleName(tr("Close"));
    m_close->setToolTip(tr("Close"));
    m_close->hide();
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action);
    layout->addWidget(m_close);
    connect(m_action, &QPushButton::clicked, this, &Banner::actionClicked);
    connect(m_close, &QToolButton::clicked, this, [this] {
        hide();
        emit closed();
    });
    setAccessibleName(tone == Tone::Error ? tr("Error") : tr("Notice"));
}

void Banner::setText(const QString &text)
{
    m_text->setText(text);
    setAccessibleDescription(text);
}

QString Banner::text() const
{
    return m_text->text();
}

void Banner::setActionText(const QString &text)
{
    m_action->setText(text);
    m_action->setAccessibleName(text);
    m_action->setVisible(!text.isEmpty());
}

void Banner::setClosable(bool closable)
{
    m_close->setVisible(closable);
}

} // namespace portal::ui
