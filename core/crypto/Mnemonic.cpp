#include "core/crypto/Mnemonic.h"

#include "core/crypto/Random.h"
#include "core/crypto/Sha2.h"

#include <QString>
#include <QStringDecoder>

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string>

namespace ls::crypto {
namespace {

constexpr std::size_t kMaxWords = 24;
constexpr std::size_t kBitsPerWord = 11;
constexpr std::string_view kSaltPrefix = "mnemonic";

bool validWordCount(std::size_t words)
{
    return words >= 12 && words <= kMaxWords && words % 3 == 0;
}

bool isAsciiSpace(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

// Length of the separator starting at text[i], or 0. U+00A0 (no-break space) counts because
// NFKD turns it into a plain space, and it sneaks in when phrases are copied from web pages.
std::size_t separatorAt(std::string_view text, std::size_t i)
{
    const auto c = static_cast<unsigned char>(text[i]);
    if (isAsciiSpace(c))
        return 1;
    if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xa0)
        return 2;
    return 0;
}

// Trims, collapses separators to one space and lowercases ASCII letters. Runs twice: once to
// size the output exactly (so no reallocation leaves copies of the phrase behind), once to fill.
SecretBytes normalizePhrase(std::string_view text)
{
    auto emit = [&text](std::uint8_t* out) {
        std::size_t length = 0;
        bool pendingSpace = false;
        for (std::size_t i = 0; i < text.size();) {
            if (std::size_t skip = separatorAt(text, i)) {
                pendingSpace = length > 0;
                i += skip;
                continue;
            }
            if (pendingSpace) {
                if (out)
                    out[length] = ' ';
                ++length;
                pendingSpace = false;
            }
            auto c = static_cast<unsigned char>(text[i++]);
            if (c >= 'A' && c <= 'Z')
                c = static_cast<unsigned char>(c - 'A' + 'a');
            if (out)
                out[length] = c;
            ++length;
        }
        return length;
    };
    SecretBytes out(emit(nullptr));
    emit(out.data());
    return out;
}

// The word's index, comparing against all 2048 entries without stopping early, so the time
// taken does not reveal which word of a secret phrase was looked up.
std::optional<std::uint16_t> wordIndex(std::string_view word)
{
    if (word.empty() || word.size() > Mnemonic::kMaxWordLength)
        return std::nullopt;
    const auto words = bip39EnglishWords();
    unsigned found = 0;
    unsigned index = 0;
    for (unsigned i = 0; i < words.size(); ++i) {
        const std::string_view candidate = words[i];
        unsigned diff = static_cast<unsigned>(candidate.size() ^ word.size());
        for (std::size_t j = 0; j < Mnemonic::kMaxWordLength; ++j) {
            const unsigned a = j < word.size() ? static_cast<unsigned char>(word[j]) : 0u;
            const unsigned b = j < candidate.size() ? static_cast<unsigned char>(candidate[j]) : 0u;
            diff |= a ^ b;
        }
        const unsigned match = ((diff | (0u - diff)) >> 31) ^ 1u; // 1 when diff == 0
        found |= match;
        index |= i & (0u - match);
    }
    if (!found)
        return std::nullopt;
    return static_cast<std::uint16_t>(index);
}

// For an unknown word, the one list word sharing its first four letters (BIP-39 makes those
// unique), or the only word that starts with a shorter fragment.
std::string_view suggestionFor(std::string_view word)
{
    const std::string_view prefix = word.substr(0, std::min<std::size_t>(4, word.size()));
    if (prefix.empty())
        return {};
    const auto words = bip39EnglishWords();
    auto first = std::ranges::lower_bound(words, prefix);
    if (first == words.end() || !first->starts_with(prefix))
        return {};
    auto next = first + 1;
    if (next != words.end() && next->starts_with(prefix))
        return {};
    return *first;
}

std::string quoted(std::string_view word)
{
    constexpr std::size_t kShown = 24; // a pasted blob should not turn into a page-long message
    if (word.size() <= kShown)
        return "'" + std::string(word) + "'";
    return "'" + std::string(word.substr(0, kShown)) + "…'";
}

// entropy ‖ checksum as 11-bit word indices, and back. `bits` holds up to 264 bits (24 words).
using BitBuffer = Secret<33>;

unsigned readBits(const BitBuffer& bits, std::size_t offset, std::size_t count)
{
    unsigned value = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t bit = offset + i;
        value = value << 1 | ((bits.data()[bit / 8] >> (7 - bit % 8)) & 1u);
    }
    return value;
}

void writeBits(BitBuffer& bits, std::size_t offset, std::size_t count, unsigned value)
{
    for (std::size_t i = 0; i < count; ++i) {
        const std::size_t bit = offset + i;
        const unsigned set = (value >> (count - 1 - i)) & 1u;
        bits.data()[bit / 8]
            = static_cast<std::uint8_t>(bits.data()[bit / 8] | set << (7 - bit % 8));
    }
}

// The first entropy/32 bits of SHA-256(entropy), which BIP-39 appends as the checksum.
unsigned checksumBits(ByteView entropy)
{
    auto digest = sha256(entropy);
    const std::size_t count = entropy.size() * 8 / 32;
    const unsigned value = static_cast<unsigned>(digest[0] >> (8 - count));
    secureWipe(digest.data(), digest.size());
    return value;
}

// NFKD of a UTF-8 passphrase. ASCII is already NFKD, so only other text goes through Qt; the
// temporary QString/QByteArray buffers are wiped (Qt's internal scratch space cannot be).
Result<SecretBytes> normalizePassphrase(std::string_view passphrase)
{
    const bool ascii = std::ranges::all_of(
        passphrase, [](char c) { return static_cast<unsigned char>(c) < 0x80; });
    if (ascii)
        return SecretBytes(asBytes(passphrase));

    // ConvertInitialBom keeps a leading U+FEFF: it is part of the passphrase, not a marker.
    QStringDecoder decoder(QStringConverter::Utf8,
        QStringConverter::Flag::Stateless | QStringConverter::Flag::ConvertInitialBom);
    QString text = decoder.decode(
        QByteArrayView(passphrase.data(), static_cast<qsizetype>(passphrase.size())));
    const bool broken = decoder.hasError();
    QString normalized = broken ? QString() : text.normalized(QString::NormalizationForm_KD);
    QByteArray utf8 = normalized.toUtf8();
    SecretBytes out(ByteView(reinterpret_cast<const std::uint8_t*>(utf8.constData()),
        static_cast<std::size_t>(utf8.size())));
    secureWipe(text.data(), static_cast<std::size_t>(text.size()) * sizeof(QChar));
    secureWipe(normalized.data(), static_cast<std::size_t>(normalized.size()) * sizeof(QChar));
    secureWipe(utf8.data(), static_cast<std::size_t>(utf8.size()));
    if (broken)
        return fail(
            ErrorKind::InvalidInput, "The passphrase is not valid UTF-8 text; re-enter it.");
    return out;
}

} // namespace

Result<Mnemonic> Mnemonic::generate(std::size_t entropyBits)
{
    if (entropyBits < 128 || entropyBits > 256 || entropyBits % 32 != 0)
        return fail(ErrorKind::InvalidInput,
            "A recovery phrase holds 128, 160, 192, 224 or 256 bits of entropy.");
    SecretBytes entropy(entropyBits / 8);
    randomBytes(std::span<std::uint8_t>(entropy.data(), entropy.size()));
    return fromEntropy(entropy.view());
}

Result<Mnemonic> Mnemonic::fromEntropy(ByteView entropy)
{
    const std::size_t entropyBits = entropy.size() * 8;
    if (entropyBits < 128 || entropyBits > 256 || entropyBits % 32 != 0)
        return fail(
            ErrorKind::InvalidInput, "Recovery phrase entropy must be 16, 20, 24, 28 or 32 bytes.");
    const std::size_t checksumLength = entropyBits / 32;
    const std::size_t wordCount = (entropyBits + checksumLength) / kBitsPerWord;

    BitBuffer bits;
    std::copy(entropy.begin(), entropy.end(), bits.data());
    writeBits(bits, entropyBits, checksumLength, checksumBits(entropy));

    const auto words = bip39EnglishWords();
    std::array<std::uint16_t, kMaxWords> indices {};
    std::size_t length = wordCount - 1; // the spaces
    for (std::size_t w = 0; w < wordCount; ++w) {
        indices[w] = static_cast<std::uint16_t>(readBits(bits, w * kBitsPerWord, kBitsPerWord));
        length += words[indices[w]].size();
    }
    SecretBytes phrase(length);
    std::uint8_t* out = phrase.data();
    for (std::size_t w = 0; w < wordCount; ++w) {
        if (w > 0)
            *out++ = ' ';
        out = std::copy(words[indices[w]].begin(), words[indices[w]].end(), out);
    }
    secureWipe(indices.data(), sizeof indices);
    return Mnemonic(std::move(phrase), SecretBytes(entropy), wordCount);
}

Result<Mnemonic> Mnemonic::parse(std::string_view input)
{
    SecretBytes phrase = normalizePhrase(input);
    const std::string_view text = phrase.asText();
    if (text.empty())
        return fail(
            ErrorKind::InvalidInput, "Enter the recovery phrase: 12, 15, 18, 21 or 24 words.");

    // Unknown words are reported before the count: "abandonability" is more useful to hear
    // about than "11 words".
    std::array<std::uint16_t, kMaxWords> indices {};
    std::size_t wordCount = 0;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = text.find(' ', start);
        if (end == std::string_view::npos)
            end = text.size();
        const std::string_view word = text.substr(start, end - start);
        ++wordCount;
        start = end + 1;
        if (wordCount > kMaxWords)
            continue; // already too many: just count, the error below says so
        const auto index = wordIndex(word);
        if (!index) {
            secureWipe(indices.data(), sizeof indices);
            std::string message = "Word " + std::to_string(wordCount) + " " + quoted(word)
                + " is not in the BIP-39 English list.";
            if (const auto suggestion = suggestionFor(word); !suggestion.empty())
                message += " Did you mean '" + std::string(suggestion) + "'?";
            return fail(ErrorKind::InvalidInput, std::move(message));
        }
        indices[wordCount - 1] = *index;
    }
    if (!validWordCount(wordCount)) {
        secureWipe(indices.data(), sizeof indices);
        return fail(ErrorKind::InvalidInput,
            "The recovery phrase has " + std::to_string(wordCount)
                + (wordCount == 1 ? " word" : " words") + "; it must have 12, 15, 18, 21 or 24.");
    }

    BitBuffer bits;
    for (std::size_t w = 0; w < wordCount; ++w)
        writeBits(bits, w * kBitsPerWord, kBitsPerWord, indices[w]);
    secureWipe(indices.data(), sizeof indices);

    const std::size_t totalBits = wordCount * kBitsPerWord;
    const std::size_t entropyBits = totalBits * 32 / 33;
    const std::size_t checksumLength = totalBits - entropyBits;
    SecretBytes entropy(ByteView(bits.data(), entropyBits / 8));
    const unsigned expected = checksumBits(entropy.view());
    const unsigned actual = readBits(bits, entropyBits, checksumLength);
    if (expected != actual)
        return fail(ErrorKind::Verification,
            "The checksum does not match — a word is probably wrong, or two are swapped.");
    return Mnemonic(std::move(phrase), std::move(entropy), wordCount);
}

Result<Secret<Mnemonic::kSeedSize>> Mnemonic::seed(std::string_view passphrase) const
{
    auto normalized = normalizePassphrase(passphrase);
    if (!normalized)
        return std::unexpected(normalized.error());
    SecretBytes salt(kSaltPrefix.size() + normalized->size());
    std::copy(kSaltPrefix.begin(), kSaltPrefix.end(), salt.data());
    std::copy(
        normalized->view().begin(), normalized->view().end(), salt.data() + kSaltPrefix.size());

    auto derived = pbkdf2HmacSha512(m_phrase.view(), salt.view(), kSeedIterations, kSeedSize);
    if (!derived)
        return std::unexpected(derived.error());
    Secret<kSeedSize> out;
    std::copy_n(derived->data(), kSeedSize, out.data());
    return out;
}

} // namespace ls::crypto
