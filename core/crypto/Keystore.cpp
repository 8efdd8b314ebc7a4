#include "core/crypto/Keystore.h"

#include "core/crypto/Random.h"
#include "core/crypto/Secp256k1.h"
#include "core/util/AtomicFile.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <unistd.h>

namespace ls::crypto {
namespace {

constexpr const char* kWrongPassphrase = "wrong passphrase";

void appendBigEndian(Bytes& out, std::uint64_t value, int bytes)
{
    for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8)
        out.push_back(static_cast<std::uint8_t>(value >> shift));
}

void appendText(Bytes& out, std::string_view text)
{
    out.insert(out.end(), text.begin(), text.end());
    out.push_back(0); // the constants never contain NUL, so this terminates unambiguously
}

// Well-formed UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above U+10FFFF.
bool isValidUtf8(ByteView text)
{
    std::size_t i = 0;
    while (i < text.size()) {
        std::uint8_t lead = text[i];
        std::size_t length = 0;
        std::uint32_t minimum = 0;
        std::uint32_t point = 0;
        if (lead < 0x80) {
            ++i;
            continue;
        }
        if ((lead & 0xe0) == 0xc0) {
            length = 2;
            minimum = 0x80;
            point = lead & 0x1fu;
        } else if ((lead & 0xf0) == 0xe0) {
            length = 3;
            minimum = 0x800;
            point = lead & 0x0fu;
        } else if ((lead & 0xf8) == 0xf0) {
            length = 4;
            minimum = 0x10000;
            point = lead & 0x07u;
        } else {
            return false;
        }
        if (text.size() - i < length)
            return false;
        for (std::size_t k = 1; k < length; ++k) {
            if ((text[i + k] & 0xc0) != 0x80)
                return false;
            point = (point << 6) | (text[i + k] & 0x3fu);
        }
        if (point < minimum || point > 0x10ffff || (point >= 0xd800 && point <= 0xdfff))
            return false;
        i += length;
    }
    return true;
}

Result<void> checkSecret(KeystorePayload kind, const SecretBytes& secret, const Address& address)
{
    if (kind == KeystorePayload::PrivateKey) {
        auto key = PrivateKey::fromBytes(secret.view());
        if (!key)
            return std::unexpected(key.error());
        if (Address::fromPublicKey(key->publicKey()) != address)
            return fail(ErrorKind::InvalidInput, "the address " + address.toChecksumString()
                                                     + " does not belong to this private key");
        return {};
    }
    if (secret.empty())
        return fail(ErrorKind::InvalidInput, "the recovery phrase is empty");
    if (secret.size() > Keystore::kMaxMnemonicSize)
        return fail(ErrorKind::InvalidInput, "the recovery phrase is too long");
    if (!isValidUtf8(secret.view()))
        return fail(ErrorKind::InvalidInput, "the recovery phrase is not valid UTF-8 text");
    return {};
}

std::filesystem::path temporarySibling(const std::filesystem::path& path)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string name = "." + path.filename().string() + ".new-";
    for (auto byte : randomFixed<8>()) {
        name.push_back(kDigits[byte >> 4]);
        name.push_back(kDigits[byte & 0x0f]);
    }
    return path.parent_path() / name;
}

std::string alreadyExists(const std::filesystem::path& path)
{
    return "a key file already exists at '" + path.string() + "'; it was not replaced";
}

// Moves `from` to `to` only if `to` does not exist, atomically where the file system supports
// it (renameat2 RENAME_NOREPLACE: ext4, btrfs, xfs, tmpfs). Elsewhere falls back to a check
// followed by rename, which only a concurrent writer in the same directory could race.
Result<void> renameNoReplace(const std::filesystem::path& from, const std::filesystem::path& to)
{
    if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0)
        return {};
    if (errno == EEXIST)
        return fail(ErrorKind::Io, alreadyExists(to));
    if (errno != EINVAL && errno != ENOSYS && errno != ENOTSUP)
        return fail(ErrorKind::Io, "cannot create '" + to.string() + "': " + std::strerror(errno));
    std::error_code error;
    if (std::filesystem::exists(std::filesystem::symlink_status(to, error)))
        return fail(ErrorKind::Io, alreadyExists(to));
    if (::rename(from.c_str(), to.c_str()) != 0)
        return fail(ErrorKind::Io, "cannot create '" + to.string() + "': " + std::strerror(errno));
    return {};
}

} // namespace

Bytes Keystore::associatedData() const
{
    // A fixed binary layout of every header field rather than the JSON text, so whitespace or
    // key order in the file does not matter but every value does.
    Bytes ad;
    ad.reserve(128);
    appendText(ad, kFormatName);
    appendBigEndian(ad, kFormatVersion, 4);
    ad.push_back(m_kind == KeystorePayload::Mnemonic ? 1 : 2);
    ad.insert(ad.end(), m_address.bytes().begin(), m_address.bytes().end());
    appendText(ad, "argon2id");
    appendBigEndian(ad, m_params.opsLimit, 8);
    appendBigEndian(ad, m_params.memLimit, 8);
    ad.insert(ad.end(), m_salt.begin(), m_salt.end());
    appendText(ad, "xchacha20poly1305");
    ad.insert(ad.end(), m_nonce.begin(), m_nonce.end());
    return ad;
}

Result<Keystore> Keystore::create(KeystorePayload kind, const SecretBytes& secret,
                                  const Address& address, ByteView passphrase,
                                  const pwhash::Params& params)
{
    if (passphrase.empty())
        return fail(ErrorKind::InvalidInput, "the passphrase must not be empty");
    if (auto valid = pwhash::validate(params); !valid)
        return std::unexpected(valid.error());
    if (auto valid = checkSecret(kind, secret, address); !valid)
        return std::unexpected(valid.error());

    Keystore store;
    store.m_kind = kind;
    store.m_address = address;
    store.m_params = params;
    store.m_salt = pwhash::randomSalt();
    store.m_nonce = aead::randomNonce();

    auto key = pwhash::deriveKey(passphrase, store.m_salt, params);
    if (!key)
        return std::unexpected(key.error());
    store.m_ciphertext = aead::encrypt(*key, store.m_nonce, secret.view(), store.associatedData());
    return store;
}

Result<SecretBytes> Keystore::unlock(ByteView passphrase) const
{
    auto key = pwhash::deriveKey(passphrase, m_salt, m_params);
    if (!key)
        return std::unexpected(key.error());
    auto secret = aead::decryptSecret(*key, m_nonce, m_ciphertext, associatedData());
    if (!secret)
        return fail(ErrorKind::WrongPassphrase, kWrongPassphrase);
    // Authenticated, so this only trips on a file written by a buggy or hostile encoder with the
    // right passphrase; still, never hand out a key for a different account than the one shown.
    if (auto valid = checkSecret(m_kind, *secret, m_address); !valid)
        return fail(ErrorKind::Verification,
                    "the key file is inconsistent: " + valid.error().message);
    return secret;
}

Result<Keystore> Keystore::withNewPassphrase(ByteView oldPassphrase, ByteView newPassphrase,
                                             std::optional<pwhash::Params> params) const
{
    auto secret = unlock(oldPassphrase);
    if (!secret)
        return std::unexpected(secret.error());
    return create(m_kind, *secret, m_address, newPassphrase, params.value_or(m_params));
}

Result<Keystore> Keystore::load(const std::filesystem::path& path)
{
    auto bytes = readFileLimited(path, kMaxFileSize);
    if (!bytes)
        return std::unexpected(bytes.error());
    return parse(*bytes);
}

Result<void> Keystore::save(const std::filesystem::path& path, Overwrite overwrite) const
{
    Bytes contents = serialize();
    if (overwrite == Overwrite::Yes)
        return writeFileAtomically(path, contents);

    std::error_code error;
    if (std::filesystem::exists(std::filesystem::symlink_status(path, error)))
        return fail(ErrorKind::Io, alreadyExists(path));
    // Write the complete file under a temporary name, then move it into place without replacing
    // anything that appeared meanwhile.
    auto temporary = temporarySibling(path);
    if (auto written = writeFileAtomically(temporary, contents); !written)
        return written;
    if (auto moved = renameNoReplace(temporary, path); !moved) {
        ::unlink(temporary.c_str());
        return moved;
    }
    auto directory = path.parent_path().empty() ? std::filesystem::path(".") : path.parent_path();
    int dir = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return {};
}

Result<void> Keystore::changePassphrase(const std::filesystem::path& path, ByteView oldPassphrase,
                                        ByteView newPassphrase,
                                        std::optional<pwhash::Params> params)
{
    auto current = load(path);
    if (!current)
        return std::unexpected(current.error());
    auto replacement = current->withNewPassphrase(oldPassphrase, newPassphrase, params);
    if (!replacement)
        return std::unexpected(replacement.error());
    return replacement->save(path, Overwrite::Yes);
}

} // namespace ls::crypto
