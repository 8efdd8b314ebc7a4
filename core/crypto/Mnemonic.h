#pragma once

#include "core/crypto/SecureMemory.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <utility>

namespace ls::crypto {

// A BIP-39 recovery phrase in the English word list: 12, 15, 18, 21 or 24 words encoding
// 128–256 bits of entropy plus a checksum. The phrase is held normalised (lowercase words
// separated by single spaces) in wiped memory.
class Mnemonic {
public:
    static constexpr std::size_t kMaxWordLength = 8; // longest word in the English list
    static constexpr std::size_t kSeedSize = 64;
    static constexpr std::uint32_t kSeedIterations = 2048; // PBKDF2 rounds fixed by BIP-39

    // A fresh phrase from the OS CSPRNG. `entropyBits` is 128 (12 words), 160, 192, 224 or
    // 256 (24 words).
    static Result<Mnemonic> generate(std::size_t entropyBits = 128);

    // The phrase for 16, 20, 24, 28 or 32 bytes of entropy.
    static Result<Mnemonic> fromEntropy(ByteView entropy);

    // Reads a phrase typed or pasted by a user. Leading/trailing whitespace is dropped, runs of
    // whitespace (including no-break spaces) count as one separator, and letters are lowercased.
    // BIP-39 asks for NFKD normalisation; for the English list, which is plain lowercase ASCII,
    // NFKD changes nothing a valid phrase can contain, so it is not applied here. Errors say
    // what to fix: an unknown word (with its position), a wrong word count, or a checksum that
    // does not match (ErrorKind::Verification).
    static Result<Mnemonic> parse(std::string_view phrase);

    // The normalised phrase, e.g. "abandon abandon … about". Secret: never log it.
    std::string_view phrase() const { return m_phrase.asText(); }
    std::size_t wordCount() const { return m_wordCount; }
    const SecretBytes& entropy() const { return m_entropy; }

    // The 64-byte BIP-39 seed: PBKDF2-HMAC-SHA512(phrase, "mnemonic" + passphrase, 2048).
    // The passphrase is UTF-8 and is NFKD-normalised as BIP-39 requires; it fails only when
    // the passphrase is not valid UTF-8 (replacing bad bytes would silently give another wallet).
    Result<Secret<kSeedSize>> seed(std::string_view passphrase = {}) const;

private:
    Mnemonic(SecretBytes phrase, SecretBytes entropy, std::size_t wordCount)
        : m_phrase(std::move(phrase))
        , m_entropy(std::move(entropy))
        , m_wordCount(wordCount)
    {
    }

    SecretBytes m_phrase;
    SecretBytes m_entropy;
    std::size_t m_wordCount = 0;
};

// The official BIP-39 English word list (bitcoin/bips bip-0039/english.txt), sorted, so a
// word's position is its 11-bit value. Defined in Bip39English.cpp.
std::span<const std::string_view, 2048> bip39EnglishWords();

} // namespace ls::crypto
