#include "DocumentsView.h"

#include "AccountActions.h"
#include "ClientCache.h"
#include "DocumentListModel.h"
#include "ModelRoles.h"
#include "SelectionKeeper.h"
#include "SortableTable.h"
#include "TransferPanel.h"
#include "UploadDialog.h"

#include <QDesktopServices>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QVBoxLayout>

namespace portal::ui {

DocumentsView::DocumentsView(client::ClientCache &cache, AccountActions &actions, QWidget *parent)
    : QWidget(parent)
    , m_cache(cache)
    , m_actions(actions)
    , m_model(new DocumentListModel(cache, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_list(new QTreeView(this))
    , m_download(new QPushButton(QIcon(QStringLiteral(":/icons/download.svg")), tr("&Download"), this))
    , m_open(new QPushButton(QIcon(QStringLiteral(":/icons/open.svg")), tr("&Open"), this))
    , m_showInFolder(
          new QPushButton(QIcon(QStringLiteral(":/icons/folder.svg")), tr("Show in &folder"), this))
    , m_upload(new QPushButton(QIcon(QStringLiteral(":/icons/upload.svg")), tr("&Upload…"), this))
    , m_transfers(new TransferPanel(this))
    , m_openUrl([](const QUrl &url) { return QDesktopServices::openUrl(url); })
{
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(SortRole);
    m_list->setObjectName(QStringLiteral("documentList"));
    m_list->setAccessibleName(tr("Documents"));
    setUpSortableTable(m_list, m_proxy, DocumentListModel::TitleColumn, DocumentListModel::ColumnCount,
                       DocumentListModel::UploadedColumn, Qt::DescendingOrder);
    m_list->setAcceptDrops(false); // the view as a whole takes drops
    new SelectionKeeper(m_list);
    setAcceptDrops(true);

    m_download->setObjectName(QStringLiteral("downloadButton"));
    m_open->setObjectName(QStringLiteral("openButton"));
    m_showInFolder->setObjectName(QStringLiteral("showInFolderButton"));
    m_upload->setObjectName(QStringLiteral("uploadButton"));
    for (QPushButton *button : { m_download, m_open, m_showInFolder, m_upload })
        button->setAccessibleName(button->text().remove(QLatin1Char('&')));
    auto *hint = new QLabel(tr("Drop files here to upload them."), this);
    hint->setEnabled(false);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_download);
    buttons->addWidget(m_open);
    buttons->addWidget(m_showInFolder);
    buttons->addStretch(1);
    buttons->addWidget(hint);
    buttons->addWidget(m_upload);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addLayout(buttons);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_transfers);

    connect(m_download, &QPushButton::clicked, this, &DocumentsView::download);
    connect(m_open, &QPushButton::clicked, this, &DocumentsView::open);
    connect(m_showInFolder, &QPushButton::clicked, this, &DocumentsView::showInFolder);
    connect(m_upload, &QPushButton::clicked, this, &DocumentsView::chooseUpload);
    connect(m_list, &QTreeView::activated, this, &DocumentsView::open);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &DocumentsView::updateButtons);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &DocumentsView::updateButtons);

    using Direction = TransferPanel::Direction;
    connect(m_transfers, &TransferPanel::cancelRequested, this, [this](Direction direction, qint64 id) {
        if (direction == Direction::Download) {
            m_actions.cancelDownload(id);
            m_openWhenDownloaded.remove(id);
        } else {
            m_actions.cancelUpload(id);
        }
        m_transfers->finish(direction, id);
        updateButtons();
    });
    connect(&m_actions, &AccountActions::downloadProgress, this,
            [this](qint64 id, qint64 received, qint64 total) {
                m_transfers->start(Direction::Download, id, titleOf(id));
                m_transfers->progress(Direction::Download, id, received, total);
            });
    connect(&m_actions, &AccountActions::downloadFinished, this, [this](qint64 id, const QString &path) {
        m_transfers->finish(Direction::Download, id);
        if (m_openWhenDownloaded.remove(id) && !path.isEmpty())
            m_openUrl(QUrl::fromLocalFile(path));
        updateButtons();
    });
    connect(&m_actions, &AccountActions::downloadFailed, this, [this](qint64 id) {
        m_transfers->finish(Direction::Download, id);
        m_openWhenDownloaded.remove(id);
        updateButtons();
    });
    connect(&m_actions, &AccountActions::uploadProgress, this, [this](qint64 id, qint64 sent, qint64 total) {
        m_transfers->progress(Direction::Upload, id, sent, total);
    });
    connect(&m_actions, &AccountActions::uploadFinished, this,
            [this](qint64 id) { m_transfers->finish(Direction::Upload, id); });
    connect(&m_actions, &AccountActions::uploadFailed, this,
            [this](qint64 id) { m_transfers->finish(Direction::Upload, id); });
    updateButtons();
    setFocusProxy(m_list);
}

qint64 DocumentsView::currentDocumentId() const
{
    return m_list->currentIndex().data(IdRole).toLongLong();
}

QString DocumentsView::titleOf(qint64 documentId) const
{
    const int row = m_model->rowOf(documentId);
    return row >= 0 ? m_model->index(row, 0).data().toString() : tr("document %1").arg(documentId);
}

void DocumentsView::selectDocument(qint64 documentId)
{
    const int row = m_model->rowOf(documentId);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index);
}

void DocumentsView::updateButtons()
{
    const qint64 id = currentDocumentId();
    const bool local = id && !m_actions.localFile(id).isEmpty();
    const bool downloading = id && m_transfers->isRunning(TransferPanel::Direction::Download, id);
    m_download->setEnabled(id && !downloading);
    m_download->setText(local ? tr("&Download again") : tr("&Download"));
    m_open->setEnabled(id != 0);
    m_showInFolder->setEnabled(local);
}

void DocumentsView::download()
{
    const qint64 id = currentDocumentId();
    if (!id)
        return;
    m_transfers->start(TransferPanel::Direction::Download, id, titleOf(id));
    m_actions.download(id);
    updateButtons();
}

void DocumentsView::open()
{
    const qint64 id = currentDocumentId();
    if (!id)
        return;
    const QString local = m_actions.localFile(id);
    if (!local.isEmpty()) {
        m_openUrl(QUrl::fromLocalFile(local));
        return;
    }
    m_openWhenDownloaded.insert(id); // opens once the download is done
    if (!m_transfers->isRunning(TransferPanel::Direction::Download, id))
        download();
}

void DocumentsView::showInFolder()
{
    const QString local = m_actions.localFile(currentDocumentId());
    if (!local.isEmpty())
        m_openUrl(QUrl::fromLocalFile(QFileInfo(local).absolutePath()));
}

void DocumentsView::chooseUpload()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Upload documents"));
    if (!files.isEmpty())
        uploadFiles(files);
}

void DocumentsView::uploadFiles(const QStringList &files)
{
    const qint64 caseId = m_list->currentIndex().data(CaseIdRole).toLongLong();
    UploadDialog dialog(m_cache, files, caseId, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    for (const QString &file : files) {
        const QString title = dialog.titleFor(file);
        const qint64 upload = m_actions.upload(dialog.caseId(), file, title, dialog.description());
        if (upload)
            m_transfers->start(TransferPanel::Direction::Upload, upload, title);
    }
}

void DocumentsView::dragEnterEvent(QDragEnterEvent *event)
{
    if (!event->mimeData()->hasUrls())
        return;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (!url.isLocalFile() || !QFileInfo(url.toLocalFile()).isFile())
            return;
    }
    event->acceptProposedAction();
}

void DocumentsView::dropEvent(QDropEvent *event)
{
    QStringList files;
    for (const QUrl &url : event->mimeData()->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            files << url.toLocalFile();
    }
    if (files.isEmpty())
        return;
    event->acceptProposedAction();
    // Ask after the drop has finished, so the source application is not kept waiting.
    QMetaObject::invokeMethod(
        this, [this, files] { uploadFiles(files); }, Qt::QueuedConnection);
}

} // namespace portal::ui
