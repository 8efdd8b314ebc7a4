#pragma once

#include "core/util/Error.h"

#include <span>
#include <string_view>

namespace ls::storage {
class Database;
}

namespace ls::library {

// One step of the library's schema history: what turns version `version - 1` into `version`.
// Steps are never edited once released; a change to the schema is a new step appended to the
// list (docs/library.md, "Adding a schema version").
struct LibraryMigration {
    int version = 0; // the version this step produces
    std::string_view summary; // for error messages: what the step does
    Result<void> (*apply)(storage::Database& database) = nullptr;
};

// The schema of library.db: a version number in table `library_schema` and the ordered steps
// that bring an older (or empty) database up to the version this build writes.
class LibrarySchema {
public:
    // The steps this build knows, in order; the last one's version is the current version.
    static std::span<const LibraryMigration> migrations();
    static int currentVersion();

    // The version recorded in the database: 0 for a database without any table (new, or created
    // and killed before its first commit). A database with tables but no `library_schema` is not
    // a library (InvalidInput); a version above the last of `steps` was written by a newer build
    // (Unsupported). Reads only.
    static Result<int> readVersion(
        storage::Database& database, std::span<const LibraryMigration> steps = migrations());

    // Applies, in order, every step above the recorded version and records the new version, all
    // in one transaction (a savepoint when the caller has one open), so an interrupted or failed
    // upgrade leaves the database exactly as it was. Returns the version reached.
    static Result<int> migrate(
        storage::Database& database, std::span<const LibraryMigration> steps = migrations());

    // Checks that every table the current version needs is present, so a hand-edited file gives
    // one clear message instead of a SQL error later.
    static Result<void> checkTables(storage::Database& database);
};

} // namespace ls::library
