#pragma once

#include "core/util/Error.h"

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace ls::storage {

class Statement;
class Transaction;

// How hard a commit works to survive a power cut. In WAL mode both levels are atomic: a crash
// (process kill or power loss) never leaves half a transaction, so never half a block.
enum class Durability {
    // fsync the WAL at every commit: a committed block survives a power cut. The default, because a
    // validator must not forget a block it has voted for, and one fsync per block (~1/s) is cheap.
    Full,
    // fsync only at checkpoints: a power cut may lose the last few commits (never corrupt them).
    // Good enough for caches that can be rebuilt from the network.
    Normal,
};

struct DatabaseOptions {
    Durability durability = Durability::Full;
    std::chrono::milliseconds busyTimeout {
        5000
    }; // how long to wait for another connection's lock
    std::int64_t pageCacheKiB = 16 * 1024; // SQLite's own page cache, per connection
    // WAL size (in 4 KiB pages) that triggers an automatic checkpoint after a commit. Larger values
    // checkpoint (and fsync the main file) less often when each transaction writes megabytes.
    int walAutoCheckpointPages = 4096;
    bool readOnly = false;
};

// One SQLite connection. The only place (with Statement and Transaction) that sees sqlite3 types:
// everything else in the project talks to the database through these three classes.
//
// Not thread-safe: use a connection from one thread at a time (open one per thread instead).
// Statements and Transactions refer to their Database's connection and must not outlive it; the
// Database object itself may be moved while they exist.
class Database {
public:
    // Opens (creating it unless read-only) the file at `path` in WAL mode with foreign keys on.
    static Result<Database> open(
        const std::filesystem::path& path, const DatabaseOptions& options = {});
    // A private in-memory database (tests, scratch work). Same pragmas except WAL.
    static Result<Database> openInMemory();

    Database(Database&&) noexcept;
    Database& operator=(Database&&) noexcept;
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;
    ~Database();

    // Runs one or more SQL statements that take no parameters; any rows they return are ignored.
    Result<void> exec(std::string_view sql);

    // A fresh prepared statement owned by the caller.
    Result<Statement> prepare(std::string_view sql);

    // A prepared statement kept by the database and reused across calls with the same SQL text:
    // it comes back reset with its parameters cleared. The pointer stays valid until the Database
    // is destroyed. Do not hold two uses of the same SQL text at once (e.g. nested loops).
    Result<Statement*> cached(std::string_view sql);

    // `PRAGMA integrity_check`: success when SQLite reports "ok", otherwise an Io error quoting the
    // first problems it found.
    Result<void> integrityCheck();

    // True while a Transaction (or a raw BEGIN) is open on this connection.
    bool inTransaction() const;
    std::int64_t lastInsertRowId() const;
    std::int64_t changes() const; // rows changed by the last INSERT/UPDATE/DELETE

private:
    friend class Statement;
    friend class Transaction;
    struct Impl;

    explicit Database(std::unique_ptr<Impl> impl);
    static Result<Database> openWith(
        const std::string& target, int flags, const DatabaseOptions& options, bool wal);

    std::unique_ptr<Impl> m_impl;
};

} // namespace ls::storage
