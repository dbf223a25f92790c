#include "SendFailure.h"

namespace portal::client {

using Kind = net::NetError::Kind;

SendFailure SendFailure::from(const net::NetError &error)
{
    SendFailure failure;
    failure.message = error.message.isEmpty() ? net::kindName(error.kind) : error.message;
    switch (error.kind) {
    case Kind::None:
    case Kind::NotModified:
        break; // not failures; callers do not ask
    case Kind::Offline:
        failure.action = Action::WaitOnline;
        break;
    case Kind::Tls:
        failure.action = Action::Retry; // the handshake failed: nothing was sent
        break;
    case Kind::Unreachable:
    case Kind::Timeout:
    case Kind::Malformed: // a 2xx we cannot read: the write happened, or may have
        failure.action = Action::Retry;
        failure.mayHaveReached = true;
        break;
    case Kind::RateLimited:
        failure.action = Action::Retry;
        failure.minimumDelayMs = qMax(0, error.retryAfterSeconds) * 1000;
        break;
    case Kind::Unauthorized:
        failure.action = Action::SignedOut;
        break;
    case Kind::Storage: // the upload's file cannot be read: no pause will fix that
        failure.action = Action::Refused;
        break;
    case Kind::Cancelled:
        failure.action = Action::Cancelled;
        break;
    case Kind::Http:
        if (error.httpStatus == 401) {
            failure.action = Action::SignedOut;
        } else if (error.httpStatus == 408 || error.httpStatus == 429 || error.httpStatus >= 500
                   || error.httpStatus == 0) {
            // A 5xx may come after the write (a proxy's 502 while the backend finished).
            failure.action = Action::Retry;
            failure.mayHaveReached = error.httpStatus != 429;
        } else {
            // 400, 403, 404, 409, 413, 415, 422...: the same request would be refused again.
            failure.action = Action::Refused;
            if (error.message.isEmpty())
                failure.message = QStringLiteral("The server refused it (HTTP %1).").arg(error.httpStatus);
        }
        break;
    }
    return failure;
}

} // namespace portal::client
