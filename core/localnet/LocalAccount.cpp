#include "core/localnet/LocalAccount.h"

#include "core/codec/Hex.h"
#include "core/crypto/Random.h"
#include "core/util/AtomicFile.h"
#include "core/wallet/KeystoreWallet.h"

#include <system_error>

namespace ls::localnet {
namespace {

constexpr std::size_t kPassphraseBytes = 32;
constexpr std::size_t kPassphraseFileLimit = 4096;
constexpr int kPhraseWords = 12;

} // namespace

Result<std::string> LocalAccount::ensure() const
{
    std::error_code error;
    std::filesystem::create_directories(m_directory, error);
    if (error)
        return fail(
            ErrorKind::Io, "Cannot create " + m_directory.string() + ": " + error.message());
    std::filesystem::permissions(m_directory, std::filesystem::perms::owner_all,
        std::filesystem::perm_options::replace, error);
    wallet::KeystoreWallet wallet(keystoreFile());
    if (wallet.exists()) {
        if (!std::filesystem::exists(passphraseFile(), error))
            return fail(ErrorKind::Io,
                "The passphrase of the account in " + m_directory.string()
                    + " is missing; move that directory away to create a new account.");
        return address();
    }
    // The passphrase first: a key file is never left without the passphrase that opens it.
    if (!std::filesystem::exists(passphraseFile(), error)) {
        const auto secret = crypto::randomSecretBytes(kPassphraseBytes);
        std::string text = codec::toHex(secret.view()) + "\n";
        auto written = writeFileAtomically(passphraseFile(), asBytes(text));
        crypto::secureWipe(text.data(), text.size());
        if (!written)
            return std::unexpected(written.error());
    }
    auto secret = passphrase();
    if (!secret)
        return std::unexpected(secret.error());
    auto created = wallet.create(secret->asText(), kPhraseWords, api::KeyFileStrength::Light);
    if (!created)
        return std::unexpected(created.error());
    return created->address;
}

Result<std::string> LocalAccount::address() const
{
    auto address = wallet::KeystoreWallet(keystoreFile()).address();
    if (!address)
        return fail(
            ErrorKind::NotFound, "There is no readable key file in " + m_directory.string() + ".");
    return *address;
}

Result<crypto::SecretBytes> LocalAccount::passphrase() const
{
    auto bytes = readFileLimited(passphraseFile(), kPassphraseFileLimit);
    if (!bytes)
        return std::unexpected(bytes.error());
    crypto::SecretBytes secret(*bytes);
    crypto::secureWipe(bytes->data(), bytes->size());
    // The first line, as the node reads its --passphrase-file.
    std::size_t length = 0;
    while (length < secret.size() && secret.data()[length] != '\n' && secret.data()[length] != '\r')
        ++length;
    if (length == 0)
        return fail(ErrorKind::Io, "The passphrase file in " + m_directory.string() + " is empty.");
    return crypto::SecretBytes(ByteView(secret.data(), length));
}

} // namespace ls::localnet
