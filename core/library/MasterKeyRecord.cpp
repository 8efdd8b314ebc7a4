#include "core/library/MasterKeyRecord.h"

#include "core/library/LibrarySql.h"
#include "core/storage/Database.h"
#include "core/storage/Statement.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace ls::library {
namespace {

constexpr std::string_view kDomain = "lightstreams-library-master-key";

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

} // namespace

Bytes MasterKeyRecord::associatedData() const
{
    Bytes ad;
    ad.reserve(128);
    appendText(ad, kDomain);
    appendBigEndian(ad, m_format, 4);
    appendText(ad, "argon2id");
    appendBigEndian(ad, m_params.opsLimit, 8);
    appendBigEndian(ad, m_params.memLimit, 8);
    ad.insert(ad.end(), m_salt.begin(), m_salt.end());
    appendText(ad, "xchacha20poly1305");
    ad.insert(ad.end(), m_nonce.begin(), m_nonce.end());
    return ad;
}

Result<MasterKeyRecord> MasterKeyRecord::seal(
    const MasterKey& masterKey, ByteView passphrase, const crypto::pwhash::Params& params)
{
    if (passphrase.empty())
        return fail(ErrorKind::InvalidInput, "The library passphrase must not be empty.");
    if (auto valid = crypto::pwhash::validate(params); !valid)
        return std::unexpected(valid.error());
    MasterKeyRecord record;
    record.m_params = params;
    record.m_salt = crypto::pwhash::randomSalt();
    record.m_nonce = crypto::aead::randomNonce();
    auto wrappingKey = crypto::pwhash::deriveKey(passphrase, record.m_salt, params);
    if (!wrappingKey)
        return std::unexpected(wrappingKey.error());
    record.m_wrappedKey = crypto::aead::encrypt(
        *wrappingKey, record.m_nonce, masterKey.bytes().view(), record.associatedData());
    return record;
}

Result<MasterKey> MasterKeyRecord::unlock(ByteView passphrase) const
{
    auto wrappingKey = crypto::pwhash::deriveKey(passphrase, m_salt, m_params);
    if (!wrappingKey)
        return std::unexpected(wrappingKey.error());
    auto unwrapped
        = crypto::aead::decryptSecret(*wrappingKey, m_nonce, m_wrappedKey, associatedData());
    if (!unwrapped || unwrapped->size() != 32)
        return fail(ErrorKind::WrongPassphrase,
            "Wrong passphrase: the library could not be unlocked. Nothing was changed.");
    crypto::Secret<32> bytes;
    std::copy_n(unwrapped->data(), bytes.size(), bytes.data());
    return MasterKey::fromBytes(bytes);
}

Result<MasterKeyRecord> MasterKeyRecord::load(storage::Database& database)
{
    auto select = database.prepare("SELECT format, kdf_ops_limit, kdf_mem_limit, kdf_salt, nonce, "
                                   "wrapped_key FROM master_key WHERE id = 1");
    if (!select)
        return std::unexpected(select.error());
    auto row = select->step();
    if (!row)
        return std::unexpected(row.error());
    if (!*row)
        return sql::damaged("its master key record is missing");

    std::int64_t format = select->columnInt64(0);
    if (format != kFormatVersion)
        return fail(ErrorKind::Unsupported,
            "The library's master key uses format " + std::to_string(format)
                + ", which this version of Lightstreams does not know. Update the app.");
    std::int64_t ops = select->columnInt64(1);
    std::int64_t mem = select->columnInt64(2);
    if (ops <= 0 || mem <= 0)
        return sql::damaged("its master key record has impossible key derivation parameters");
    MasterKeyRecord record;
    record.m_params = { static_cast<std::uint64_t>(ops), static_cast<std::uint64_t>(mem) };
    if (auto valid = crypto::pwhash::validate(record.m_params); !valid)
        return fail(ErrorKind::InvalidInput,
            "The library's key derivation parameters are refused: " + valid.error().message);

    ByteView salt = select->columnBlob(3);
    ByteView nonce = select->columnBlob(4);
    ByteView wrapped = select->columnBlob(5);
    if (salt.size() != record.m_salt.size() || nonce.size() != record.m_nonce.size()
        || wrapped.size() != 32 + crypto::aead::kTagSize)
        return sql::damaged("its master key record has fields of the wrong size");
    std::ranges::copy(salt, record.m_salt.begin());
    std::ranges::copy(nonce, record.m_nonce.begin());
    record.m_wrappedKey.assign(wrapped.begin(), wrapped.end());
    select->reset();
    return record;
}

Result<void> MasterKeyRecord::store(storage::Database& database) const
{
    // Both limits are capped by pwhash::validate far below 2^63.
    auto insert = database.prepare("INSERT OR REPLACE INTO master_key (id, format, kdf_ops_limit, "
                                   "kdf_mem_limit, kdf_salt, nonce, wrapped_key) "
                                   "VALUES (1, ?1, ?2, ?3, ?4, ?5, ?6)");
    if (!insert)
        return std::unexpected(insert.error());
    if (auto bound = insert->bindAll(m_format, static_cast<std::int64_t>(m_params.opsLimit),
            static_cast<std::int64_t>(m_params.memLimit), m_salt, m_nonce, m_wrappedKey);
        !bound)
        return bound;
    return insert->run();
}

bool MasterKeyRecord::sameStoredBytes(const MasterKeyRecord& other) const
{
    return m_format == other.m_format && m_params == other.m_params && m_salt == other.m_salt
        && m_nonce == other.m_nonce && m_wrappedKey == other.m_wrappedKey;
}

} // namespace ls::library
