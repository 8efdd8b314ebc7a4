#pragma once

// Private to core/library: the column lists the library selects and the functions that turn a
// row back into a value, checking everything a hand-edited file could get wrong.

#include "core/library/LibraryTypes.h"
#include "core/storage/Statement.h"
#include "core/util/Error.h"

#include <string_view>

namespace ls::library::rows {

inline constexpr std::string_view kTitleColumns
    = "SELECT title_id, author, metadata_infohash, key_commitment, metadata_json, "
      "licence_version, licence_price, licence_time_ms, added_at_ms FROM title ";
Result<OwnedTitle> readTitle(const storage::Statement& row);

inline constexpr std::string_view kVersionColumns
    = "SELECT title_id, version, content_infohash, size, note, added_at_ms FROM title_version ";
// The title id is column 0; the version itself starts at column 1.
Result<TitleVersion> readVersion(const storage::Statement& row);

inline constexpr std::string_view kDownloadColumns
    = "SELECT title_id, version, state, container_path, total_size, bytes_verified, "
      "piece_bitfield, updated_at_ms FROM download ";
Result<VersionDownload> readDownload(const storage::Statement& row);

inline constexpr std::string_view kPositionColumns
    = "SELECT title_id, version, position, updated_at_ms FROM reading_position ";
Result<ReadingPosition> readPosition(const storage::Statement& row);

} // namespace ls::library::rows
