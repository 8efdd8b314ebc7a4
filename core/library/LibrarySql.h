#pragma once

// Private to core/library: conversions between the library's values and SQLite columns, and
// checks of what comes out of a database file someone may have edited.

#include "core/storage/Database.h"
#include "core/storage/Statement.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>
#include <limits>
#include <string>
#include <string_view>

namespace ls::library::sql {

// A Result naming what in the library database is damaged, with what the user can do about it.
std::unexpected<Error> damaged(const std::string& what);

// SQLite integers are signed 64-bit: ids and sizes above 2^63-1 cannot be stored.
Result<std::int64_t> toInteger(std::uint64_t value, std::string_view what);

// Column values checked against the ranges the library writes.
Result<std::uint64_t> unsignedColumn(
    const storage::Statement& row, int column, std::string_view what);
Result<std::uint32_t> uint32Column(
    const storage::Statement& row, int column, std::string_view what);
template <std::size_t N>
Result<FixedBytes<N>> fixedColumn(const storage::Statement& row, int column, std::string_view what)
{
    ByteView bytes = row.columnBlob(column);
    if (bytes.size() != N)
        return damaged(std::string(what) + " has " + std::to_string(bytes.size())
            + " bytes instead of " + std::to_string(N));
    FixedBytes<N> out {};
    std::copy(bytes.begin(), bytes.end(), out.begin());
    return out;
}

// Text from the user or the network: well-formed UTF-8 and at most `maxBytes` long.
Result<void> checkText(std::string_view text, std::size_t maxBytes, std::string_view what);

// Runs `sql` (a cached statement) with `args` bound in order, calling visit(row) for each row;
// the statement is reset afterwards whatever happens, so no read snapshot stays open.
template <typename Visit, typename... Args>
Result<void> forEachRow(
    storage::Database& database, std::string_view sql, Visit&& visit, const Args&... args)
{
    auto query = database.cached(sql);
    if (!query)
        return std::unexpected(query.error());
    storage::Statement& statement = **query;
    struct ResetOnExit {
        storage::Statement& statement;
        ~ResetOnExit() { statement.reset(); }
    } resetOnExit { statement };
    if (auto bound = statement.bindAll(args...); !bound)
        return bound;
    while (true) {
        auto row = statement.step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            return {};
        if (auto visited = visit(statement); !visited)
            return visited;
    }
}

// Runs a statement that returns no rows; returns how many rows it changed.
template <typename... Args>
Result<std::int64_t> execute(storage::Database& database, std::string_view sql, const Args&... args)
{
    auto statement = database.cached(sql);
    if (!statement)
        return std::unexpected(statement.error());
    if (auto bound = (*statement)->bindAll(args...); !bound)
        return std::unexpected(bound.error());
    if (auto ran = (*statement)->run(); !ran)
        return std::unexpected(ran.error());
    return database.changes();
}

} // namespace ls::library::sql
