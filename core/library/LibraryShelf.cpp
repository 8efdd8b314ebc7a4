#include "core/library/LibraryShelf.h"

#include "core/library/LibraryContext.h"
#include "core/library/LibraryRows.h"
#include "core/library/LibrarySql.h"
#include "core/storage/Transaction.h"

#include <string>
#include <unordered_map>

namespace ls::library {

Result<std::vector<LibraryEntry>> LibraryShelf::entries()
{
    auto& database = m_context->database;
    // One transaction for all five queries, so a writer in another process cannot make the rows
    // disagree (a download for a title not listed, say). It takes the write lock for the few
    // milliseconds the reads take; storage offers no deferred transaction, and none is needed.
    auto snapshot = storage::Transaction::begin(database);
    if (!snapshot)
        return std::unexpected(snapshot.error());

    std::vector<LibraryEntry> entries;
    std::unordered_map<std::uint64_t, std::size_t> index;
    auto titles = sql::forEachRow(database,
        std::string(rows::kTitleColumns) + "ORDER BY added_at_ms DESC, title_id DESC",
        [&](storage::Statement& row) -> Result<void> {
            auto title = rows::readTitle(row);
            if (!title)
                return std::unexpected(title.error());
            index.emplace(title->titleId, entries.size());
            entries.push_back(LibraryEntry { std::move(*title), {}, {}, false, std::nullopt });
            return {};
        });
    if (!titles)
        return std::unexpected(titles.error());

    auto entryFor = [&](std::uint64_t titleId) -> LibraryEntry* {
        auto found = index.find(titleId);
        return found == index.end() ? nullptr : &entries[found->second];
    };

    auto versions = sql::forEachRow(database,
        std::string(rows::kVersionColumns) + "ORDER BY title_id, version",
        [&](storage::Statement& row) -> Result<void> {
            auto version = rows::readVersion(row);
            if (!version)
                return std::unexpected(version.error());
            if (auto* entry = entryFor(static_cast<std::uint64_t>(row.columnInt64(0))))
                entry->versions.push_back(std::move(*version));
            return {};
        });
    if (!versions)
        return std::unexpected(versions.error());

    auto downloads = sql::forEachRow(database,
        std::string(rows::kDownloadColumns) + "ORDER BY title_id, version",
        [&](storage::Statement& row) -> Result<void> {
            auto download = rows::readDownload(row);
            if (!download)
                return std::unexpected(download.error());
            if (auto* entry = entryFor(download->titleId))
                entry->downloads.push_back(std::move(*download));
            return {};
        });
    if (!downloads)
        return std::unexpected(downloads.error());

    auto keys = sql::forEachRow(
        database, "SELECT title_id FROM title_key", [&](storage::Statement& row) -> Result<void> {
            if (auto* entry = entryFor(static_cast<std::uint64_t>(row.columnInt64(0))))
                entry->hasKey = true;
            return {};
        });
    if (!keys)
        return std::unexpected(keys.error());

    auto positions = sql::forEachRow(database,
        std::string(rows::kPositionColumns) + "ORDER BY title_id, updated_at_ms, version",
        [&](storage::Statement& row) -> Result<void> {
            auto position = rows::readPosition(row);
            if (!position)
                return std::unexpected(position.error());
            // Ascending by time within a title, so the last row seen is the most recent.
            if (auto* entry = entryFor(position->titleId))
                entry->lastPosition = std::move(*position);
            return {};
        });
    if (!positions)
        return std::unexpected(positions.error());
    return entries;
}

} // namespace ls::library
