// What the client cache gives back: a value, or a CacheError saying why not. The kinds are what a caller can
// act on: a full disk or a busy file may pass, a corrupt or too new file needs the cache to be rebuilt (or
// the program updated), anything else is a bug or a broken machine.
#pragma once

#include <QString>
#include <utility>
#include <variant>

namespace portal::client {

struct CacheError
{
    enum class Kind {
        CannotOpen, // the file or its folder cannot be created or opened
        Corrupt, // not a database, or a damaged one
        TooNew, // written by a newer version of the program
        DiskFull,
        Busy, // another connection held the lock longer than the busy timeout
        Constraint, // a value the schema refuses (e.g. an id of 0)
        Aborted, // the writer gave up (abort() or an exception); nothing was written
        NotFound,
        Failure, // anything else
    };
    Kind kind = Kind::Failure;
    QString message;

    static CacheError make(Kind kind, const QString &message) { return { kind, message }; }
};

// A readable name of a kind, for logs and messages ("disk full").
QString toString(CacheError::Kind kind);

struct Done // the value of an operation that answers nothing but success
{
};

template<typename T> class [[nodiscard]] CacheResult
{
public:
    CacheResult(T value)
        : m_state(std::move(value))
    { }
    CacheResult(CacheError error)
        : m_state(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    T &operator*() { return std::get<T>(m_state); }
    const T &operator*() const { return std::get<T>(m_state); }
    T *operator->() { return &std::get<T>(m_state); }
    const T *operator->() const { return &std::get<T>(m_state); }
    T take() { return std::move(std::get<T>(m_state)); }
    const CacheError &error() const { return std::get<CacheError>(m_state); }

private:
    std::variant<T, CacheError> m_state;
};

} // namespace portal::client
