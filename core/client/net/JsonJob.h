// A request whose answer is JSON decoded into a wire type of core/api with its strict fromJson(): an
// answer that is not valid JSON or does not have the API's shape finishes as Malformed (with the decoder's
// per-field messages), never as a half-filled value.
#pragma once

#include "ApiJob.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <functional>

namespace portal::net {

// How a T comes out of an answer's JSON: an api struct from an object, a QList of them from an array,
// QJsonObject as it is (for shapes decoded later, e.g. the sync page).
template<typename T> struct JsonDecoder
{
    static std::optional<T> decode(const QJsonDocument &document, api::FieldErrors *errors)
    {
        if (!document.isObject()) {
            (*errors)[QString()].append(QStringLiteral("Expected an object."));
            return std::nullopt;
        }
        return T::fromJson(document.object(), errors);
    }
};

template<typename T> struct JsonDecoder<QList<T>>
{
    static std::optional<QList<T>> decode(const QJsonDocument &document, api::FieldErrors *errors)
    {
        if (!document.isArray()) {
            (*errors)[QString()].append(QStringLiteral("Expected an array."));
            return std::nullopt;
        }
        return api::listFromJson<T>(document.array(), errors);
    }
};

template<> struct JsonDecoder<QJsonObject>
{
    static std::optional<QJsonObject> decode(const QJsonDocument &document, api::FieldErrors *errors)
    {
        if (!document.isObject()) {
            (*errors)[QString()].append(QStringLiteral("Expected an object."));
            return std::nullopt;
        }
        return document.object();
    }
};

template<typename T> class JsonJob : public ApiJob
{
public:
    using Value = T;
    using Result = ApiResult<T>;
    using Decode = std::function<std::optional<T>(const QJsonDocument &, api::FieldErrors *)>;

    JsonJob(Session *session, QByteArray verb, QString path, RequestOptions options = {})
        : ApiJob(session, std::move(verb), std::move(path), std::move(options))
    { }

    // Another decoder than T's own (e.g. SyncPage::fromJson over a QJsonObject job's answer).
    void setDecoder(Decode decode) { m_decode = std::move(decode); }

    Result result() const
    {
        Result result;
        result.error = error();
        result.value = m_value;
        result.etag = etag();
        return result;
    }

    // Calls `handler` with the result once the job has finished (in `context`'s thread; not if it is gone).
    template<typename Handler> void then(QObject *context, Handler handler)
    {
        QObject::connect(this, &ApiJob::finished, context,
                         [this, handler = std::move(handler)] { handler(result()); });
    }

protected:
    NetError onSuccess(QNetworkReply *, const QByteArray &body) override
    {
        QJsonParseError parseError;
        const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return NetError::make(
                NetError::Kind::Malformed,
                QStringLiteral("The server's answer is not JSON: %1.").arg(parseError.errorString()));
        api::FieldErrors errors;
        m_value = m_decode ? m_decode(document, &errors) : JsonDecoder<T>::decode(document, &errors);
        if (!m_value) {
            NetError error
                = NetError::make(NetError::Kind::Malformed,
                                 QStringLiteral("The server's answer does not have the expected shape."));
            error.details = errors;
            return error;
        }
        return {};
    }

private:
    Decode m_decode;
    std::optional<T> m_value;
};

} // namespace portal::net
