#include "core/crypto/SealedBox.h"

#include "core/crypto/Sodium.h"

#include <sodium.h>

namespace ls::crypto::sealedbox {

static_assert(kPublicKeySize == crypto_box_PUBLICKEYBYTES);
static_assert(kSecretKeySize == crypto_box_SECRETKEYBYTES);
static_assert(kSeedSize == crypto_box_SEEDBYTES);
static_assert(kOverhead == crypto_box_SEALBYTES);

KeyPair KeyPair::generate()
{
    ensureSodium();
    KeyPair pair;
    crypto_box_keypair(pair.publicKey.data(), pair.secretKey.data());
    return pair;
}

KeyPair KeyPair::fromSeed(const Secret<kSeedSize>& seed)
{
    ensureSodium();
    KeyPair pair;
    crypto_box_seed_keypair(pair.publicKey.data(), pair.secretKey.data(), seed.data());
    return pair;
}

Result<Bytes> seal(const PublicKey& recipient, ByteView message)
{
    ensureSodium();
    Bytes out(message.size() + kOverhead);
    if (crypto_box_seal(out.data(), message.empty() ? nullptr : message.data(), message.size(),
                        recipient.data())
        != 0)
        return fail(ErrorKind::InvalidInput, "the recipient's public key is not usable");
    return out;
}

Result<SecretBytes> open(ByteView sealed, const KeyPair& recipient)
{
    ensureSodium();
    if (sealed.size() < kOverhead)
        return fail(ErrorKind::Verification, "could not be decrypted: wrong key or damaged data");
    SecretBytes out(sealed.size() - kOverhead);
    if (crypto_box_seal_open(out.data(), sealed.data(), sealed.size(), recipient.publicKey.data(),
                             recipient.secretKey.data())
        != 0)
        return fail(ErrorKind::Verification, "could not be decrypted: wrong key or damaged data");
    return out;
}

} // namespace ls::crypto::sealedbox
