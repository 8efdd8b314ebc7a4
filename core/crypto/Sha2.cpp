#include "core/crypto/Sha2.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <new>

namespace ls::crypto {
namespace {

// libsodium declares its key and message pointers nonnull even for zero lengths; an empty span
// may carry a null data(), so point such spans at a harmless byte instead.
const unsigned char* nonNull(ByteView view)
{
    static constexpr unsigned char kEmpty = 0;
    return view.empty() ? &kEmpty : view.data();
}

static_assert(sizeof(crypto_auth_hmacsha512_state) == HmacSha512::kStateSize);
static_assert(alignof(crypto_auth_hmacsha512_state) <= 16);

// The storage holds a crypto_auth_hmacsha512_state created by placement new in the constructor.
crypto_auth_hmacsha512_state* state(unsigned char* storage)
{
    return std::launder(reinterpret_cast<crypto_auth_hmacsha512_state*>(storage));
}

// Far beyond any sensible key, far below the 2^32 - 1 blocks PBKDF2 allows.
constexpr std::size_t kMaxPbkdf2Length = std::size_t { 1 } << 20;

} // namespace

FixedBytes<32> sha256(ByteView data)
{
    FixedBytes<32> out;
    crypto_hash_sha256(out.data(), nonNull(data), data.size());
    return out;
}

FixedBytes<64> sha512(ByteView data)
{
    FixedBytes<64> out;
    crypto_hash_sha512(out.data(), nonNull(data), data.size());
    return out;
}

HmacSha512::HmacSha512(ByteView key)
{
    // Keys longer than the 128-byte block are hashed first, as RFC 2104 requires; libsodium
    // does that and wipes its copy.
    new (m_keyed) crypto_auth_hmacsha512_state {};
    new (m_running) crypto_auth_hmacsha512_state {};
    crypto_auth_hmacsha512_init(state(m_keyed), nonNull(key), key.size());
    std::memcpy(m_running, m_keyed, kStateSize);
}

HmacSha512::~HmacSha512()
{
    secureWipe(m_keyed, kStateSize);
    secureWipe(m_running, kStateSize);
}

void HmacSha512::update(ByteView data)
{
    crypto_auth_hmacsha512_update(state(m_running), nonNull(data), data.size());
}

Secret<HmacSha512::kSize> HmacSha512::finish()
{
    Secret<kSize> out;
    crypto_auth_hmacsha512_final(state(m_running), out.data());
    std::memcpy(m_running, m_keyed, kStateSize);
    return out;
}

Secret<HmacSha512::kSize> hmacSha512(ByteView key, ByteView data)
{
    HmacSha512 mac(key);
    mac.update(data);
    return mac.finish();
}

Result<SecretBytes> pbkdf2HmacSha512(
    ByteView password, ByteView salt, std::uint32_t iterations, std::size_t length)
{
    if (iterations == 0)
        return fail(ErrorKind::InvalidInput, "PBKDF2 needs at least one iteration.");
    if (length == 0 || length > kMaxPbkdf2Length)
        return fail(ErrorKind::InvalidInput, "PBKDF2 output length is out of range.");

    SecretBytes out(length);
    HmacSha512 prf(password); // keyed once; every PRF call below reuses the keyed state
    std::size_t written = 0;
    for (std::uint32_t block = 1; written < length; ++block) {
        // U1 = PRF(P, S || INT_32_BE(i)); T = U1 ^ U2 ^ ... ^ Uc
        const std::uint8_t counter[4]
            = { static_cast<std::uint8_t>(block >> 24), static_cast<std::uint8_t>(block >> 16),
                  static_cast<std::uint8_t>(block >> 8), static_cast<std::uint8_t>(block) };
        prf.update(salt);
        prf.update(counter);
        Secret<HmacSha512::kSize> u = prf.finish();
        Secret<HmacSha512::kSize> t = u;
        for (std::uint32_t round = 1; round < iterations; ++round) {
            prf.update(u.view());
            u = prf.finish();
            for (std::size_t i = 0; i < HmacSha512::kSize; ++i)
                t.data()[i] ^= u.data()[i];
        }
        const std::size_t take = std::min(HmacSha512::kSize, length - written);
        std::copy_n(t.data(), take, out.data() + written);
        written += take;
    }
    return out;
}

} // namespace ls::crypto
