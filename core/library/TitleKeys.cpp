#include "core/library/TitleKeys.h"

#include "core/crypto/Keccak.h"
#include "core/crypto/KeyDerivation.h"
#include "core/crypto/Random.h"

#include <algorithm>
#include <string>

namespace ls::library {

TitleKey TitleKey::generate()
{
    return TitleKey(crypto::randomSecret<kSize>());
}

Result<TitleKey> TitleKey::fromBytes(ByteView bytes)
{
    if (bytes.size() != kSize)
        return fail(ErrorKind::InvalidInput,
            "A title key must be exactly 32 bytes, but this one is " + std::to_string(bytes.size())
                + " bytes long.");
    crypto::Secret<kSize> key;
    std::copy(bytes.begin(), bytes.end(), key.data());
    return TitleKey(key);
}

Result<VersionKey> TitleKey::versionKey(std::uint32_t version) const
{
    if (version == 0)
        return fail(ErrorKind::InvalidInput, "Version numbers start at 1; there is no version 0.");
    return crypto::kdf::deriveKey(m_key, version, kVersionKeyContext);
}

Hash256 TitleKey::commitment() const
{
    crypto::Keccak256 hasher;
    hasher.update(asBytes(kCommitmentDomain));
    hasher.update(m_key.view());
    return hasher.finish();
}

Result<void> TitleKey::checkCommitment(const Hash256& onChainCommitment) const
{
    Hash256 mine = commitment();
    if (!crypto::constantTimeEqual(mine, onChainCommitment))
        return fail(ErrorKind::Verification,
            "This key does not belong to the title: it does not match the key commitment "
            "the author published on chain.");
    return {};
}

} // namespace ls::library
