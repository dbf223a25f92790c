#include "DocumentListModel.h"

#include "ClientCache.h"
#include "ItemIcons.h"
#include "ModelRoles.h"
#include "Wording.h"

#include <QIcon>

namespace portal::ui {

DocumentListModel::DocumentListModel(client::ClientCache &cache, QObject *parent)
    : RowListModel(parent)
    , m_cache(cache)
{
    connect(&m_cache, &client::ClientCache::changed, this, [this](client::CacheKinds kinds) {
        if (kinds & (client::CacheKind::Documents | client::CacheKind::Cases))
            reload();
        else if (kinds & client::CacheKind::DocumentFiles)
            reloadDownloaded();
    });
    reload();
}

void DocumentListModel::setCaseFilter(std::optional<qint64> caseId)
{
    m_caseId = caseId;
    reload();
}

void DocumentListModel::reload()
{
    auto documents = m_cache.documents(m_caseId);
    QSet<qint64> downloaded;
    if (documents) {
        for (const api::Document &document : *documents) {
            auto file = m_cache.documentFiles().localFile(document.id);
            if (file && file->has_value())
                downloaded.insert(document.id);
        }
    }
    const bool downloadedChanged = downloaded != m_downloaded;
    m_downloaded = downloaded;
    replaceRows(documents ? documents.take() : QList<api::Document>());
    if (downloadedChanged && !m_rows.isEmpty())
        emit dataChanged(index(0, TitleColumn), index(int(m_rows.size()) - 1, TitleColumn));
}

void DocumentListModel::reloadDownloaded()
{
    QSet<qint64> downloaded;
    for (const api::Document &document : std::as_const(m_rows)) {
        auto file = m_cache.documentFiles().localFile(document.id);
        if (file && file->has_value())
            downloaded.insert(document.id);
    }
    if (downloaded == m_downloaded)
        return;
    m_downloaded = downloaded;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, TitleColumn), index(int(m_rows.size()) - 1, TitleColumn));
}

int DocumentListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DocumentListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const api::Document &document = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn:
            return document.title;
        case TypeColumn:
            return document.fileType;
        case SizeColumn:
            return wording::dataSize(document.fileSize);
        case CaseColumn:
            return document.caseRef.title;
        case UploadedColumn:
            return wording::shortDateTime(document.uploadedAt);
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == TitleColumn)
            return itemIcon(m_downloaded.contains(document.id) ? QStringLiteral(":/icons/document-local.svg")
                                                               : QStringLiteral(":/icons/document.svg"));
        break;
    case Qt::ToolTipRole:
        if (index.column() == TitleColumn)
            return m_downloaded.contains(document.id) ? tr("%1 (on this computer)").arg(document.description)
                                                      : document.description;
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == SizeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case SortRole:
        switch (index.column()) {
        case SizeColumn:
            return document.fileSize;
        case UploadedColumn:
            return document.uploadedAt;
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case IdRole:
        return document.id;
    case CaseIdRole:
        return document.caseRef.id;
    case TypeRole:
        return document.fileType;
    case SecondaryTextRole:
        return document.description;
    case TimestampRole:
        return document.uploadedAt;
    case DownloadedRole:
        return m_downloaded.contains(document.id);
    }
    return {};
}

QVariant DocumentListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Title");
    case TypeColumn:
        return tr("Type");
    case SizeColumn:
        return tr("Size");
    case CaseColumn:
        return tr("Case");
    case UploadedColumn:
        return tr("Uploaded");
    }
    return {};
}

} // namespace portal::ui
