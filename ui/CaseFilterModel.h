// Sorts and filters the case list for the Cases view: by status and type (the raw codes, empty for any)
// and by a text found in the title, the case number or the description.
#pragma once

#include <QSortFilterProxyModel>

namespace portal::ui {

class CaseFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit CaseFilterModel(QObject *parent = nullptr);

    void setStatus(const QString &status);
    void setCaseType(const QString &caseType);
    void setText(const QString &text);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_status;
    QString m_caseType;
    QString m_text;
};

} // namespace portal::ui
