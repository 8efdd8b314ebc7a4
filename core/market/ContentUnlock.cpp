#include "core/market/ContentUnlock.h"

#include "core/crypto/Address.h"
#include "core/crypto/HdKey.h"
#include "core/crypto/Keystore.h"
#include "core/crypto/Mnemonic.h"

namespace ls::market {

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
    if (crypto::Address::fromPublicKey(key->publicKey()) != keystore->address())
        return fail(ErrorKind::Verification,
            "The key file's secret does not belong to the address it names; restore the wallet "
            "from its recovery phrase");
    return key;
}

Result<UnlockedContent> unlockContent(const std::filesystem::path& profileDirectory,
    const std::filesystem::path& keystoreFile, ByteView passphrase)
{
    auto keystore = crypto::Keystore::load(keystoreFile);
    if (!keystore)
        return std::unexpected(keystore.error());
    auto key = unlockAccountKey(keystoreFile, passphrase);
    if (!key)
        return std::unexpected(key.error());
    library::LibraryOptions options;
    options.kdfParams = keystore->kdfParams(); // a quick wallet (tests) makes a quick library
    auto library = library::Library::open(profileDirectory, passphrase, options);
    if (!library) {
        if (library.error().kind == ErrorKind::WrongPassphrase)
            return fail(ErrorKind::WrongPassphrase,
                "The wallet opened, but the library in " + profileDirectory.string()
                    + " is locked with another passphrase (the wallet's passphrase was changed "
                      "without the library's): "
                    + library.error().message);
        return std::unexpected(library.error());
    }
    return UnlockedContent { std::move(*library), std::move(*key) };
}

} // namespace ls::market
