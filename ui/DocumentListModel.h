// The documents, newest first, as a table: title, type, size in words ("1.2 MB"), case and upload date.
// Whether a document is downloaded (its file is there) shows as the title's icon. All documents, or one
// case's.
#pragma once

#include "RowListModel.h"
#include "WireTypes.h"

#include <QSet>
#include <optional>

namespace portal::client {
class ClientCache;
}

namespace portal::ui {

class DocumentListModel : public RowListModel<api::Document>
{
    Q_OBJECT

public:
    enum Column { TitleColumn, TypeColumn, SizeColumn, CaseColumn, UploadedColumn, ColumnCount };

    explicit DocumentListModel(client::ClientCache &cache, QObject *parent = nullptr);

    void setCaseFilter(std::optional<qint64> caseId);
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void reload();

protected:
    qint64 idOf(const api::Document &row) const override { return row.id; }

private:
    void reloadDownloaded();

    client::ClientCache &m_cache;
    std::optional<qint64> m_caseId;
    QSet<qint64> m_downloaded;
};

} // namespace portal::ui
