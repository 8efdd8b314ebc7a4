#pragma once

#include "core/api/Library.h"

#include <QString>

// The words the Library screen uses for where a title's local copy stands.
namespace ls::ui::librarytext {

// "Checking your licence…", "Downloading: 42%", …
QString fetchStage(const api::FetchProgress& progress);
// "Not downloaded", "Partly downloaded: 42%", "On this computer", "Local copy removed"
QString downloadState(const api::LibraryVersion& version);

} // namespace ls::ui::librarytext
