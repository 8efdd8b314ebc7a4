#include "core/storage/Database.h"

#include "core/storage/DatabaseImpl.h"
#include "core/storage/Statement.h"

#include <sqlite3.h>

#include <string>
#include <utility>

namespace ls::storage {

namespace detail {

Error sqliteError(sqlite3* db, int code, std::string_view action)
{
    std::string detail = db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(code);
    ErrorKind kind = ErrorKind::Io;
    std::string hint;
    switch (code & 0xff) {
    case SQLITE_CONSTRAINT:
        kind = ErrorKind::InvalidInput;
        break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        hint = " (another program is using the database; close it and try again)";
        break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        hint = " (the database file is damaged or is not a database)";
        break;
    case SQLITE_FULL:
        hint = " (the disk is full)";
        break;
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_NOMEM:
        break;
    default: // SQLITE_ERROR, SQLITE_MISUSE, SQLITE_RANGE …: a bug in our SQL or its use
        kind = ErrorKind::Internal;
        break;
    }
    return Error { kind, "Database error while " + std::string(action) + ": " + detail + hint };
}

std::string sqlForMessage(std::string_view sql)
{
    constexpr std::size_t kMax = 80;
    std::string text(sql.substr(0, kMax));
    for (char& c : text)
        if (c == '\n' || c == '\t')
            c = ' ';
    if (sql.size() > kMax)
        text += "…";
    return "'" + text + "'";
}

} // namespace detail

Database::Impl::~Impl()
{
    statementCache.clear(); // finalize before closing so the close is immediate
    if (db != nullptr)
        sqlite3_close_v2(db);
}

Database::Database(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{
}
Database::Database(Database&&) noexcept = default;
Database& Database::operator=(Database&&) noexcept = default;
Database::~Database() = default;

Result<Database> Database::open(const std::filesystem::path& path, const DatabaseOptions& options)
{
    int flags
        = options.readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    return openWith(path.string(), flags, options, true);
}

Result<Database> Database::openInMemory()
{
    return openWith(":memory:", SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_MEMORY,
        DatabaseOptions {}, false);
}

Result<Database> Database::openWith(
    const std::string& target, int flags, const DatabaseOptions& options, bool wal)
{
    auto impl = std::make_unique<Impl>();
    impl->path = target;
    // NOMUTEX: a connection is used by one thread at a time (documented), so SQLite's per-call
    // mutex is pure overhead. EXRESCODE: extended codes make error messages more precise.
    int rc = sqlite3_open_v2(
        target.c_str(), &impl->db, flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, nullptr);
    if (rc != SQLITE_OK)
        return std::unexpected(detail::sqliteError(impl->db, rc, "opening '" + target + "'"));
    Database database(std::move(impl));

    sqlite3_busy_timeout(database.m_impl->db, static_cast<int>(options.busyTimeout.count()));
    if (wal && !options.readOnly) {
        auto mode = database.prepare("PRAGMA journal_mode=WAL");
        if (!mode)
            return std::unexpected(mode.error());
        auto row = mode->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row || mode->columnText(0) != "wal")
            return fail(ErrorKind::Io,
                "Cannot use write-ahead logging for '" + target
                    + "' (is it on a network file system?)");
    }
    std::string pragmas = "PRAGMA foreign_keys=ON;";
    pragmas += options.durability == Durability::Full ? "PRAGMA synchronous=FULL;"
                                                      : "PRAGMA synchronous=NORMAL;";
    pragmas += "PRAGMA cache_size=-" + std::to_string(options.pageCacheKiB) + ";";
    pragmas += "PRAGMA wal_autocheckpoint=" + std::to_string(options.walAutoCheckpointPages) + ";";
    if (auto applied = database.exec(pragmas); !applied)
        return std::unexpected(applied.error());
    return database;
}

Result<void> Database::exec(std::string_view sql)
{
    std::string text(sql); // sqlite3_exec wants a terminated string
    char* message = nullptr;
    int rc = sqlite3_exec(m_impl->db, text.c_str(), nullptr, nullptr, &message);
    sqlite3_free(message); // the same text is available from sqlite3_errmsg
    if (rc != SQLITE_OK)
        return std::unexpected(
            detail::sqliteError(m_impl->db, rc, "running " + detail::sqlForMessage(sql)));
    return {};
}

Result<Statement> Database::prepare(std::string_view sql)
{
    auto impl = std::make_unique<Statement::Impl>();
    impl->db = m_impl->db;
    impl->sql = std::string(sql);
    const char* tail = nullptr;
    int rc = sqlite3_prepare_v3(m_impl->db, impl->sql.data(), static_cast<int>(impl->sql.size()),
        SQLITE_PREPARE_PERSISTENT, &impl->stmt, &tail);
    if (rc != SQLITE_OK)
        return std::unexpected(
            detail::sqliteError(m_impl->db, rc, "preparing " + detail::sqlForMessage(sql)));
    if (impl->stmt == nullptr)
        return fail(ErrorKind::Internal,
            "Database error: " + detail::sqlForMessage(sql) + " contains no SQL statement");
    // A second statement after the first would be silently ignored; refuse it instead.
    for (const char* rest = tail; rest != nullptr && *rest != '\0'; ++rest)
        if (*rest != ' ' && *rest != '\n' && *rest != '\t' && *rest != ';')
            return fail(ErrorKind::Internal,
                "Database error: " + detail::sqlForMessage(sql)
                    + " holds more than one statement; use exec()");
    return Statement(std::move(impl));
}

Result<Statement*> Database::cached(std::string_view sql)
{
    auto found = m_impl->statementCache.find(std::string(sql));
    if (found != m_impl->statementCache.end()) {
        found->second->reset();
        found->second->clearBindings();
        return found->second.get();
    }
    auto prepared = prepare(sql);
    if (!prepared)
        return std::unexpected(prepared.error());
    auto owned = std::make_unique<Statement>(std::move(*prepared));
    Statement* pointer = owned.get();
    m_impl->statementCache.emplace(std::string(sql), std::move(owned));
    return pointer;
}

Result<void> Database::integrityCheck()
{
    auto check = prepare("PRAGMA integrity_check");
    if (!check)
        return std::unexpected(check.error());
    std::string problems;
    int reported = 0;
    while (true) {
        auto row = check->step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
        std::string line = check->columnText(0);
        if (line == "ok")
            continue;
        if (++reported <= 5)
            problems += (problems.empty() ? "" : "; ") + line;
    }
    if (reported > 0)
        return fail(ErrorKind::Io, "The database '" + m_impl->path + "' is damaged: " + problems);
    return {};
}

bool Database::inTransaction() const
{
    return sqlite3_get_autocommit(m_impl->db) == 0;
}

std::int64_t Database::lastInsertRowId() const
{
    return sqlite3_last_insert_rowid(m_impl->db);
}

std::int64_t Database::changes() const
{
    return sqlite3_changes64(m_impl->db);
}

} // namespace ls::storage
