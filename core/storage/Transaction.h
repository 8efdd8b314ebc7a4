#pragma once

#include "core/storage/Database.h"
#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>
#include <functional>

namespace ls::storage {

// RAII database transaction: rolled back on destruction unless commit() succeeded.
//
// The outermost Transaction on a connection is `BEGIN IMMEDIATE` (it takes the write lock at once,
// so a commit cannot fail for lack of it); a Transaction begun while another is open is a
// SAVEPOINT inside it, whose commit only takes effect when the outer one commits. A module can
// therefore write in its own nested Transaction inside a caller's Transaction: a failure rolls
// back just its part, and the caller decides when everything becomes durable at once.
//
// Transactions must end innermost first; ending an outer one ends (rolls back) any inner ones
// still open. They refer to their Database's connection and must not outlive it.
class Transaction {
public:
    static Result<Transaction> begin(Database& database);

    Transaction(Transaction&&) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    ~Transaction();

    // On failure the transaction has been rolled back (and its undo actions run).
    Result<void> commit();
    void rollback();

    bool active() const;
    bool nested() const { return m_depth > 0; }
    bool belongsTo(const Database& database) const;

    // Registers an action that runs if the changes made under this transaction are rolled back:
    // by this transaction, or by an enclosing one after this one committed. Modules that keep
    // in-memory state derived from what they wrote (caches, counters) use it to stay in step with
    // the file. Actions run newest first; they must not throw or touch the database.
    void onRollback(std::function<void()> undo);

private:
    Transaction(Database& database, std::size_t depth, std::uint64_t frameId);
    void end();

    Database::Impl* m_owner = nullptr; // stable across moves of the Database object
    std::size_t m_depth = 0;
    std::uint64_t m_frameId = 0;
};

} // namespace ls::storage
