// GET /api/portal/sync/?since=CURSOR&limit=N (an extension, docs/api.md "Delta sync"): the caller's objects
// that changed after the cursor, a page at a time. The cursor is the position in the store's change log
// ("s" and the seq); clients must treat it as opaque.
#include "Endpoints.h"
#include "Gate.h"
#include "Respond.h"

#include <QRegularExpression>

namespace portal::server {

using http::ApiError;
using http::Request;
using http::Response;

namespace {

constexpr int kDefaultLimit = 1000;
constexpr int kMaxLimit = 5000;

QString cursorOf(qint64 position)
{
    return QStringLiteral("s%1").arg(position);
}

// "s" and up to 18 digits (within qint64); absent or empty: from the start.
std::optional<qint64> positionOf(const QString &cursor)
{
    if (cursor.isEmpty())
        return 0;
    static const QRegularExpression form(QStringLiteral("\\As(0|[1-9][0-9]{0,17})\\z"));
    const auto match = form.match(cursor);
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toLongLong();
}

struct SyncParameters
{
    qint64 after = 0;
    int limit = kDefaultLimit;
};

std::optional<SyncParameters> readParameters(const Request &request, api::FieldErrors *errors)
{
    SyncParameters parameters;
    const QString since = request.query.queryItemValue(QStringLiteral("since"), QUrl::FullyDecoded);
    if (const auto after = positionOf(since))
        parameters.after = *after;
    else
        (*errors)[QStringLiteral("since")] << QStringLiteral("Not a cursor of this server.");
    if (request.query.hasQueryItem(QStringLiteral("limit"))) {
        bool ok = false;
        const QString text = request.query.queryItemValue(QStringLiteral("limit"));
        const qint64 limit = text.toLongLong(&ok);
        if (!ok || text.trimmed() != text)
            (*errors)[QStringLiteral("limit")] << QStringLiteral("A valid integer is required.");
        else if (limit < 1 || limit > kMaxLimit)
            (*errors)[QStringLiteral("limit")]
                << QStringLiteral("Ensure this value is between 1 and %1.").arg(kMaxLimit);
        else
            parameters.limit = int(limit);
    }
    if (!errors->isEmpty())
        return std::nullopt;
    return parameters;
}

} // namespace

void registerSyncEndpoints(http::Router &router, Services &services)
{
    router.add("GET", QStringLiteral("/api/portal/sync/"),
               extension(services.features.syncEndpoint,
                         gated(
                             services, Audience::Clients,
                             [&services](Request &request, const Caller &caller) {
                                 api::FieldErrors errors;
                                 const auto parameters = readParameters(request, &errors);
                                 if (!parameters)
                                     return Response::error(ApiError::invalid(errors));
                                 auto batch = services.store.sync().changes(caller.scope, parameters->after,
                                                                            parameters->limit);
                                 if (!batch)
                                     return Response::error(toApiError(batch.error()));
                                 batch->page.cursor = cursorOf(batch->position);
                                 return Response::json(batch->page.toJson());
                             },
                             Caching::Never)));
}

} // namespace portal::server
