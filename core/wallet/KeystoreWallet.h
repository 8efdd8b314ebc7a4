#pragma once

#include "core/api/Wallet.h"
#include "core/crypto/Address.h"
#include "core/crypto/Keystore.h"

#include <filesystem>

namespace ls::wallet {

// The wallet's account 0 key from its key file (the key itself, or account 0 of its phrase),
// checked against the address the file names. Argon2id: call it off the GUI thread.
Result<crypto::PrivateKey> unlockAccountKey(
    const std::filesystem::path& keystoreFile, ByteView passphrase);

// api::Wallet over one keystore file (core/crypto/Keystore). Account 0 of the phrase
// (m/44'/60'/0'/0/0) is the wallet's address, as MetaMask shows it.
class KeystoreWallet final : public api::Wallet {
public:
    explicit KeystoreWallet(std::filesystem::path keystoreFile);

    bool exists() const override;
    std::optional<std::string> address() const override;
    Result<api::CreatedWallet> create(
        std::string_view passphrase, int words, api::KeyFileStrength strength) override;
    Result<std::string> importPhrase(std::string_view phrase, std::string_view passphrase,
        api::KeyFileStrength strength) override;
    Result<std::string> importPrivateKey(std::string_view hexKey, std::string_view passphrase,
        api::KeyFileStrength strength) override;
    Result<crypto::SecretBytes> revealPhrase(std::string_view passphrase) const override;
    Result<std::unique_ptr<api::UnlockedAccount>> unlock(
        std::string_view passphrase) const override;
    Result<void> changePassphrase(
        std::string_view oldPassphrase, std::string_view newPassphrase) override;

private:
    Result<void> refuseToOverwrite() const;
    // Encrypts `secret` into the key file (never replacing one) and returns the EIP-55 address.
    Result<std::string> store(crypto::KeystorePayload kind, const crypto::SecretBytes& secret,
        const crypto::Address& address, std::string_view passphrase, api::KeyFileStrength strength);

    std::filesystem::path m_file;
};

} // namespace ls::wallet
