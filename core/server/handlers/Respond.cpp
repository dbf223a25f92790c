#include "Respond.h"

#include <QLoggingCategory>

Q_LOGGING_CATEGORY(lcServer, "portal.server", QtWarningMsg)

namespace portal::server {

http::ApiError toApiError(const store::StoreError &error)
{
    using http::ApiError;
    switch (error.kind) {
    case store::StoreError::Kind::NotFound:
        return ApiError::notFound();
    case store::StoreError::Kind::Invalid:
        return ApiError::invalid(error.details);
    case store::StoreError::Kind::Conflict:
        return ApiError::make(ApiError::Kind::Conflict, error.message);
    case store::StoreError::Kind::Failure:
        break;
    }
    // The cause (a driver message, a path) is for the log, not for the caller.
    qCWarning(lcServer) << "store failure:" << error.message;
    return ApiError::make(ApiError::Kind::ServerError);
}

} // namespace portal::server
