#include "core/library/ContainerCipher.h"

#include "core/crypto/KeyDerivation.h"

#include <algorithm>
#include <limits>

namespace ls::library {
namespace {

constexpr std::uint64_t kHeaderTagIndex = std::numeric_limits<std::uint64_t>::max();

void putBigEndian64(std::uint8_t* out, std::uint64_t value)
{
    for (int i = 0; i < 8; ++i)
        out[i] = static_cast<std::uint8_t>(value >> (8 * (7 - i)));
}

} // namespace

ContainerCipher::ContainerCipher(
    const VersionKey& key, const FixedBytes<container::kNonceBaseSize>& nonceBase)
    : m_key(key)
    , m_nonceBase(nonceBase)
{
}

FixedBytes<container::kKeyCheckSize> ContainerCipher::keyCheck(const VersionKey& key)
{
    FixedBytes<container::kKeyCheckSize> check {};
    // Cannot fail: the context is 8 bytes and the output 16, both within crypto_kdf's limits.
    (void)crypto::kdf::derive(check, key, 0, kKeyCheckContext);
    return check;
}

bool ContainerCipher::keyMatches(const FixedBytes<container::kKeyCheckSize>& storedKeyCheck) const
{
    return crypto::constantTimeEqual(keyCheck(m_key), storedKeyCheck);
}

crypto::aead::Tag ContainerCipher::headerTag(ByteView authenticatedPart) const
{
    return tagOfEmptyMessage(nonceFor(kHeaderTagIndex), authenticatedPart);
}

bool ContainerCipher::headerTagMatches(
    ByteView authenticatedPart, const crypto::aead::Tag& tag) const
{
    return crypto::constantTimeEqual(headerTag(authenticatedPart), tag);
}

void ContainerCipher::sealChunk(
    std::uint64_t index, bool final, std::span<std::uint8_t> chunk) const
{
    auto ad = adFor(index, final);
    auto plaintext = chunk.first(chunk.size() - container::kTagSize);
    // Cannot fail: `chunk` is exactly plaintext + tag and starts where the plaintext does.
    (void)crypto::aead::encryptInto(m_key, nonceFor(index), plaintext, ad, chunk);
}

Result<void> ContainerCipher::openChunk(std::uint64_t index, bool final, ByteView ciphertextAndTag,
    std::span<std::uint8_t> plaintext) const
{
    if (ciphertextAndTag.size() < container::kTagSize)
        return fail(ErrorKind::Verification, "a container chunk is shorter than its tag");
    auto ad = adFor(index, final);
    if (ciphertextAndTag.size() == container::kTagSize) {
        // An empty chunk (empty content) is only a tag: recompute and compare it. Same check as
        // a decryption, without handing libsodium a null ciphertext pointer it declares nonnull.
        crypto::aead::Tag stored;
        std::copy(ciphertextAndTag.begin(), ciphertextAndTag.end(), stored.begin());
        if (!crypto::constantTimeEqual(tagOfEmptyMessage(nonceFor(index), ad), stored))
            return fail(
                ErrorKind::Verification, "could not be decrypted: wrong key or damaged data");
        return {};
    }
    return crypto::aead::decryptInto(m_key, nonceFor(index), ciphertextAndTag, ad, plaintext);
}

crypto::aead::Tag ContainerCipher::tagOfEmptyMessage(
    const crypto::aead::Nonce& nonce, ByteView ad) const
{
    // encryptInto with an empty plaintext writes just the tag, into a real buffer (the in-place
    // form would pass libsodium a null output pointer for an empty message).
    crypto::aead::Tag tag {};
    (void)crypto::aead::encryptInto(m_key, nonce, {}, ad, tag);
    return tag;
}

crypto::aead::Nonce ContainerCipher::nonceFor(std::uint64_t index) const
{
    crypto::aead::Nonce nonce {};
    std::copy(m_nonceBase.begin(), m_nonceBase.end(), nonce.begin());
    putBigEndian64(nonce.data() + container::kNonceBaseSize, index);
    return nonce;
}

FixedBytes<ContainerCipher::kAdSize> ContainerCipher::adFor(std::uint64_t index, bool final) const
{
    FixedBytes<kAdSize> ad {};
    std::copy(m_headerHash.begin(), m_headerHash.end(), ad.begin());
    putBigEndian64(ad.data() + m_headerHash.size(), index);
    ad[kAdSize - 1] = final ? 1 : 0;
    return ad;
}

} // namespace ls::library
