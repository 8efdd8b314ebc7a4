#pragma once

#include "core/util/Error.h"

#include <filesystem>
#include <string>

namespace ls::localnet {

// Where "This computer"'s network lives inside its directory (one per data directory, shared by
// its profiles: see ProfileNetwork): the node's data directory, the passphrase of its validator
// key, the demo author (LocalAccount, DemoAuthor), whose titles exist on this network only, the
// funding account and its records (WalletFunding), and what the app running the node tells the
// others (ManagedLocalNetwork).
class LocalNetworkFiles {
public:
    explicit LocalNetworkFiles(std::filesystem::path directory)
        : m_directory(std::move(directory))
    {
    }

    const std::filesystem::path& directory() const { return m_directory; }
    std::filesystem::path dataDirectory() const { return m_directory / "chain"; }
    std::filesystem::path passphraseFile() const { return m_directory / "validator-passphrase"; }
    std::filesystem::path demoAuthorDirectory() const { return m_directory / "demo-author"; }
    std::filesystem::path fundingDirectory() const { return m_directory / "funding"; }
    // One empty file per wallet funded (named by its lowercase address): never funded twice.
    std::filesystem::path fundedDirectory() const { return m_directory / "funded"; }
    std::filesystem::path fundingLockFile() const { return m_directory / "funding.lock"; }
    // Held (ExclusiveFileLock) by the app that runs the node, and by the node itself.
    std::filesystem::path nodeLockFile() const { return m_directory / "node.lock"; }
    // The running node's RPC endpoint, written by the app that runs it once it listens.
    std::filesystem::path endpointFile() const { return m_directory / "node.endpoint"; }
    // Written by `lightstreams-node init` last, and rewritten by `run` with the real port.
    std::filesystem::path networkProfileFile() const { return dataDirectory() / "network.json"; }

    // The network was created completely (init wrote its profile after the chain database).
    bool networkExists() const;
    // Removes what an interrupted `init` left behind, so the next one starts clean. Only for a
    // data directory without a network profile: a finished network is never touched.
    Result<void> discardUnfinishedNetwork() const;
    // node.endpoint: written once the node listens, removed when it stops; "" when absent.
    Result<void> announceEndpoint(const std::string& url) const;
    void withdrawEndpoint() const;
    std::string announcedEndpoint() const;
    // Creates the directory (0700) unless it exists.
    Result<void> ensureDirectory() const;
    // Creates the validator passphrase file (random, mode 0600) unless it exists.
    Result<void> ensurePassphraseFile() const;

private:
    std::filesystem::path m_directory;
};

} // namespace ls::localnet
