#include "core/storage/Statement.h"

#include "core/storage/DatabaseImpl.h"

#include <sqlite3.h>

#include <limits>
#include <utility>

namespace ls::storage {

Statement::Impl::~Impl()
{
    if (stmt != nullptr)
        sqlite3_finalize(stmt);
}

Statement::Statement(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{
}
Statement::Statement(Statement&&) noexcept = default;
Statement& Statement::operator=(Statement&&) noexcept = default;
Statement::~Statement() = default;

namespace {

Result<void> checkBind(sqlite3* db, const std::string& sql, int rc, int index)
{
    if (rc == SQLITE_OK)
        return {};
    return std::unexpected(detail::sqliteError(db, rc,
        "binding parameter " + std::to_string(index) + " of " + detail::sqlForMessage(sql)));
}

} // namespace

Result<void> Statement::bind(int index, ByteView blob)
{
    if (blob.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        return fail(ErrorKind::InvalidInput, "Database error: a value is too large to store");
    // A zero-length blob must still be a blob, not NULL: sqlite3_bind_blob treats a null pointer
    // as NULL, so point at something when the view is empty.
    static const std::uint8_t kNothing = 0;
    const void* data = blob.empty() ? &kNothing : blob.data();
    return checkBind(m_impl->db, m_impl->sql,
        sqlite3_bind_blob(
            m_impl->stmt, index, data, static_cast<int>(blob.size()), SQLITE_TRANSIENT),
        index);
}

Result<void> Statement::bind(int index, std::int64_t value)
{
    return checkBind(
        m_impl->db, m_impl->sql, sqlite3_bind_int64(m_impl->stmt, index, value), index);
}

Result<void> Statement::bindText(int index, std::string_view text)
{
    if (text.size() > static_cast<std::size_t>(std::numeric_limits<int>::max()))
        return fail(ErrorKind::InvalidInput, "Database error: a text is too large to store");
    return checkBind(m_impl->db, m_impl->sql,
        sqlite3_bind_text(
            m_impl->stmt, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT),
        index);
}

Result<void> Statement::bindNull(int index)
{
    return checkBind(m_impl->db, m_impl->sql, sqlite3_bind_null(m_impl->stmt, index), index);
}

Result<bool> Statement::step()
{
    int rc = sqlite3_step(m_impl->stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    Error error
        = detail::sqliteError(m_impl->db, rc, "running " + detail::sqlForMessage(m_impl->sql));
    sqlite3_reset(m_impl->stmt); // leave the statement reusable after a failure
    return std::unexpected(std::move(error));
}

Result<void> Statement::run()
{
    while (true) {
        auto row = step();
        if (!row)
            return std::unexpected(row.error());
        if (!*row)
            break;
    }
    reset();
    return {};
}

void Statement::reset()
{
    // The result code repeats the last step's error, which step() has already reported.
    sqlite3_reset(m_impl->stmt);
}

void Statement::clearBindings()
{
    sqlite3_clear_bindings(m_impl->stmt);
}

int Statement::columnCount() const
{
    return sqlite3_column_count(m_impl->stmt);
}

bool Statement::isNull(int column) const
{
    return sqlite3_column_type(m_impl->stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::columnInt64(int column) const
{
    return sqlite3_column_int64(m_impl->stmt, column);
}

ByteView Statement::columnBlob(int column) const
{
    // Call order matters: the pointer first, then the size (SQLite's documented idiom).
    const auto* data = static_cast<const std::uint8_t*>(sqlite3_column_blob(m_impl->stmt, column));
    int size = sqlite3_column_bytes(m_impl->stmt, column);
    if (data == nullptr || size <= 0)
        return {};
    return { data, static_cast<std::size_t>(size) };
}

std::string Statement::columnText(int column) const
{
    const auto* text = sqlite3_column_text(m_impl->stmt, column);
    int size = sqlite3_column_bytes(m_impl->stmt, column);
    if (text == nullptr || size <= 0)
        return {};
    return std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size));
}

const std::string& Statement::sql() const
{
    return m_impl->sql;
}

} // namespace ls::storage
