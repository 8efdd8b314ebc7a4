#pragma once

#include "core/api/Library.h"
#include "core/library/Library.h"

#include <string>
#include <vector>

namespace ls::market {

// The library's titles as core/api shows them: the stored rows, with the descriptive fields
// decoded from each title's metadata document (empty while it has not arrived). `me` is this
// profile's account (EIP-55), to tell its own titles.
Result<std::vector<api::LibraryTitle>> apiTitles(library::Library& library, const std::string& me);

api::LibraryTitle apiTitle(const library::LibraryEntry& entry, const std::string& me);

} // namespace ls::market
