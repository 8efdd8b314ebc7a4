#pragma once

#include "core/protocol/NetworkProfile.h"
#include "core/util/ProfilePaths.h"

#include <filesystem>
#include <string>

namespace ls::gui {

// Which network a profile uses. A network profile file in the profile (chosen in the first-run
// wizard, or with `lightstreams-cli network use`) means a network joined; without one the
// profile uses "This computer" (DESIGN.md §6: the default), whose node lives in localnet/.
class ProfileNetwork {
public:
    explicit ProfileNetwork(const ProfilePaths& profile)
        : m_profile(profile)
    {
    }

    bool joined() const;
    std::filesystem::path localNetworkDirectory() const
    {
        return m_profile.directory() / "localnet";
    }
    Result<protocol::NetworkProfile> joinedProfile() const;
    // Checks `file` (a network profile) and makes it the profile's network; returns its name.
    Result<std::string> join(const std::filesystem::path& file) const;
    // The light client's header store for `network`, its folder created.
    std::filesystem::path headerStore(const protocol::NetworkProfile& network) const;

private:
    const ProfilePaths& m_profile;
};

} // namespace ls::gui
