#include "core/crypto/Random.h"

#include "core/crypto/Sodium.h"

#include <sodium.h>

namespace ls::crypto {

void randomBytes(std::span<std::uint8_t> out)
{
    ensureSodium();
    if (!out.empty())
        randombytes_buf(out.data(), out.size());
}

Bytes randomBytes(std::size_t size)
{
    Bytes out(size);
    randomBytes(std::span<std::uint8_t>(out));
    return out;
}

SecretBytes randomSecretBytes(std::size_t size)
{
    SecretBytes out(size);
    randomBytes(std::span<std::uint8_t>(out.data(), out.size()));
    return out;
}

std::uint32_t randomUniform(std::uint32_t upperBound)
{
    if (upperBound == 0)
        return 0;
    ensureSodium();
    return randombytes_uniform(upperBound);
}

} // namespace ls::crypto
