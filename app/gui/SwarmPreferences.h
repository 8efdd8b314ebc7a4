#pragma once

#include "core/api/Transfers.h"

#include <filesystem>

namespace ls::gui {

// The profile's sharing choices (full seeding, bandwidth limits) in <profile>/settings.ini,
// group [sharing], beside the app's other preferences: kept across restarts, applied to the swarm
// when the library is unlocked. A file that cannot be read gives the defaults.
class SwarmPreferences {
public:
    explicit SwarmPreferences(std::filesystem::path profileDirectory)
        : m_file(std::move(profileDirectory) / "settings.ini")
    {
    }

    api::SwarmLimits load() const;
    bool save(const api::SwarmLimits& limits) const; // false: the file cannot be written

private:
    std::filesystem::path m_file;
};

} // namespace ls::gui
