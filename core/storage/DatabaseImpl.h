#pragma once

// Private to core/storage: the state Database, Statement and Transaction share. sqlite3 types
// appear here only as opaque forward declarations; sqlite3.h itself is included by the .cpp files
// of this folder alone, so no other module can reach the C API through our headers.

#include "core/storage/Database.h"
#include "core/storage/Statement.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace ls::storage {

namespace detail {

// Turns a SQLite result code into a user-readable Error. `action` says what we were doing
// ("opening 'x.db'", "running INSERT …"); the connection's last message is appended when set.
Error sqliteError(sqlite3* db, int code, std::string_view action);

// Shortens SQL for error messages so a failing statement can be recognised without a wall of text.
std::string sqlForMessage(std::string_view sql);

} // namespace detail

struct Database::Impl {
    // One level of Transaction nesting: the outermost is BEGIN … COMMIT, inner ones SAVEPOINTs.
    struct Frame {
        std::uint64_t id = 0;
        std::vector<std::function<void()>> undo; // run newest first when this level rolls back
    };

    sqlite3* db = nullptr;
    std::string path;
    std::unordered_map<std::string, std::unique_ptr<Statement>> statementCache;
    std::vector<Frame> frames;
    std::uint64_t nextFrameId = 1;

    Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl();
};

struct Statement::Impl {
    sqlite3* db = nullptr;
    sqlite3_stmt* stmt = nullptr;
    std::string sql;

    Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    ~Impl();
};

} // namespace ls::storage
