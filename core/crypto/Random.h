#pragma once

#include "core/crypto/SecureMemory.h"
#include "core/util/Bytes.h"

#include <cstddef>
#include <cstdint>
#include <span>

namespace ls::crypto {

// Cryptographically secure random bytes from the OS CSPRNG (libsodium's randombytes, which uses
// getrandom(2) on Linux). These never fail: libsodium aborts if the OS cannot supply entropy.
void randomBytes(std::span<std::uint8_t> out);
Bytes randomBytes(std::size_t size);
SecretBytes randomSecretBytes(std::size_t size);

template <std::size_t N>
FixedBytes<N> randomFixed()
{
    FixedBytes<N> out;
    randomBytes(std::span<std::uint8_t>(out));
    return out;
}

template <std::size_t N>
Secret<N> randomSecret()
{
    Secret<N> out;
    randomBytes(std::span<std::uint8_t>(out.data(), N));
    return out;
}

// A uniformly distributed integer in [0, upperBound); 0 when upperBound is 0.
std::uint32_t randomUniform(std::uint32_t upperBound);

} // namespace ls::crypto
