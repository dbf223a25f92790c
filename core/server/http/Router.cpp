#include "Router.h"

namespace portal::http {

namespace {

const QString kIdSegment = QStringLiteral("{id}");

QStringList split(const QString &path)
{
    // "/api/portal/cases/1/" -> ["api", "portal", "cases", "1", ""]: the empty last segment keeps the
    // trailing slash significant, so "/api/portal/cases/1" does not match.
    QStringList segments = path.split(QLatin1Char('/'));
    if (!segments.isEmpty() && segments.first().isEmpty())
        segments.removeFirst();
    return segments;
}

// Ids are positive decimal integers without signs, spaces or leading zeros' tricks beyond what toLongLong
// accepts; anything else does not match the route (so it is a 404, like Django's <int:pk>).
std::optional<qint64> parseId(const QString &segment)
{
    if (segment.isEmpty() || segment.size() > 18)
        return std::nullopt;
    for (QChar c : segment) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return std::nullopt;
    }
    const qint64 id = segment.toLongLong();
    if (id <= 0)
        return std::nullopt;
    return id;
}

} // namespace

void Router::add(const QByteArray &method, const QString &pattern, Handler handler)
{
    m_routes.push_back({ method, split(pattern), std::move(handler) });
}

bool Router::matches(const Route &route, const QStringList &segments, QList<qint64> *ids) const
{
    if (route.segments.size() != segments.size())
        return false;
    ids->clear();
    for (qsizetype i = 0; i < segments.size(); ++i) {
        if (route.segments.at(i) == kIdSegment) {
            const auto id = parseId(segments.at(i));
            if (!id)
                return false;
            ids->append(*id);
        } else if (route.segments.at(i) != segments.at(i)) {
            return false;
        }
    }
    return true;
}

Response Router::dispatch(Request &request) const
{
    const QStringList segments = split(request.path);
    const QByteArray method = request.method == "HEAD" ? QByteArrayLiteral("GET") : request.method;
    QByteArrayList allowed;
    QList<qint64> ids;
    for (const Route &route : m_routes) {
        if (!matches(route, segments, &ids))
            continue;
        if (route.method == method) {
            request.pathIds = ids;
            return route.handler(request);
        }
        if (!allowed.contains(route.method))
            allowed.append(route.method);
    }
    if (allowed.isEmpty())
        return Response::error(ApiError::notFound());

    if (allowed.contains("GET"))
        allowed.append("HEAD");
    allowed.append("OPTIONS");
    const QByteArray allow = allowed.join(", ");
    if (request.method == "OPTIONS") {
        Response response = Response::noContent(200);
        response.setHeader("Allow", allow);
        return response;
    }
    ApiError error = ApiError::make(
        ApiError::Kind::MethodNotAllowed,
        QStringLiteral("Method \"%1\" not allowed.").arg(QString::fromLatin1(request.method)));
    error.withHeader("Allow", allow);
    return Response::error(error);
}

} // namespace portal::http
