#pragma once

#include "core/util/Error.h"

#include <filesystem>
#include <string>
#include <string_view>

namespace ls {

// Where a user profile keeps its files (DESIGN.md §5): one directory per profile, so several
// people (or an author and a reader in a test) can use one machine. The root is
// $XDG_DATA_HOME/lightstreams/profiles (QStandardPaths' GenericDataLocation) unless the user
// names another data directory.
class ProfilePaths {
public:
    static constexpr std::string_view kDefaultProfile = "default";

    // `name`: letters, digits, '-' and '_', at most 64 characters. `dataDirectory`: overrides the
    // profiles root when non-empty. The directory is created (mode 0700) if missing.
    static Result<ProfilePaths> open(std::string_view name,
                                     const std::filesystem::path& dataDirectory = {});

    const std::string& name() const { return m_name; }
    const std::filesystem::path& directory() const { return m_directory; }
    std::filesystem::path keystoreFile() const { return m_directory / "wallet.json"; }
    // The network this profile uses unless told otherwise (a copy of a network profile file).
    std::filesystem::path networkProfileFile() const { return m_directory / "network.json"; }
    // The light client's verified headers, one store per network: switching networks never
    // mixes two chains' headers. `networkId` names the network (its genesis hash, in hex).
    std::filesystem::path headerStoreFile(std::string_view networkId) const
    {
        return m_directory / "light" / (std::string(networkId.substr(0, 18)) + ".db");
    }

private:
    ProfilePaths(std::string name, std::filesystem::path directory)
        : m_name(std::move(name))
        , m_directory(std::move(directory))
    {
    }

    std::string m_name;
    std::filesystem::path m_directory;
};

} // namespace ls
