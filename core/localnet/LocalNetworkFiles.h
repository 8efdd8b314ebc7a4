#pragma once

#include "core/util/Error.h"

#include <filesystem>

namespace ls::localnet {

// Where "This computer"'s network lives inside its directory (<profile>/localnet): the node's
// data directory and the passphrase of its validator key.
class LocalNetworkFiles {
public:
    explicit LocalNetworkFiles(std::filesystem::path directory)
        : m_directory(std::move(directory))
    {
    }

    const std::filesystem::path& directory() const { return m_directory; }
    std::filesystem::path dataDirectory() const { return m_directory / "chain"; }
    std::filesystem::path passphraseFile() const { return m_directory / "validator-passphrase"; }
    // Written by `lightstreams-node init` last, and rewritten by `run` with the real port.
    std::filesystem::path networkProfileFile() const { return dataDirectory() / "network.json"; }

    // The network was created completely (init wrote its profile after the chain database).
    bool networkExists() const;
    // Removes what an interrupted `init` left behind, so the next one starts clean. Only for a
    // data directory without a network profile: a finished network is never touched.
    Result<void> discardUnfinishedNetwork() const;
    // Creates the validator passphrase file (random, mode 0600) unless it exists.
    Result<void> ensurePassphraseFile() const;

private:
    std::filesystem::path m_directory;
};

} // namespace ls::localnet
