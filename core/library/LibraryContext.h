#pragma once

// Private to core/library: what an open Library shares with its table views (LibraryTitles,
// LibraryDownloads, LibraryReading). It lives on the heap so views stay valid when the Library
// object is moved.

#include "core/library/LibraryTypes.h"
#include "core/library/MasterKey.h"
#include "core/storage/Database.h"

#include <filesystem>
#include <utility>

namespace ls::library {

struct LibraryContext {
    LibraryContext(storage::Database db, MasterKey key, Clock now, std::filesystem::path profile)
        : database(std::move(db))
        , masterKey(std::move(key))
        , clock(std::move(now))
        , directory(std::move(profile))
    {
    }

    storage::Database database;
    MasterKey masterKey;
    Clock clock;
    std::filesystem::path directory; // the profile directory; container paths are relative to it
};

} // namespace ls::library
