#pragma once

#include "core/protocol/NetworkProfile.h"
#include "core/util/ProfilePaths.h"

#include <filesystem>
#include <string>

namespace ls::gui {

// Which network a profile uses. A network profile file in the profile (chosen in the first-run
// wizard, or with `lightstreams-cli network use`) means a network joined; without one the
// profile uses "This computer" (DESIGN.md §6: the default).
//
// "This computer" is one network per data directory, shared by all its profiles (a reader and
// an author on one machine see each other's titles): it lives in `<profiles root>/localnet.shared`
// — a name no profile can have (profile names have no dots) — and the app that starts first
// runs its node for the others (ManagedLocalNetwork). Earlier versions kept one network per
// profile in `<profile>/localnet`; those are left where they are, unused: the shared network
// starts fresh, since only it has the funding account that gives every profile's wallet PHT.
class ProfileNetwork {
public:
    explicit ProfileNetwork(const ProfilePaths& profile)
        : m_profile(profile)
    {
    }

    bool joined() const;
    std::filesystem::path localNetworkDirectory() const
    {
        return m_profile.directory().parent_path() / "localnet.shared";
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
