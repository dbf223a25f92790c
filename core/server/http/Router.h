// Matches a request to a route by method and path pattern. Patterns are literal paths in which "{id}" stands
// for a positive decimal integer; the trailing slash is part of the path. A path that no route knows is 404,
// a known path with the wrong method is 405 with Allow, HEAD is answered by the GET route (the adapter drops
// the body) and OPTIONS by the router itself. All answers are in the API's error envelope.
#pragma once

#include "HttpMessage.h"

#include <functional>
#include <vector>

namespace portal::http {

using Handler = std::function<Response(Request &)>;

class Router
{
public:
    void add(const QByteArray &method, const QString &pattern, Handler handler);
    Response dispatch(Request &request) const; // fills request.pathIds before calling the handler

private:
    struct Route
    {
        QByteArray method;
        QStringList segments; // "{id}" segments match ids
        Handler handler;
    };
    bool matches(const Route &route, const QStringList &segments, QList<qint64> *ids) const;
    std::vector<Route> m_routes;
};

} // namespace portal::http
