#pragma once

#include "core/crypto/SecureMemory.h"
#include "core/util/Error.h"

#include <filesystem>
#include <string>

namespace ls::localnet {

// An account that "This computer"'s network keeps for itself (the demo author in
// localnet/demo-author, the funding account in localnet/funding): a key file like any wallet's,
// and the passphrase that encrypts it. ManagedLocalNetwork creates both before the network so
// that genesis funds them; DemoAuthor unlocks the first to publish and seed, WalletFunding the
// second to give PHT to the wallets that arrive after genesis.
//
// The passphrase is kept in clear in `passphrase` (0600, in the 0700 local network directory),
// as the validator's is: the account exists on this computer's private single-validator chain
// only, holds demo PHT that has no value anywhere else, and the app must publish and seed the
// demo titles without asking the user for a second passphrase. It never reaches a log.
class LocalAccount {
public:
    explicit LocalAccount(std::filesystem::path directory)
        : m_directory(std::move(directory))
    {
    }

    const std::filesystem::path& directory() const { return m_directory; }
    std::filesystem::path keystoreFile() const { return m_directory / "wallet.json"; }
    std::filesystem::path passphraseFile() const { return m_directory / "passphrase"; }

    // Creates the passphrase (random) and then the key file (a new 12-word wallet, the light
    // Argon2id cost: ~0.1 s) unless they exist; returns the account's address (EIP-55).
    Result<std::string> ensure() const;
    // The account's address from its key file (no passphrase needed).
    Result<std::string> address() const;
    Result<crypto::SecretBytes> passphrase() const;

private:
    std::filesystem::path m_directory;
};

} // namespace ls::localnet
