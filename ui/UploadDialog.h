// Asks which case dropped or chosen files belong to, and for a single file its title and description.
#pragma once

#include <QDialog>

class QComboBox;
class QLineEdit;

namespace portal::client {
class ClientCache;
}

namespace portal::ui {

class UploadDialog : public QDialog
{
    Q_OBJECT

public:
    UploadDialog(client::ClientCache &cache, const QStringList &files, qint64 caseId,
                 QWidget *parent = nullptr);

    qint64 caseId() const;
    // The title for `file`: the one typed for a single file, else the file's name.
    QString titleFor(const QString &file) const;
    QString description() const;

private:
    QStringList m_files;
    QComboBox *m_case;
    QLineEdit *m_title;
    QLineEdit *m_description;
};

} // namespace portal::ui
