#include "core/library/MasterKey.h"

#include "core/crypto/KeyDerivation.h"
#include "core/crypto/Random.h"

#include <algorithm>
#include <string>
#include <string_view>

namespace ls::library {
namespace {

// A subkey per purpose, so the master key itself never encrypts anything and later uses (say,
// encrypted notes) get independent keys from the same master.
constexpr std::string_view kTitleKeyContext = "LSlibttl";
constexpr std::uint64_t kTitleKeySubkeyId = 1;
constexpr std::string_view kTitleKeyDomain = "lightstreams-library-title-key";

Bytes titleKeyAssociatedData(std::uint64_t titleId)
{
    Bytes ad(kTitleKeyDomain.begin(), kTitleKeyDomain.end());
    ad.push_back(0);
    ad.push_back(MasterKey::kTitleKeyFormat);
    for (int shift = 56; shift >= 0; shift -= 8)
        ad.push_back(static_cast<std::uint8_t>(titleId >> shift));
    return ad;
}

std::unexpected<Error> cannotUnwrap(std::uint64_t titleId, const std::string& why)
{
    return fail(ErrorKind::Verification,
        "The stored key of title " + std::to_string(titleId) + " cannot be used: " + why
            + ". Ask for the key again (it is delivered to every licence holder).");
}

} // namespace

Result<MasterKey> MasterKey::generate()
{
    return fromBytes(crypto::randomSecret<32>());
}

Result<MasterKey> MasterKey::fromBytes(const crypto::Secret<32>& bytes)
{
    MasterKey key;
    key.m_key = bytes;
    auto wrapping = crypto::kdf::deriveKey(bytes, kTitleKeySubkeyId, kTitleKeyContext);
    if (!wrapping)
        return std::unexpected(wrapping.error());
    key.m_titleKeyWrapping = *wrapping;
    return key;
}

Bytes MasterKey::wrapTitleKey(std::uint64_t titleId, const TitleKey& titleKey) const
{
    auto nonce = crypto::aead::randomNonce();
    Bytes wrapped;
    wrapped.reserve(kWrappedTitleKeySize);
    wrapped.push_back(kTitleKeyFormat);
    wrapped.insert(wrapped.end(), nonce.begin(), nonce.end());
    Bytes sealed = crypto::aead::encrypt(
        m_titleKeyWrapping, nonce, titleKey.bytes(), titleKeyAssociatedData(titleId));
    wrapped.insert(wrapped.end(), sealed.begin(), sealed.end());
    return wrapped;
}

Result<TitleKey> MasterKey::unwrapTitleKey(std::uint64_t titleId, ByteView wrapped) const
{
    if (wrapped.size() != kWrappedTitleKeySize)
        return cannotUnwrap(titleId, "it has the wrong size (the library database was altered)");
    if (wrapped[0] != kTitleKeyFormat)
        return fail(ErrorKind::Unsupported,
            "The stored key of title " + std::to_string(titleId) + " uses wrapping format "
                + std::to_string(wrapped[0]) + ", which this version does not know.");
    crypto::aead::Nonce nonce {};
    std::copy_n(wrapped.begin() + 1, nonce.size(), nonce.begin());
    auto key = crypto::aead::decryptSecret(m_titleKeyWrapping, nonce,
        wrapped.subspan(1 + nonce.size()), titleKeyAssociatedData(titleId));
    if (!key)
        return cannotUnwrap(
            titleId, "it does not authenticate (altered, or wrapped for another title or library)");
    return TitleKey::fromBytes(key->view());
}

} // namespace ls::library
