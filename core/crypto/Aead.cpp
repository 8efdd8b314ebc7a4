#include "core/crypto/Aead.h"

#include "core/crypto/Random.h"
#include "core/crypto/Sodium.h"

#include <sodium.h>

#include <string>

namespace ls::crypto::aead {
namespace {

static_assert(kKeySize == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
static_assert(kNonceSize == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(kTagSize == crypto_aead_xchacha20poly1305_ietf_ABYTES);

constexpr const char* kUndecryptable = "could not be decrypted: wrong key or damaged data";

// libsodium allows the output to be exactly the input (in place) but not a partial overlap.
bool overlapsBadly(ByteView in, std::span<const std::uint8_t> out)
{
    if (in.empty() || out.empty() || in.data() == out.data())
        return false;
    auto inBegin = reinterpret_cast<std::uintptr_t>(in.data());
    auto outBegin = reinterpret_cast<std::uintptr_t>(out.data());
    return inBegin < outBegin + out.size() && outBegin < inBegin + in.size();
}

// libsodium takes null for empty *inputs*, but a span's data() may be anything when it is empty;
// pass null explicitly so there is no doubt.
const unsigned char* pointerOrNull(ByteView view)
{
    return view.empty() ? nullptr : view.data();
}

// Some of its pointers are declared nonnull even when nothing is read or written (an empty
// message: the ciphertext of decryption, the output of encryption): point those at a scratch
// byte instead of null.
unsigned char* writablePointer(std::span<std::uint8_t> buffer)
{
    static thread_local unsigned char scratch = 0;
    return buffer.empty() ? &scratch : buffer.data();
}

} // namespace

Key generateKey()
{
    return randomSecret<kKeySize>();
}

Nonce randomNonce()
{
    return randomFixed<kNonceSize>();
}

Result<void> encryptInto(const Key& key, const Nonce& nonce, ByteView plaintext, ByteView ad,
                         std::span<std::uint8_t> out)
{
    ensureSodium();
    if (out.size() != plaintext.size() + kTagSize)
        return fail(ErrorKind::Internal, "encryption buffer has the wrong size");
    if (overlapsBadly(plaintext, out))
        return fail(ErrorKind::Internal, "encryption buffers overlap");
    // The tag goes after the ciphertext; the detached call lets the ciphertext share the
    // plaintext's address while the tag lands at the end.
    crypto_aead_xchacha20poly1305_ietf_encrypt_detached(
        out.data(), out.data() + plaintext.size(), nullptr, pointerOrNull(plaintext),
        plaintext.size(), pointerOrNull(ad), ad.size(), nullptr, nonce.data(), key.data());
    return {};
}

Result<void> decryptInto(const Key& key, const Nonce& nonce, ByteView ciphertextAndTag, ByteView ad,
                         std::span<std::uint8_t> out)
{
    ensureSodium();
    if (ciphertextAndTag.size() < kTagSize)
        return fail(ErrorKind::Verification, kUndecryptable);
    std::size_t plainSize = ciphertextAndTag.size() - kTagSize;
    if (out.size() != plainSize)
        return fail(ErrorKind::Internal, "decryption buffer has the wrong size");
    if (overlapsBadly(ciphertextAndTag.first(plainSize), out))
        return fail(ErrorKind::Internal, "decryption buffers overlap");
    // libsodium verifies the tag (in constant time) before writing any plaintext.
    int rc = crypto_aead_xchacha20poly1305_ietf_decrypt_detached(
        writablePointer(out), nullptr, ciphertextAndTag.data(), plainSize,
        ciphertextAndTag.data() + plainSize, pointerOrNull(ad), ad.size(), nonce.data(),
        key.data());
    if (rc != 0) {
        secureWipe(out.data(), out.size());
        return fail(ErrorKind::Verification, kUndecryptable);
    }
    return {};
}

Bytes encrypt(const Key& key, const Nonce& nonce, ByteView plaintext, ByteView ad)
{
    Bytes out(plaintext.size() + kTagSize);
    // Cannot fail: the buffer is sized here and is distinct from the input.
    (void)encryptInto(key, nonce, plaintext, ad, out);
    return out;
}

Result<Bytes> decrypt(const Key& key, const Nonce& nonce, ByteView ciphertextAndTag, ByteView ad)
{
    if (ciphertextAndTag.size() < kTagSize)
        return fail(ErrorKind::Verification, kUndecryptable);
    Bytes out(ciphertextAndTag.size() - kTagSize);
    if (auto done = decryptInto(key, nonce, ciphertextAndTag, ad, out); !done)
        return std::unexpected(done.error());
    return out;
}

Result<SecretBytes> decryptSecret(const Key& key, const Nonce& nonce, ByteView ciphertextAndTag,
                                  ByteView ad)
{
    if (ciphertextAndTag.size() < kTagSize)
        return fail(ErrorKind::Verification, kUndecryptable);
    SecretBytes out(ciphertextAndTag.size() - kTagSize);
    if (auto done = decryptInto(key, nonce, ciphertextAndTag, ad,
                                std::span<std::uint8_t>(out.data(), out.size()));
        !done)
        return std::unexpected(done.error());
    return out;
}

Tag encryptInPlace(const Key& key, const Nonce& nonce, std::span<std::uint8_t> data, ByteView ad)
{
    ensureSodium();
    Tag tag{};
    unsigned char* buffer = writablePointer(data);
    crypto_aead_xchacha20poly1305_ietf_encrypt_detached(buffer, tag.data(), nullptr, pointerOrNull(data),
                                                        data.size(), pointerOrNull(ad), ad.size(),
                                                        nullptr, nonce.data(), key.data());
    return tag;
}

Result<void> decryptInPlace(const Key& key, const Nonce& nonce, std::span<std::uint8_t> data,
                            const Tag& tag, ByteView ad)
{
    ensureSodium();
    unsigned char* buffer = writablePointer(data);
    int rc = crypto_aead_xchacha20poly1305_ietf_decrypt_detached(
        buffer, nullptr, buffer, data.size(), tag.data(), pointerOrNull(ad), ad.size(),
        nonce.data(), key.data());
    if (rc != 0) {
        // Leave neither ciphertext nor anything half-processed behind for a careless caller.
        secureWipe(data.data(), data.size());
        return fail(ErrorKind::Verification, kUndecryptable);
    }
    return {};
}

} // namespace ls::crypto::aead
