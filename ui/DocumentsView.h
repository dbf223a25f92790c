// The Documents section: the documents (title, type, size, case, date), with download (progress and
// cancel), open, show in folder, and upload by button or by dropping files on the list.
#pragma once

#include <QSet>
#include <QUrl>
#include <QWidget>
#include <functional>

class QPushButton;
class QSortFilterProxyModel;
class QTreeView;

namespace portal::client {
class ClientCache;
}

namespace portal::ui {

class AccountActions;
class DocumentListModel;
class TransferPanel;

class DocumentsView : public QWidget
{
    Q_OBJECT

public:
    DocumentsView(client::ClientCache &cache, AccountActions &actions, QWidget *parent = nullptr);

    void selectDocument(qint64 documentId);
    qint64 currentDocumentId() const;
    QTreeView *list() const { return m_list; }
    TransferPanel *transfers() const { return m_transfers; }

    // Uploads these files, after asking for the case (and a single file's title).
    void uploadFiles(const QStringList &files);
    // How files and folders are opened (QDesktopServices::openUrl unless a test replaces it).
    void setUrlOpener(std::function<bool(const QUrl &)> opener) { m_openUrl = std::move(opener); }

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void updateButtons();
    void download();
    void open();
    void showInFolder();
    void chooseUpload();
    QString titleOf(qint64 documentId) const;

    client::ClientCache &m_cache;
    AccountActions &m_actions;
    DocumentListModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTreeView *m_list;
    QPushButton *m_download;
    QPushButton *m_open;
    QPushButton *m_showInFolder;
    QPushButton *m_upload;
    TransferPanel *m_transfers;
    QSet<qint64> m_openWhenDownloaded;
    std::function<bool(const QUrl &)> m_openUrl;
};

} // namespace portal::ui
