#include "core/crypto/PasswordHash.h"

#include "core/crypto/Random.h"
#include "core/crypto/Sodium.h"

#include <sodium.h>

#include <string>

namespace ls::crypto::pwhash {

static_assert(kSaltSize == crypto_pwhash_argon2id_SALTBYTES);

Params Params::moderate()
{
    return {crypto_pwhash_argon2id_OPSLIMIT_MODERATE, crypto_pwhash_argon2id_MEMLIMIT_MODERATE};
}

Params Params::interactive()
{
    return {crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE,
            crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
}

Result<void> validate(const Params& params)
{
    if (params.opsLimit < crypto_pwhash_argon2id_OPSLIMIT_MIN || params.opsLimit > kMaxOpsLimit)
        return fail(ErrorKind::InvalidInput,
                    "the Argon2id pass count " + std::to_string(params.opsLimit)
                        + " is outside the accepted range 1–" + std::to_string(kMaxOpsLimit));
    if (params.memLimit < crypto_pwhash_argon2id_MEMLIMIT_MIN || params.memLimit > kMaxMemLimit)
        return fail(ErrorKind::InvalidInput,
                    "the Argon2id memory size " + std::to_string(params.memLimit)
                        + " bytes is outside the accepted range "
                        + std::to_string(crypto_pwhash_argon2id_MEMLIMIT_MIN) + "–"
                        + std::to_string(kMaxMemLimit) + " bytes");
    // Both factors are capped above, so the product cannot overflow.
    if (params.opsLimit * params.memLimit > kMaxWork)
        return fail(ErrorKind::InvalidInput, "the Argon2id parameters ("
                                                 + std::to_string(params.opsLimit) + " passes over "
                                                 + std::to_string(params.memLimit >> 20)
                                                 + " MiB) would take too long to compute");
    return {};
}

Salt randomSalt()
{
    return randomFixed<kSaltSize>();
}

Result<void> derive(std::span<std::uint8_t> out, ByteView passphrase, const Salt& salt,
                    const Params& params)
{
    ensureSodium();
    if (auto valid = validate(params); !valid)
        return valid;
    if (out.size() < crypto_pwhash_argon2id_BYTES_MIN)
        return fail(ErrorKind::Internal, "password hash output is too short");
    if (passphrase.size() > crypto_pwhash_argon2id_PASSWD_MAX)
        return fail(ErrorKind::InvalidInput, "the passphrase is too long");

    // libsodium reads the passphrase as char*; an empty one is allowed, so pass a valid pointer.
    static const char kEmpty = 0;
    const char* text =
        passphrase.empty() ? &kEmpty : reinterpret_cast<const char*>(passphrase.data());
    if (crypto_pwhash(out.data(), out.size(), text, passphrase.size(), salt.data(), params.opsLimit,
                      static_cast<std::size_t>(params.memLimit), crypto_pwhash_ALG_ARGON2ID13)
        != 0) {
        secureWipe(out.data(), out.size());
        // Valid params leave only allocation failure.
        return fail(ErrorKind::Io, "not enough memory to derive the key ("
                                       + std::to_string(params.memLimit >> 20) + " MiB needed)");
    }
    return {};
}

Result<Secret<32>> deriveKey(ByteView passphrase, const Salt& salt, const Params& params)
{
    Secret<32> key;
    if (auto done =
            derive(std::span<std::uint8_t>(key.data(), key.size()), passphrase, salt, params);
        !done)
        return std::unexpected(done.error());
    return key;
}

} // namespace ls::crypto::pwhash
