#include "core/library/LibrarySchema.h"

#include "core/library/LibrarySql.h"
#include "core/storage/Database.h"
#include "core/storage/Statement.h"
#include "core/storage/Transaction.h"
#include "core/util/Version.h"

#include <array>
#include <optional>
#include <string>

namespace ls::library {
namespace {

// Version 1: everything DESIGN.md §5 asks of the library. Integers that hold uint32 values
// (versions, pages) and sizes are checked non-negative; blobs with a fixed size are checked too,
// so a bad write fails at once rather than on a later read.
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE master_key (
    id            INTEGER PRIMARY KEY CHECK (id = 1),
    format        INTEGER NOT NULL,
    kdf_ops_limit INTEGER NOT NULL,
    kdf_mem_limit INTEGER NOT NULL,
    kdf_salt      BLOB NOT NULL,
    nonce         BLOB NOT NULL,
    wrapped_key   BLOB NOT NULL
);
CREATE TABLE title (
    title_id          INTEGER PRIMARY KEY CHECK (title_id >= 0),
    author            BLOB NOT NULL CHECK (length(author) = 20),
    metadata_infohash BLOB NOT NULL CHECK (length(metadata_infohash) = 32),
    key_commitment    BLOB NOT NULL CHECK (length(key_commitment) = 32),
    metadata_json     TEXT NOT NULL,
    licence_version   INTEGER NOT NULL CHECK (licence_version >= 0),
    licence_price     BLOB NOT NULL CHECK (length(licence_price) = 32),
    licence_time_ms   INTEGER NOT NULL,
    added_at_ms       INTEGER NOT NULL
);
CREATE TABLE title_version (
    title_id         INTEGER NOT NULL REFERENCES title (title_id) ON DELETE CASCADE,
    version          INTEGER NOT NULL CHECK (version >= 0),
    content_infohash BLOB NOT NULL CHECK (length(content_infohash) = 32),
    size             INTEGER NOT NULL CHECK (size >= 0),
    note             TEXT NOT NULL,
    added_at_ms      INTEGER NOT NULL,
    PRIMARY KEY (title_id, version)
) WITHOUT ROWID;
CREATE TABLE title_key (
    title_id     INTEGER PRIMARY KEY REFERENCES title (title_id) ON DELETE CASCADE,
    wrapped_key  BLOB NOT NULL,
    stored_at_ms INTEGER NOT NULL
);
CREATE TABLE download (
    title_id       INTEGER NOT NULL,
    version        INTEGER NOT NULL,
    state          INTEGER NOT NULL CHECK (state BETWEEN 0 AND 3),
    container_path TEXT NOT NULL,
    total_size     INTEGER NOT NULL CHECK (total_size >= 0),
    bytes_verified INTEGER NOT NULL CHECK (bytes_verified BETWEEN 0 AND total_size),
    piece_bitfield BLOB NOT NULL,
    updated_at_ms  INTEGER NOT NULL,
    PRIMARY KEY (title_id, version),
    FOREIGN KEY (title_id, version) REFERENCES title_version (title_id, version) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE TABLE reading_position (
    title_id      INTEGER NOT NULL CHECK (title_id >= 0),
    version       INTEGER NOT NULL CHECK (version >= 0),
    position      TEXT NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    PRIMARY KEY (title_id, version)
) WITHOUT ROWID;
CREATE TABLE bookmark (
    bookmark_id   INTEGER PRIMARY KEY AUTOINCREMENT,
    title_id      INTEGER NOT NULL CHECK (title_id >= 0),
    version       INTEGER NOT NULL CHECK (version >= 0),
    position      TEXT NOT NULL,
    label         TEXT NOT NULL,
    created_at_ms INTEGER NOT NULL
);
CREATE INDEX bookmark_by_title ON bookmark (title_id, version);
CREATE TABLE annotation (
    annotation_id INTEGER PRIMARY KEY AUTOINCREMENT,
    title_id      INTEGER NOT NULL CHECK (title_id >= 0),
    version       INTEGER NOT NULL CHECK (version >= 0),
    start_page    INTEGER NOT NULL CHECK (start_page >= 0),
    start_offset  INTEGER NOT NULL CHECK (start_offset >= 0),
    end_page      INTEGER NOT NULL CHECK (end_page >= 0),
    end_offset    INTEGER NOT NULL CHECK (end_offset >= 0),
    quote         TEXT NOT NULL,
    note          TEXT NOT NULL,
    colour        INTEGER NOT NULL CHECK (colour BETWEEN 0 AND 16777215),
    created_at_ms INTEGER NOT NULL,
    updated_at_ms INTEGER NOT NULL,
    CHECK (end_page > start_page OR (end_page = start_page AND end_offset >= start_offset))
);
CREATE INDEX annotation_by_title ON annotation (title_id, version, start_page, start_offset);
CREATE TABLE page_read (
    title_id         INTEGER NOT NULL CHECK (title_id >= 0),
    version          INTEGER NOT NULL CHECK (version >= 0),
    page             INTEGER NOT NULL CHECK (page >= 0),
    first_read_at_ms INTEGER NOT NULL,
    seconds          INTEGER NOT NULL CHECK (seconds >= 0),
    PRIMARY KEY (title_id, version, page)
) WITHOUT ROWID;
CREATE INDEX page_read_by_time ON page_read (first_read_at_ms);
)sql";

// Reading state deliberately has no foreign key to `title`: a subscriber reads titles it does
// not own, and forgetting a title should not silently delete the user's notes on it.
constexpr std::array<std::string_view, 9> kVersion1Tables
    = { "master_key", "title", "title_version", "title_key", "download", "reading_position",
          "bookmark", "annotation", "page_read" };

Result<void> createVersion1(storage::Database& database)
{
    return database.exec(kVersion1);
}

constexpr std::array<LibraryMigration, 1> kMigrations = {
    LibraryMigration { 1, "create the library tables", &createVersion1 },
};

Result<bool> tableExists(storage::Database& database, std::string_view name)
{
    bool found = false;
    auto rows = sql::forEachRow(
        database, "SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?1",
        [&](storage::Statement&) -> Result<void> {
            found = true;
            return {};
        },
        name);
    if (!rows)
        return std::unexpected(rows.error());
    return found;
}

Result<void> checkSteps(std::span<const LibraryMigration> steps)
{
    for (std::size_t i = 0; i < steps.size(); ++i)
        if (steps[i].version != static_cast<int>(i) + 1 || steps[i].apply == nullptr)
            return fail(ErrorKind::Internal,
                "The library's schema steps are out of order at step " + std::to_string(i + 1));
    return {};
}

} // namespace

std::span<const LibraryMigration> LibrarySchema::migrations()
{
    return kMigrations;
}

int LibrarySchema::currentVersion()
{
    return kMigrations.back().version;
}

Result<int> LibrarySchema::readVersion(
    storage::Database& database, std::span<const LibraryMigration> steps)
{
    std::int64_t tables = 0;
    auto counted = sql::forEachRow(database,
        "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' "
        "ESCAPE '\\'",
        [&](storage::Statement& row) -> Result<void> {
            tables = row.columnInt64(0);
            return {};
        });
    if (!counted)
        return std::unexpected(counted.error());
    if (tables == 0)
        return 0;

    auto hasSchema = tableExists(database, "library_schema");
    if (!hasSchema)
        return std::unexpected(hasSchema.error());
    if (!*hasSchema)
        return fail(ErrorKind::InvalidInput,
            "This file is an SQLite database but not a Lightstreams library; it was left as it "
            "is.");

    std::optional<std::int64_t> version;
    auto read = sql::forEachRow(database, "SELECT version FROM library_schema WHERE id = 1",
        [&](storage::Statement& row) -> Result<void> {
            version = row.columnInt64(0);
            return {};
        });
    if (!read)
        return std::unexpected(read.error());
    if (!version || *version < 0)
        return sql::damaged("its schema version is missing");
    int newest = steps.empty() ? 0 : steps.back().version;
    if (*version > newest)
        return fail(ErrorKind::Unsupported,
            "This library was written by a newer version of Lightstreams (library schema "
                + std::to_string(*version) + "; this version knows up to " + std::to_string(newest)
                + "). Update the app to open it; nothing was changed.");
    return static_cast<int>(*version);
}

Result<int> LibrarySchema::migrate(
    storage::Database& database, std::span<const LibraryMigration> steps)
{
    if (auto ordered = checkSteps(steps); !ordered)
        return std::unexpected(ordered.error());
    // A savepoint inside the caller's transaction (or a transaction of its own): a failed step
    // undoes every step before it, so the file is either at the old version or at the new one.
    auto transaction = storage::Transaction::begin(database);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto version = readVersion(database, steps);
    if (!version)
        return std::unexpected(version.error());
    if (*version == 0) {
        auto created = database.exec("CREATE TABLE library_schema ("
                                     " id          INTEGER PRIMARY KEY CHECK (id = 1),"
                                     " version     INTEGER NOT NULL,"
                                     " app_version TEXT NOT NULL)");
        if (!created)
            return std::unexpected(created.error());
    }
    int reached = *version;
    for (const auto& step : steps) {
        if (step.version <= reached)
            continue;
        if (auto applied = step.apply(database); !applied)
            return fail(applied.error().kind,
                "Could not upgrade the library to schema " + std::to_string(step.version) + " ("
                    + std::string(step.summary) + "): " + applied.error().message);
        reached = step.version;
    }
    if (reached != *version) {
        auto recorded = sql::execute(database,
            "INSERT OR REPLACE INTO library_schema (id, version, app_version) VALUES (1, ?1, ?2)",
            reached, std::string_view(kVersion));
        if (!recorded)
            return std::unexpected(recorded.error());
    }
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    return reached;
}

Result<void> LibrarySchema::checkTables(storage::Database& database)
{
    for (auto table : kVersion1Tables) {
        auto exists = tableExists(database, table);
        if (!exists)
            return std::unexpected(exists.error());
        if (!*exists)
            return sql::damaged("its table '" + std::string(table) + "' is missing");
    }
    return {};
}

} // namespace ls::library
