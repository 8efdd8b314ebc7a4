#include "core/crypto/KeyDerivation.h"

#include "core/crypto/Sodium.h"

#include <sodium.h>

#include <array>
#include <string>

namespace ls::crypto::kdf {

static_assert(kMasterKeySize == crypto_kdf_KEYBYTES);
static_assert(kContextSize == crypto_kdf_CONTEXTBYTES);
static_assert(kMinSubkeySize == crypto_kdf_BYTES_MIN);
static_assert(kMaxSubkeySize == crypto_kdf_BYTES_MAX);

Result<void> derive(std::span<std::uint8_t> out, const MasterKey& master, std::uint64_t subkeyId,
                    std::string_view context)
{
    ensureSodium();
    if (context.size() != kContextSize)
        return fail(ErrorKind::InvalidInput,
                    "a key derivation context must be exactly 8 characters, not "
                        + std::to_string(context.size()));
    if (out.size() < kMinSubkeySize || out.size() > kMaxSubkeySize)
        return fail(ErrorKind::InvalidInput, "a derived key must be 16 to 64 bytes long");
    // libsodium reads exactly 8 context bytes; a string_view need not be NUL-terminated.
    std::array<char, kContextSize> ctx{};
    context.copy(ctx.data(), kContextSize);
    if (crypto_kdf_derive_from_key(out.data(), out.size(), subkeyId, ctx.data(), master.data())
        != 0)
        return fail(ErrorKind::Internal, "key derivation failed");
    return {};
}

Result<Secret<32>> deriveKey(const MasterKey& master, std::uint64_t subkeyId,
                             std::string_view context)
{
    Secret<32> key;
    if (auto done =
            derive(std::span<std::uint8_t>(key.data(), key.size()), master, subkeyId, context);
        !done)
        return std::unexpected(done.error());
    return key;
}

} // namespace ls::crypto::kdf
