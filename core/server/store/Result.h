// What a store operation gives back: a value, or a StoreError saying why not. Handlers map the error kinds
// to HTTP statuses (NotFound -> 404, Invalid -> 400, Conflict -> 409, Failure -> 500).
#pragma once

#include "WireTypes.h"

#include <QString>
#include <utility>
#include <variant>

namespace portal::store {

struct StoreError
{
    enum class Kind { NotFound, Invalid, Conflict, Failure };
    Kind kind = Kind::Failure;
    QString message;
    api::FieldErrors details; // for Invalid: which field, and why

    static StoreError notFound() { return { Kind::NotFound, QStringLiteral("Not found."), {} }; }
    static StoreError invalid(const QString &field, const QString &problem)
    {
        return { Kind::Invalid, problem, { { field, { problem } } } };
    }
    static StoreError conflict(const QString &message) { return { Kind::Conflict, message, {} }; }
    static StoreError failure(const QString &message) { return { Kind::Failure, message, {} }; }
};

template<typename T> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::move(value))
    { }
    Result(StoreError error)
        : m_state(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    T &operator*() { return std::get<T>(m_state); }
    const T &operator*() const { return std::get<T>(m_state); }
    T *operator->() { return &std::get<T>(m_state); }
    const T *operator->() const { return &std::get<T>(m_state); }
    T take() { return std::move(std::get<T>(m_state)); }
    const StoreError &error() const { return std::get<StoreError>(m_state); }

private:
    std::variant<T, StoreError> m_state;
};

// What Store::changeStamp() answers: two counters, one for this connection's own writes and one for
// other connections' commits.
struct ChangeStamp
{
    qint64 own = 0;
    qint64 others = 0;
    bool operator==(const ChangeStamp &) const = default;
};

struct Done // the value of an operation that answers nothing but success
{
};

} // namespace portal::store
