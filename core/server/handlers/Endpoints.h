// Each resource's endpoints register themselves on the router; one file per resource.
#pragma once

#include "Router.h"
#include "Services.h"

namespace portal::server {

void registerTokenEndpoints(http::Router &router, Services &services);
void registerProfileEndpoints(http::Router &router, Services &services);
void registerCaseEndpoints(http::Router &router, Services &services);
void registerMessageEndpoints(http::Router &router, Services &services);
void registerDocumentEndpoints(http::Router &router, Services &services);
void registerTaskEndpoints(http::Router &router, Services &services);
void registerNotificationEndpoints(http::Router &router, Services &services);
void registerStaffCaseEndpoints(http::Router &router, Services &services); // clients, cases, case documents
void registerStaffTaskEndpoints(http::Router &router, Services &services);
void registerStaffMessageEndpoints(http::Router &router, Services &services);
void registerSyncEndpoints(http::Router &router, Services &services);

// A route of an extension that can be switched off (ServerFeatures): while `enabled` is false it answers
// 404, before authentication, as a server without the route would.
inline http::Handler extension(const bool &enabled, http::Handler handler)
{
    return [&enabled, handler = std::move(handler)](http::Request &request) {
        return enabled ? handler(request) : http::Response::error(http::ApiError::notFound());
    };
}

// Decodes the request body as a JSON object into the wire type T, or answers 400 with per-field details.
template<typename T> std::optional<T> decodeBody(const http::Request &request, http::Response *failure)
{
    http::ApiError error;
    const auto object = request.jsonObject(&error);
    if (!object) {
        *failure = http::Response::error(error);
        return std::nullopt;
    }
    api::FieldErrors details;
    auto value = T::fromJson(*object, &details);
    if (!value)
        *failure = http::Response::error(http::ApiError::invalid(details));
    return value;
}

} // namespace portal::server
