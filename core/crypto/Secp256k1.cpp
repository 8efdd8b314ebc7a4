#include "core/crypto/Secp256k1.h"

#include "core/crypto/Random.h"

#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace ls::crypto {
namespace {

// n / 2 for secp256k1, big-endian: a signature is "low-S" when s <= this (EIP-2).
constexpr FixedBytes<32> kHalfOrder = {
    0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
    0x5d, 0x57, 0x6e, 0x73, 0x57, 0xa4, 0x50, 0x1d, 0xdf, 0xe9, 0x2f, 0x46, 0x68, 0x1b, 0x20, 0xa0,
};

[[noreturn]] void fatal(const char* what)
{
    std::fprintf(stderr, "fatal: secp256k1: %s\n", what);
    std::abort();
}

// One context for the whole process. It is randomised once (blinding against side channels)
// before anyone can see it; afterwards libsecp256k1 only reads it, so concurrent signing,
// verification and recovery from any thread are safe.
const secp256k1_context* context()
{
    static const secp256k1_context* const ctx = [] {
        secp256k1_context* created = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
        if (created == nullptr)
            fatal("cannot create a context");
        auto seed = randomSecret<32>();
        if (secp256k1_context_randomize(created, seed.data()) != 1)
            fatal("cannot randomise the context");
        return created;
    }();
    return ctx;
}

bool isZero(const FixedBytes<32>& value)
{
    return std::all_of(value.begin(), value.end(), [](std::uint8_t b) { return b == 0; });
}

FixedBytes<65> serializeUncompressed(const secp256k1_pubkey& key)
{
    FixedBytes<65> out{};
    std::size_t length = out.size();
    if (secp256k1_ec_pubkey_serialize(context(), out.data(), &length, &key,
                                      SECP256K1_EC_UNCOMPRESSED)
            != 1
        || length != out.size())
        fatal("cannot serialise a public key");
    return out;
}

FixedBytes<64> dropPrefix(const FixedBytes<65>& uncompressed)
{
    FixedBytes<64> xy{};
    std::copy(uncompressed.begin() + 1, uncompressed.end(), xy.begin());
    return xy;
}

secp256k1_pubkey toLibrary(const FixedBytes<64>& xy)
{
    // m_xy was validated on construction, so parsing it again cannot fail.
    FixedBytes<65> full{};
    full[0] = 0x04;
    std::copy(xy.begin(), xy.end(), full.begin() + 1);
    secp256k1_pubkey key{};
    if (secp256k1_ec_pubkey_parse(context(), &key, full.data(), full.size()) != 1)
        fatal("a validated public key no longer parses");
    return key;
}

} // namespace

// ---- PublicKey ------------------------------------------------------------------------------

Result<PublicKey> PublicKey::parse(ByteView serialized)
{
    // libsecp256k1 also accepts the "hybrid" 0x06/0x07 encodings; nothing legitimate produces
    // them and accepting them would give one key several encodings, so they are refused.
    bool compressed = serialized.size() == 33 && (serialized[0] == 0x02 || serialized[0] == 0x03);
    bool uncompressed = serialized.size() == 65 && serialized[0] == 0x04;
    if (!compressed && !uncompressed)
        return fail(ErrorKind::InvalidInput,
                    "a public key must be 33 bytes (compressed) or 65 bytes (uncompressed)");
    secp256k1_pubkey key{};
    if (secp256k1_ec_pubkey_parse(context(), &key, serialized.data(), serialized.size()) != 1)
        return fail(ErrorKind::InvalidInput, "the public key is not a point on secp256k1");
    return PublicKey(dropPrefix(serializeUncompressed(key)));
}

Result<PublicKey> PublicKey::fromXY(ByteView xy)
{
    if (xy.size() != 64)
        return fail(ErrorKind::InvalidInput, "a raw public key must be 64 bytes (X and Y)");
    FixedBytes<65> full{};
    full[0] = 0x04;
    std::copy(xy.begin(), xy.end(), full.begin() + 1);
    return parse(full);
}

FixedBytes<33> PublicKey::compressed() const
{
    secp256k1_pubkey key = toLibrary(m_xy);
    FixedBytes<33> out{};
    std::size_t length = out.size();
    if (secp256k1_ec_pubkey_serialize(context(), out.data(), &length, &key, SECP256K1_EC_COMPRESSED)
            != 1
        || length != out.size())
        fatal("cannot serialise a public key");
    return out;
}

FixedBytes<65> PublicKey::uncompressed() const
{
    FixedBytes<65> out{};
    out[0] = 0x04;
    std::copy(m_xy.begin(), m_xy.end(), out.begin() + 1);
    return out;
}

// ---- PrivateKey -----------------------------------------------------------------------------

Result<PrivateKey> PrivateKey::fromBytes(ByteView bytes)
{
    if (bytes.size() != 32)
        return fail(ErrorKind::InvalidInput, "a private key must be exactly 32 bytes");
    Secret<32> secret;
    std::memcpy(secret.data(), bytes.data(), 32);
    if (secp256k1_ec_seckey_verify(context(), secret.data()) != 1)
        return fail(ErrorKind::InvalidInput,
                    "the private key is out of range (zero or not below the curve order)");
    return PrivateKey(secret);
}

PrivateKey PrivateKey::generate()
{
    // A random 256-bit value is out of range with probability ~2^-128; loop for correctness.
    for (;;) {
        auto secret = randomSecret<32>();
        if (secp256k1_ec_seckey_verify(context(), secret.data()) == 1)
            return PrivateKey(secret);
    }
}

PublicKey PrivateKey::publicKey() const
{
    secp256k1_pubkey key{};
    if (secp256k1_ec_pubkey_create(context(), &key, m_secret.data()) != 1)
        fatal("a validated private key was rejected");
    return PublicKey(dropPrefix(serializeUncompressed(key)));
}

// ---- RecoverableSignature -------------------------------------------------------------------

FixedBytes<65> RecoverableSignature::toBytes() const
{
    FixedBytes<65> out{};
    std::copy(r.begin(), r.end(), out.begin());
    std::copy(s.begin(), s.end(), out.begin() + 32);
    out[64] = recoveryId;
    return out;
}

Result<RecoverableSignature> RecoverableSignature::fromBytes(ByteView bytes)
{
    if (bytes.size() != 65)
        return fail(ErrorKind::InvalidInput, "a signature must be 65 bytes (r, s and v)");
    RecoverableSignature signature;
    std::copy(bytes.begin(), bytes.begin() + 32, signature.r.begin());
    std::copy(bytes.begin() + 32, bytes.begin() + 64, signature.s.begin());
    std::uint8_t v = bytes[64];
    if (v == 27 || v == 28)
        v = static_cast<std::uint8_t>(v - 27); // the pre-EIP-155 Ethereum convention
    if (v > 1)
        return fail(ErrorKind::InvalidInput,
                    "the signature's recovery id (v) must be 0, 1, 27 or 28");
    signature.recoveryId = v;
    return signature;
}

bool RecoverableSignature::isLowS() const
{
    // Lexicographic comparison of equal-length big-endian numbers is numeric comparison.
    return !std::lexicographical_compare(kHalfOrder.begin(), kHalfOrder.end(), s.begin(), s.end());
}

// ---- sign / recover / verify ----------------------------------------------------------------

RecoverableSignature sign(const PrivateKey& key, const Hash256& digest)
{
    secp256k1_ecdsa_recoverable_signature raw{};
    // A null nonce function selects RFC 6979, so equal inputs give equal signatures.
    if (secp256k1_ecdsa_sign_recoverable(context(), &raw, digest.data(), key.secret().data(),
                                         nullptr, nullptr)
        != 1)
        fatal("signing with a validated key failed");
    FixedBytes<64> compact{};
    int recoveryId = 0;
    if (secp256k1_ecdsa_recoverable_signature_serialize_compact(context(), compact.data(),
                                                                &recoveryId, &raw)
        != 1)
        fatal("cannot serialise a signature");

    RecoverableSignature signature;
    std::copy(compact.begin(), compact.begin() + 32, signature.r.begin());
    std::copy(compact.begin() + 32, compact.end(), signature.s.begin());
    signature.recoveryId = static_cast<std::uint8_t>(recoveryId);
    // libsecp256k1 always emits low-S and, for curve points with x < n, recovery ids 0/1 only
    // (x >= n has probability ~2^-127). Anything else would be a library bug: stop rather than
    // hand out a signature Ethereum nodes reject.
    if (!signature.isLowS() || signature.recoveryId > 1)
        fatal("libsecp256k1 produced a non-canonical signature");
    return signature;
}

Result<PublicKey> recover(const Hash256& digest, const RecoverableSignature& signature)
{
    if (signature.recoveryId > 1)
        return fail(ErrorKind::Verification, "the signature's recovery id must be 0 or 1");
    if (isZero(signature.r) || isZero(signature.s))
        return fail(ErrorKind::Verification, "the signature has a zero r or s");
    if (!signature.isLowS())
        return fail(ErrorKind::Verification,
                    "the signature is not in canonical low-S form (EIP-2)");

    FixedBytes<64> compact{};
    std::copy(signature.r.begin(), signature.r.end(), compact.begin());
    std::copy(signature.s.begin(), signature.s.end(), compact.begin() + 32);
    secp256k1_ecdsa_recoverable_signature raw{};
    // parse_compact rejects r or s >= n (the curve order).
    if (secp256k1_ecdsa_recoverable_signature_parse_compact(context(), &raw, compact.data(),
                                                            signature.recoveryId)
        != 1)
        return fail(ErrorKind::Verification, "the signature's r or s is out of range");

    secp256k1_pubkey key{};
    if (secp256k1_ecdsa_recover(context(), &key, &raw, digest.data()) != 1)
        return fail(ErrorKind::Verification, "no public key can be recovered from the signature");
    return PublicKey(dropPrefix(serializeUncompressed(key)));
}

bool verify(const PublicKey& key, const Hash256& digest, const RecoverableSignature& signature)
{
    // Verification goes through recovery on purpose: the recovery id must be right too. A
    // verifier that ignored it would accept a signature from which other nodes (which recover
    // the signer, as Ethereum does) derive a different address — a consensus split waiting to
    // happen. Recovery costs about the same as a plain ECDSA verification.
    auto recovered = recover(digest, signature);
    return recovered && *recovered == key;
}

} // namespace ls::crypto
