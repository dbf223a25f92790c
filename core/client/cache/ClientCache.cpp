#include "ClientCache.h"

#include "CacheDatabase.h"
#include "CacheSchema.h"

#include <exception>

namespace portal::client {

ClientCache::ClientCache(std::unique_ptr<CacheDatabase> database)
    : m_database(std::move(database))
    , m_outbox(*m_database, [this] { emit changed(CacheKind::Outbox); })
    , m_documentFiles(*m_database, [this] { emit changed(CacheKind::DocumentFiles); })
{ }

ClientCache::~ClientCache() = default;

CacheResult<std::unique_ptr<ClientCache>> ClientCache::open(const QString &filePath)
{
    auto database = CacheDatabase::open(filePath);
    if (!database)
        return database.error();
    if (auto upgraded = upgradeSchema(**database); !upgraded)
        return upgraded.error();
    std::unique_ptr<ClientCache> cache(new ClientCache(database.take()));
    if (auto recovered = cache->m_outbox.recoverInterrupted(); !recovered)
        return recovered.error();
    qCDebug(lcCache).noquote() << "opened" << filePath;
    return cache;
}

QString ClientCache::filePath() const
{
    return m_database->filePath();
}

CacheResult<Done> ClientCache::apply(const std::function<void(CacheWriter &)> &write)
{
    if (m_database->inTransaction()) {
        return CacheError::make(CacheError::Kind::Failure,
                                QStringLiteral("apply() called from inside another apply()"));
    }
    if (auto begun = m_database->begin(); !begun)
        return begun;
    CacheWriter writer(*m_database);
    std::optional<CacheError> failure;
    try {
        write(writer);
        if (writer.error())
            failure = writer.error();
    } catch (const std::exception &exception) {
        failure = CacheError::make(
            CacheError::Kind::Aborted,
            QStringLiteral("the writer threw: %1").arg(QString::fromUtf8(exception.what())));
    } catch (...) {
        failure = CacheError::make(CacheError::Kind::Aborted, QStringLiteral("the writer threw"));
    }
    if (failure) {
        m_database->rollback();
        qCDebug(lcCache).noquote() << "rolled back:" << failure->message;
        return *failure;
    }
    if (auto committed = m_database->commit(); !committed)
        return committed;
    if (writer.changes())
        emit changed(writer.changes());
    return Done {};
}

} // namespace portal::client
