#include "core/market/ContentUnlock.h"

#include "core/crypto/Address.h"
#include "core/crypto/HdKey.h"
#include "core/crypto/Keystore.h"
#include "core/crypto/Mnemonic.h"

namespace ls::market {

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
