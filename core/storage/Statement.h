#pragma once

#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <concepts>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>

namespace ls::storage {

class Database;

// A prepared SQL statement. Parameters are numbered from 1 (as `?1` in the SQL); result columns
// from 0. A statement holding an unfinished SELECT keeps a read snapshot open: reset() it (run()
// does) when done.
class Statement {
public:
    Statement(Statement&&) noexcept;
    Statement& operator=(Statement&&) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    // Blobs and text are copied by SQLite, so the arguments need not outlive the call.
    Result<void> bind(int index, ByteView blob);
    Result<void> bind(int index, std::int64_t value);
    Result<void> bindText(int index, std::string_view text);
    Result<void> bindNull(int index);

    // Binds every argument in order to parameters 1, 2, …: integers as int64, byte containers as
    // blobs, string_views as text, nullptr as NULL.
    template <typename... Args> Result<void> bindAll(const Args&... args)
    {
        int index = 0;
        Result<void> result;
        (void)((result = bindOne(++index, args), result.has_value()) && ...);
        return result;
    }

    // Advances to the next row: true when a row is available, false when the statement is done.
    Result<bool> step();
    // For statements that return no rows (INSERT, UPDATE, DELETE, DDL): steps to the end, then
    // resets so the statement can run again. Bindings are kept.
    Result<void> run();
    void reset(); // back to before the first step; bindings are kept
    void clearBindings(); // every parameter back to NULL

    int columnCount() const;
    bool isNull(int column) const;
    std::int64_t columnInt64(int column) const;
    // Valid until the next step(), reset() or destruction; copy it (Bytes(view.begin(), …)) to
    // keep.
    ByteView columnBlob(int column) const;
    std::string columnText(int column) const;

    const std::string& sql() const;

private:
    friend class Database;
    struct Impl;

    explicit Statement(std::unique_ptr<Impl> impl);

    template <typename T> Result<void> bindOne(int index, const T& value)
    {
        if constexpr (std::is_same_v<T, std::nullptr_t>)
            return bindNull(index);
        else if constexpr (std::integral<T>)
            return bind(index, static_cast<std::int64_t>(value));
        else if constexpr (std::is_convertible_v<const T&, std::string_view>)
            return bindText(index, std::string_view(value));
        else
            return bind(index, ByteView(value));
    }

    std::unique_ptr<Impl> m_impl;
};

} // namespace ls::storage
