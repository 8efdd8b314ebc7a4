#include "core/localnet/LocalNetworkFiles.h"

#include "core/codec/Hex.h"
#include "core/crypto/Random.h"
#include "core/util/AtomicFile.h"

#include <cctype>
#include <system_error>

namespace ls::localnet {
namespace {

constexpr std::size_t kPassphraseBytes = 32;
constexpr std::size_t kEndpointFileLimit = 256;

} // namespace

bool LocalNetworkFiles::networkExists() const
{
    std::error_code error;
    return std::filesystem::exists(networkProfileFile(), error)
        && std::filesystem::exists(dataDirectory() / "chain.db", error);
}

Result<void> LocalNetworkFiles::discardUnfinishedNetwork() const
{
    std::error_code error;
    if (std::filesystem::exists(networkProfileFile(), error))
        return {};
    std::filesystem::remove_all(dataDirectory(), error);
    if (error)
        return fail(ErrorKind::Io,
            "Cannot clear the unfinished network in " + dataDirectory().string() + ": "
                + error.message());
    return {};
}

Result<void> LocalNetworkFiles::announceEndpoint(const std::string& url) const
{
    return writeFileAtomically(endpointFile(), asBytes(url + "\n"));
}

void LocalNetworkFiles::withdrawEndpoint() const
{
    std::error_code ignored; // gone already, or unwritable: readers check the port anyway
    std::filesystem::remove(endpointFile(), ignored);
}

std::string LocalNetworkFiles::announcedEndpoint() const
{
    auto bytes = readFileLimited(endpointFile(), kEndpointFileLimit);
    if (!bytes)
        return {};
    std::string url(bytes->begin(), bytes->end());
    while (!url.empty() && std::isspace(static_cast<unsigned char>(url.back())))
        url.pop_back();
    return url;
}

Result<void> LocalNetworkFiles::ensureDirectory() const
{
    std::error_code error;
    std::filesystem::create_directories(m_directory, error);
    if (error)
        return fail(
            ErrorKind::Io, "Cannot create " + m_directory.string() + ": " + error.message());
    std::filesystem::permissions(m_directory, std::filesystem::perms::owner_all,
        std::filesystem::perm_options::replace, error);
    return {};
}

Result<void> LocalNetworkFiles::ensurePassphraseFile() const
{
    if (auto created = ensureDirectory(); !created)
        return created;
    std::error_code error;
    if (std::filesystem::exists(passphraseFile(), error))
        return {};
    // Stored in clear, unlike every other secret: it only guards the key of a validator that
    // exists on this computer alone (a single-validator chain only this machine's profiles
    // follow), and the app must restart that validator without asking. The file is 0600 in the
    // local network's directory (0700), and it never protects the user's wallet or funds on a
    // shared network.
    const auto secret = crypto::randomSecretBytes(kPassphraseBytes);
    std::string text = codec::toHex(secret.view()) + "\n";
    auto written = writeFileAtomically(passphraseFile(), asBytes(text));
    crypto::secureWipe(text.data(), text.size());
    return written;
}

} // namespace ls::localnet
