#include "core/storage/Transaction.h"

#include "core/storage/DatabaseImpl.h"

#include <sqlite3.h>

#include <string>
#include <utility>

namespace ls::storage {

namespace {

std::string savepointName(std::size_t depth)
{
    return "ls_savepoint_" + std::to_string(depth);
}

} // namespace

Transaction::Transaction(Database& database, std::size_t depth, std::uint64_t frameId)
    : m_owner(database.m_impl.get())
    , m_depth(depth)
    , m_frameId(frameId)
{
}

Transaction::Transaction(Transaction&& other) noexcept
    : m_owner(std::exchange(other.m_owner, nullptr))
    , m_depth(other.m_depth)
    , m_frameId(std::exchange(other.m_frameId, 0))
{
}

Transaction::~Transaction()
{
    rollback();
}

Result<Transaction> Transaction::begin(Database& database)
{
    auto& impl = *database.m_impl;
    std::size_t depth = impl.frames.size();
    bool open = sqlite3_get_autocommit(impl.db) == 0;
    if (depth == 0 && open)
        return fail(ErrorKind::Internal,
            "Database error: a transaction was opened without storage::Transaction");
    if (depth > 0 && !open)
        return fail(ErrorKind::Io,
            "Database error: the enclosing transaction was aborted by an "
            "earlier failure; roll it back and start again");
    auto begun = database.exec(
        depth == 0 ? std::string("BEGIN IMMEDIATE") : "SAVEPOINT " + savepointName(depth));
    if (!begun)
        return std::unexpected(begun.error());
    std::uint64_t id = impl.nextFrameId++;
    impl.frames.push_back(Database::Impl::Frame { id, {} });
    return Transaction(database, depth, id);
}

bool Transaction::active() const
{
    return m_owner != nullptr && m_depth < m_owner->frames.size()
        && m_owner->frames[m_depth].id == m_frameId;
}

bool Transaction::belongsTo(const Database& database) const
{
    return m_owner != nullptr && m_owner == database.m_impl.get();
}

void Transaction::onRollback(std::function<void()> undo)
{
    if (active())
        m_owner->frames[m_depth].undo.push_back(std::move(undo));
}

Result<void> Transaction::commit()
{
    if (!active())
        return fail(ErrorKind::Internal, "Database error: commit of a transaction that has ended");
    if (m_depth + 1 != m_owner->frames.size())
        return fail(ErrorKind::Internal,
            "Database error: commit of a transaction while a nested one is still open");
    std::string sql = m_depth == 0 ? std::string("COMMIT") : "RELEASE " + savepointName(m_depth);
    char* message = nullptr;
    int rc = sqlite3_exec(m_owner->db, sql.c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK) {
        Error error = detail::sqliteError(m_owner->db, rc, "committing");
        error.message += " (the changes were rolled back)";
        end();
        return std::unexpected(std::move(error));
    }
    auto undo = std::move(m_owner->frames.back().undo);
    m_owner->frames.pop_back();
    // Released savepoint: its changes now belong to the enclosing transaction, and so does the
    // duty to undo the in-memory side if that one rolls back.
    if (m_depth > 0) {
        auto& parent = m_owner->frames.back().undo;
        parent.insert(parent.end(), std::make_move_iterator(undo.begin()),
            std::make_move_iterator(undo.end()));
    }
    m_owner = nullptr;
    return {};
}

void Transaction::rollback()
{
    if (active())
        end();
    m_owner = nullptr;
}

void Transaction::end()
{
    auto& frames = m_owner->frames;
    // Ending this level ends every level nested in it (SQLite does the same for savepoints).
    std::string sql = m_depth == 0
        ? std::string("ROLLBACK")
        : "ROLLBACK TO " + savepointName(m_depth) + "; RELEASE " + savepointName(m_depth);
    // Rollback cannot be reported from a destructor; when it fails (e.g. the file vanished) SQLite
    // has already abandoned the transaction, which has the same effect for the caller.
    if (sqlite3_get_autocommit(m_owner->db) == 0)
        sqlite3_exec(m_owner->db, sql.c_str(), nullptr, nullptr, nullptr);
    while (frames.size() > m_depth) {
        auto undo = std::move(frames.back().undo);
        frames.pop_back();
        for (auto it = undo.rbegin(); it != undo.rend(); ++it)
            (*it)();
    }
    m_owner = nullptr;
}

} // namespace ls::storage
