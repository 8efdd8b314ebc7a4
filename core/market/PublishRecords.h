#pragma once

#include "core/api/Chain.h"
#include "core/library/Library.h"
#include "core/market/PublishJob.h"

#include <filesystem>
#include <string>

// What a publication writes into the author's library, each in one transaction and safe to
// repeat (a resumed publication may have done part of it already).
namespace ls::market::records {

// The new title (the author holds no licence: its licence facts are zeros), its metadata
// document as published, and the title key, wrapped under the library's master key.
Result<void> storeTitle(library::Library& library, const PublishJob& job,
    const library::TitleKey& titleKey, const std::string& author,
    const std::filesystem::path& profile);

// The version as the chain proves it, and its container as a complete download.
Result<void> storeVersion(
    library::Library& library, const PublishJob& job, const api::VersionInfo& version);

} // namespace ls::market::records
