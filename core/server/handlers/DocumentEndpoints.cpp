// The documents: list, detail, download (DocumentDownload.cpp) and upload (DocumentUpload.cpp).
#include "DocumentTransfers.h"
#include "Endpoints.h"
#include "Gate.h"
#include "Respond.h"

namespace portal::server {

void registerDocumentEndpoints(http::Router &router, Services &services)
{
    router.add("GET", QStringLiteral("/api/portal/documents/"),
               gated(services, Audience::Clients, [&services](http::Request &, const Caller &caller) {
                   return respond(services.store.documents().list(caller.scope));
               }));
    router.add("POST", QStringLiteral("/api/portal/documents/"),
               gated(services, Audience::Clients, [&services](http::Request &request, const Caller &caller) {
                   return uploadDocument(services, request, std::nullopt,
                                         [&](const store::NewDocument &document) {
                                             return services.store.documents().add(caller.scope, document);
                                         });
               }));
    router.add("GET", QStringLiteral("/api/portal/documents/{id}/"),
               gated(services, Audience::Clients, [&services](http::Request &request, const Caller &caller) {
                   return respond(services.store.documents().detail(caller.scope, request.pathIds.at(0)));
               }));
    router.add("GET", QStringLiteral("/api/portal/documents/{id}/download/"),
               gated(services, Audience::Clients, [&services](http::Request &request, const Caller &caller) {
                   const qint64 id = request.pathIds.at(0);
                   return downloadDocument(request, id, services.store.documents().file(caller.scope, id));
               }));
}

} // namespace portal::server
