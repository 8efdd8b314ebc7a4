#include "core/wallet/KeystoreWallet.h"

#include "core/codec/Hex.h"
#include "core/crypto/Address.h"
#include "core/crypto/HdKey.h"
#include "core/crypto/Keystore.h"
#include "core/crypto/Mnemonic.h"
#include "core/wallet/KeystoreAccount.h"

namespace ls::wallet {
namespace {

crypto::pwhash::Params paramsFor(api::KeyFileStrength strength)
{
    return strength == api::KeyFileStrength::Light ? crypto::pwhash::Params::interactive()
                                                   : crypto::pwhash::Params::moderate();
}

Result<void> requirePassphrase(std::string_view passphrase)
{
    if (passphrase.empty())
        return fail(ErrorKind::InvalidInput,
            "Choose a passphrase: the key file is never stored "
            "unencrypted");
    return {};
}

Result<crypto::Address> accountZero(const crypto::Mnemonic& mnemonic)
{
    auto seed = mnemonic.seed();
    if (!seed)
        return std::unexpected(seed.error());
    auto key = crypto::ethereumAccountKey(*seed, 0);
    if (!key)
        return std::unexpected(key.error());
    return crypto::Address::fromPublicKey(key->publicKey());
}

} // namespace

KeystoreWallet::KeystoreWallet(std::filesystem::path keystoreFile)
    : m_file(std::move(keystoreFile))
{
}

bool KeystoreWallet::exists() const
{
    std::error_code error;
    return std::filesystem::exists(m_file, error);
}

std::optional<std::string> KeystoreWallet::address() const
{
    auto keystore = crypto::Keystore::load(m_file);
    if (!keystore)
        return std::nullopt;
    return keystore->address().toChecksumString();
}

Result<void> KeystoreWallet::refuseToOverwrite() const
{
    if (exists())
        return fail(ErrorKind::InvalidInput,
            "This profile already has a wallet (" + m_file.string()
                + "); use another profile, or move the key file away first");
    return {};
}

Result<std::string> KeystoreWallet::store(crypto::KeystorePayload kind,
    const crypto::SecretBytes& secret, const crypto::Address& address, std::string_view passphrase,
    api::KeyFileStrength strength)
{
    auto keystore
        = crypto::Keystore::create(kind, secret, address, asBytes(passphrase), paramsFor(strength));
    if (!keystore)
        return std::unexpected(keystore.error());
    if (auto saved = keystore->save(m_file); !saved)
        return std::unexpected(saved.error());
    return address.toChecksumString();
}

Result<api::CreatedWallet> KeystoreWallet::create(
    std::string_view passphrase, int words, api::KeyFileStrength strength)
{
    if (words != 12 && words != 24)
        return fail(ErrorKind::InvalidInput, "A new recovery phrase has 12 or 24 words");
    if (auto ok = requirePassphrase(passphrase); !ok)
        return std::unexpected(ok.error());
    if (auto ok = refuseToOverwrite(); !ok)
        return std::unexpected(ok.error());

    auto mnemonic = crypto::Mnemonic::generate(words == 24 ? 256 : 128);
    if (!mnemonic)
        return std::unexpected(mnemonic.error());
    auto address = importPhrase(mnemonic->phrase(), passphrase, strength);
    if (!address)
        return std::unexpected(address.error());
    return api::CreatedWallet { *address, crypto::SecretBytes(asBytes(mnemonic->phrase())) };
}

Result<std::string> KeystoreWallet::importPhrase(
    std::string_view phrase, std::string_view passphrase, api::KeyFileStrength strength)
{
    if (auto ok = requirePassphrase(passphrase); !ok)
        return std::unexpected(ok.error());
    if (auto ok = refuseToOverwrite(); !ok)
        return std::unexpected(ok.error());
    auto mnemonic = crypto::Mnemonic::parse(phrase);
    if (!mnemonic)
        return std::unexpected(mnemonic.error());
    auto address = accountZero(*mnemonic);
    if (!address)
        return std::unexpected(address.error());

    return store(crypto::KeystorePayload::Mnemonic,
        crypto::SecretBytes(asBytes(mnemonic->phrase())), *address, passphrase, strength);
}

Result<std::string> KeystoreWallet::importPrivateKey(
    std::string_view hexKey, std::string_view passphrase, api::KeyFileStrength strength)
{
    if (auto ok = requirePassphrase(passphrase); !ok)
        return std::unexpected(ok.error());
    if (auto ok = refuseToOverwrite(); !ok)
        return std::unexpected(ok.error());
    auto bytes = codec::fromHex(hexKey);
    if (!bytes)
        return fail(ErrorKind::InvalidInput, "The private key must be 64 hexadecimal digits");
    crypto::SecretBytes secret(*bytes);
    crypto::secureWipe(bytes->data(), bytes->size());
    auto key = crypto::PrivateKey::fromBytes(secret.view());
    if (!key)
        return std::unexpected(key.error());
    auto address = crypto::Address::fromPublicKey(key->publicKey());

    return store(crypto::KeystorePayload::PrivateKey, secret, address, passphrase, strength);
}

Result<crypto::SecretBytes> KeystoreWallet::revealPhrase(std::string_view passphrase) const
{
    auto keystore = crypto::Keystore::load(m_file);
    if (!keystore)
        return std::unexpected(keystore.error());
    if (keystore->kind() != crypto::KeystorePayload::Mnemonic)
        return fail(ErrorKind::Unsupported,
            "This wallet was imported from a private key and has no recovery phrase");
    return keystore->unlock(asBytes(passphrase));
}

Result<crypto::PrivateKey> unlockAccountKey(
    const std::filesystem::path& keystoreFile, ByteView passphrase)
{
    auto keystore = crypto::Keystore::load(keystoreFile);
    if (!keystore)
        return std::unexpected(keystore.error());
    auto secret = keystore->unlock(passphrase);
    if (!secret)
        return std::unexpected(secret.error());

    auto key = [&]() -> Result<crypto::PrivateKey> {
        if (keystore->kind() == crypto::KeystorePayload::PrivateKey)
            return crypto::PrivateKey::fromBytes(secret->view());
        auto mnemonic = crypto::Mnemonic::parse(secret->asText());
        if (!mnemonic)
            return std::unexpected(mnemonic.error());
        auto seed = mnemonic->seed();
        if (!seed)
            return std::unexpected(seed.error());
        return crypto::ethereumAccountKey(*seed, 0);
    }();
    if (!key)
        return std::unexpected(key.error());
    // The key file names its address in the clear; a file whose secret gives another account
    // was tampered with or mixed up, and signing with it would surprise the user.
    if (crypto::Address::fromPublicKey(key->publicKey()) != keystore->address())
        return fail(ErrorKind::Verification,
            "The key file's secret does not belong to the address it names; restore the wallet "
            "from its recovery phrase");
    return key;
}

Result<std::unique_ptr<api::UnlockedAccount>> KeystoreWallet::unlock(
    std::string_view passphrase) const
{
    auto key = unlockAccountKey(m_file, asBytes(passphrase));
    if (!key)
        return std::unexpected(key.error());
    return std::make_unique<KeystoreAccount>(std::move(*key));
}

Result<void> KeystoreWallet::changePassphrase(
    std::string_view oldPassphrase, std::string_view newPassphrase)
{
    if (auto ok = requirePassphrase(newPassphrase); !ok)
        return ok;
    return crypto::Keystore::changePassphrase(
        m_file, asBytes(oldPassphrase), asBytes(newPassphrase));
}

} // namespace ls::wallet
