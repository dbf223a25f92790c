// Turning the store's answers into HTTP responses, in one place: a value becomes JSON with the given status,
// a StoreError becomes the API's error envelope (NotFound 404, Invalid 400 with details, Conflict 409,
// Failure 500 with the cause logged but not shown).
#pragma once

#include "ApiError.h"
#include "HttpMessage.h"
#include "Result.h"

namespace portal::server {

http::ApiError toApiError(const store::StoreError &error);

template<typename T> QJsonValue encode(const T &value)
{
    return value.toJson();
}

template<typename T> QJsonValue encode(const QList<T> &values)
{
    return api::toJsonArray(values);
}

template<typename T> http::Response respond(const store::Result<T> &result, int status = 200)
{
    if (!result)
        return http::Response::error(toApiError(result.error()));
    const QJsonValue json = encode(*result);
    return json.isArray() ? http::Response::json(json.toArray(), status)
                          : http::Response::json(json.toObject(), status);
}

} // namespace portal::server
