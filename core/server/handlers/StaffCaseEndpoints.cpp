// The staff API's clients and cases (/api/staff/clients/, /api/staff/cases/…), including a case's documents:
// listing, downloading and uploading them. Attorneys reach their assigned cases, administrators all
// (store::StaffScope).
#include "DocumentTransfers.h"
#include "Endpoints.h"
#include "Gate.h"
#include "Respond.h"
#include "StaffRepositories.h"

namespace portal::server {

using http::Request;
using http::Response;

void registerStaffCaseEndpoints(http::Router &router, Services &services)
{
    router.add("GET", QStringLiteral("/api/staff/clients/"),
               gated(services, Audience::Staff, [&services](Request &, const Caller &caller) {
                   return respond(services.store.staffClients().list(caller.staff));
               }));
    router.add("POST", QStringLiteral("/api/staff/clients/"),
               gated(services, Audience::Staff, [&services](Request &request, const Caller &caller) {
                   Response failure;
                   const auto client = decodeBody<api::NewStaffClient>(request, &failure);
                   if (!client)
                       return failure;
                   return respond(services.store.staffClients().create(caller.staff, *client), 201);
               }));
    router.add("GET", QStringLiteral("/api/staff/cases/"),
               gated(services, Audience::Staff, [&services](Request &, const Caller &caller) {
                   return respond(services.store.staffCases().list(caller.staff));
               }));
    router.add("POST", QStringLiteral("/api/staff/cases/"),
               gated(services, Audience::Staff, [&services](Request &request, const Caller &caller) {
                   Response failure;
                   const auto newCase = decodeBody<api::NewStaffCase>(request, &failure);
                   if (!newCase)
                       return failure;
                   return respond(services.store.staffCases().create(caller.staff, *newCase), 201);
               }));
    router.add("GET", QStringLiteral("/api/staff/cases/{id}/"),
               gated(services, Audience::Staff, [&services](Request &request, const Caller &caller) {
                   return respond(services.store.staffCases().detail(caller.staff, request.pathIds.at(0)));
               }));
    router.add("PATCH", QStringLiteral("/api/staff/cases/{id}/"),
               gated(services, Audience::Staff, [&services](Request &request, const Caller &caller) {
                   Response failure;
                   const auto patch = decodeBody<api::CasePatch>(request, &failure);
                   if (!patch)
                       return failure;
                   return respond(
                       services.store.staffCases().update(caller.staff, request.pathIds.at(0), *patch));
               }));
    router.add("POST", QStringLiteral("/api/staff/cases/{id}/documents/"),
               gated(services, Audience::Staff, [&services](Request &request, const Caller &caller) {
                   return uploadDocument(
                       services, request, request.pathIds.at(0), [&](const store::NewDocument &document) {
                           return services.store.staffCases().addDocument(caller.staff, document);
                       });
               }));
    router.add("GET", QStringLiteral("/api/staff/cases/{id}/documents/"),
               gated(services, Audience::Staff, [&services](Request &request, const Caller &caller) {
                   return respond(services.store.staffCases().documents(caller.staff, request.pathIds.at(0)));
               }));
    router.add("GET", QStringLiteral("/api/staff/documents/{id}/download/"),
               gated(services, Audience::Staff, [&services](Request &request, const Caller &caller) {
                   const qint64 id = request.pathIds.at(0);
                   return downloadDocument(request, id,
                                           services.store.staffCases().documentFile(caller.staff, id));
               }));
}

} // namespace portal::server
