#include "core/crypto/HdKey.h"

#include "core/codec/Base58.h"
#include "core/crypto/Ripemd160.h"
#include "core/crypto/Sha2.h"

#include <secp256k1.h>

#include <algorithm>
#include <charconv>

namespace ls::crypto {
namespace {

constexpr std::size_t kSerializedSize = 78;
constexpr std::string_view kMasterKey = "Bitcoin seed";
constexpr std::size_t kMaxDepth = 255;

void putBigEndian32(std::uint8_t* out, std::uint32_t value)
{
    out[0] = static_cast<std::uint8_t>(value >> 24);
    out[1] = static_cast<std::uint8_t>(value >> 16);
    out[2] = static_cast<std::uint8_t>(value >> 8);
    out[3] = static_cast<std::uint8_t>(value);
}

std::uint32_t getBigEndian32(const std::uint8_t* in)
{
    return std::uint32_t { in[0] } << 24 | std::uint32_t { in[1] } << 16
        | std::uint32_t { in[2] } << 8 | std::uint32_t { in[3] };
}

std::string stepName(std::uint32_t index)
{
    return index >= HdKey::kHardened ? std::to_string(index - HdKey::kHardened) + "'"
                                     : std::to_string(index);
}

// version ‖ depth ‖ parent fingerprint ‖ child number ‖ chain code ‖ key (33 bytes).
void serializeHeader(std::uint8_t* out, std::uint32_t version, const HdKey& key)
{
    putBigEndian32(out, version);
    out[4] = key.depth();
    std::copy(key.parentFingerprint().begin(), key.parentFingerprint().end(), out + 5);
    putBigEndian32(out + 9, key.childNumber());
    std::copy_n(key.chainCode().data(), 32, out + 13);
}

} // namespace

HdKey::HdKey(PrivateKey key, const Secret<32>& chainCode, std::uint8_t depth,
    const FixedBytes<4>& parentFingerprint, std::uint32_t childNumber)
    : m_key(std::move(key))
    , m_publicKey(m_key.publicKey())
    , m_chainCode(chainCode)
    , m_depth(depth)
    , m_parentFingerprint(parentFingerprint)
    , m_childNumber(childNumber)
{
}

Result<HdKey> HdKey::fromSeed(ByteView seed)
{
    if (seed.size() < 16 || seed.size() > 64)
        return fail(ErrorKind::InvalidInput, "A BIP-32 seed must be 16 to 64 bytes long.");
    const Secret<64> i = hmacSha512(asBytes(kMasterKey), seed);
    auto key = PrivateKey::fromBytes(i.view().first(32));
    if (!key)
        return fail(ErrorKind::InvalidInput,
            "This seed gives no valid BIP-32 master key (a chance below 1 in 2^127); "
            "use a different seed.");
    Secret<32> chainCode;
    std::copy_n(i.data() + 32, 32, chainCode.data());
    return HdKey(std::move(*key), chainCode, 0, FixedBytes<4> {}, 0);
}

Result<HdKey> HdKey::fromExtendedPrivateKey(std::string_view xprv)
{
    // Decode somewhat more than 78 bytes so a wrong length gets the clearer message below.
    auto decoded = codec::base58CheckDecode(xprv, 2 * kSerializedSize);
    if (!decoded)
        return std::unexpected(decoded.error());
    SecretBytes payload(*decoded);
    secureWipe(decoded->data(), decoded->size());
    if (payload.size() != kSerializedSize)
        return fail(ErrorKind::InvalidInput,
            "This is not an extended key: it holds " + std::to_string(payload.size())
                + " bytes instead of 78.");
    const std::uint8_t* p = payload.data();
    const std::uint32_t version = getBigEndian32(p);
    if (version == kPublicVersion)
        return fail(ErrorKind::Unsupported,
            "This is an extended public key (xpub); importing a wallet needs the "
            "extended private key (xprv).");
    if (version != kPrivateVersion)
        return fail(ErrorKind::Unsupported,
            "This extended key has an unknown version; only mainnet xprv keys are "
            "supported.");
    const std::uint8_t depth = p[4];
    FixedBytes<4> parent;
    std::copy_n(p + 5, 4, parent.begin());
    const std::uint32_t childNumber = getBigEndian32(p + 9);
    if (depth == 0 && (parent != FixedBytes<4> {} || childNumber != 0))
        return fail(ErrorKind::InvalidInput,
            "This extended key is malformed: a master key (depth 0) cannot have a "
            "parent fingerprint or child number.");
    if (p[45] != 0)
        return fail(ErrorKind::InvalidInput,
            "This extended key is malformed: its private key field does not start "
            "with 00.");
    auto key = PrivateKey::fromBytes(ByteView(p + 46, 32));
    if (!key)
        return fail(ErrorKind::InvalidInput,
            "This extended key is malformed: its private key is out of range.");
    Secret<32> chainCode;
    std::copy_n(p + 13, 32, chainCode.data());
    return HdKey(std::move(*key), chainCode, depth, parent, childNumber);
}

Result<HdKey> HdKey::deriveChild(std::uint32_t index) const
{
    if (m_depth >= kMaxDepth)
        return fail(ErrorKind::InvalidInput, "BIP-32 keys cannot be more than 255 levels deep.");

    std::uint8_t indexBytes[4];
    putBigEndian32(indexBytes, index);
    HmacSha512 mac(m_chainCode.view());
    if (index >= kHardened) {
        const std::uint8_t zero = 0;
        mac.update(ByteView(&zero, 1));
        mac.update(m_key.secret().view());
    } else {
        const auto compressed = m_publicKey.compressed();
        mac.update(compressed);
    }
    mac.update(indexBytes);
    const Secret<64> i = mac.finish();

    // k_child = IL + k_par (mod n); libsecp256k1 rejects IL ≥ n and a zero sum, exactly the two
    // cases BIP-32 declares invalid.
    Secret<32> childKey = m_key.secret();
    if (secp256k1_ec_seckey_tweak_add(secp256k1_context_static, childKey.data(), i.data()) != 1)
        return fail(ErrorKind::InvalidInput,
            "Child key " + stepName(index)
                + " is invalid (a chance below 1 in 2^127); BIP-32 says to use the "
                  "next index instead.");
    auto key = PrivateKey::fromBytes(childKey.view());
    if (!key)
        return fail(ErrorKind::Internal, "A derived child key was rejected.");
    Secret<32> chainCode;
    std::copy_n(i.data() + 32, 32, chainCode.data());
    return HdKey(
        std::move(*key), chainCode, static_cast<std::uint8_t>(m_depth + 1), fingerprint(), index);
}

Result<HdKey> HdKey::derivePath(std::span<const std::uint32_t> path) const
{
    HdKey current = *this;
    for (std::uint32_t index : path) {
        auto child = current.deriveChild(index);
        if (!child)
            return child;
        current = std::move(*child);
    }
    return current;
}

Result<HdKey> HdKey::derivePath(std::string_view path) const
{
    auto steps = parseDerivationPath(path);
    if (!steps)
        return std::unexpected(steps.error());
    if (m_depth != 0)
        return fail(
            ErrorKind::InvalidInput, "A path starting with 'm' must be derived from a master key.");
    return derivePath(std::span<const std::uint32_t>(*steps));
}

FixedBytes<4> HdKey::fingerprint() const
{
    const auto id = ripemd160(sha256(m_publicKey.compressed()));
    return { id[0], id[1], id[2], id[3] };
}

SecretBytes HdKey::toExtendedPrivateKey() const
{
    Secret<kSerializedSize> payload;
    serializeHeader(payload.data(), kPrivateVersion, *this);
    payload.data()[45] = 0;
    std::copy_n(m_key.secret().data(), 32, payload.data() + 46);
    std::string text = codec::base58CheckEncode(payload.view());
    SecretBytes out(asBytes(text));
    secureWipe(text.data(), text.size());
    return out;
}

std::string HdKey::toExtendedPublicKey() const
{
    FixedBytes<kSerializedSize> payload {};
    serializeHeader(payload.data(), kPublicVersion, *this);
    const auto compressed = m_publicKey.compressed();
    std::copy(compressed.begin(), compressed.end(), payload.begin() + 45);
    return codec::base58CheckEncode(payload);
}

Result<std::vector<std::uint32_t>> parseDerivationPath(std::string_view path)
{
    constexpr std::string_view kExample = "m/44'/60'/0'/0/0";
    if (path.empty() || path.front() != 'm')
        return fail(ErrorKind::InvalidInput,
            "A derivation path starts with 'm', as in " + std::string(kExample) + ".");
    std::vector<std::uint32_t> steps;
    std::string_view rest = path.substr(1);
    while (!rest.empty()) {
        if (rest.front() != '/')
            return fail(ErrorKind::InvalidInput,
                "Steps of a derivation path are separated by '/', as in " + std::string(kExample)
                    + ".");
        rest.remove_prefix(1);
        const std::size_t end = std::min(rest.find('/'), rest.size());
        std::string_view step = rest.substr(0, end);
        rest.remove_prefix(end);

        const std::string position = "Step " + std::to_string(steps.size() + 1);
        if (step.empty())
            return fail(ErrorKind::InvalidInput, position + " of the derivation path is empty.");
        const std::string shown = " ('" + std::string(step.substr(0, 24)) + "')";
        bool hardened = false;
        if (step.back() == '\'' || step.back() == 'h' || step.back() == 'H') {
            hardened = true;
            step.remove_suffix(1);
        }
        if (step.empty() || !std::ranges::all_of(step, [](char c) { return c >= '0' && c <= '9'; }))
            return fail(ErrorKind::InvalidInput,
                position + shown
                    + " is not an index: digits, optionally followed by ' for hardened.");
        if (step.size() > 1 && step.front() == '0')
            return fail(ErrorKind::InvalidInput, position + shown + " has a leading zero.");
        std::uint64_t value = 0;
        const auto parsed = std::from_chars(step.data(), step.data() + step.size(), value);
        if (parsed.ec != std::errc {} || value >= HdKey::kHardened)
            return fail(ErrorKind::InvalidInput,
                position + shown + " is too large: an index is at most 2147483647.");
        if (steps.size() == kMaxDepth)
            return fail(ErrorKind::InvalidInput, "A derivation path has at most 255 steps.");
        steps.push_back(static_cast<std::uint32_t>(value) | (hardened ? HdKey::kHardened : 0u));
    }
    return steps;
}

std::string formatDerivationPath(std::span<const std::uint32_t> path)
{
    std::string out = "m";
    for (std::uint32_t index : path)
        out += "/" + stepName(index);
    return out;
}

std::vector<std::uint32_t> ethereumAccountPath(std::uint32_t index)
{
    return { 44 | HdKey::kHardened, 60 | HdKey::kHardened, 0 | HdKey::kHardened, 0, index };
}

Result<PrivateKey> ethereumAccountKey(const Secret<64>& seed, std::uint32_t index)
{
    if (index >= HdKey::kHardened)
        return fail(ErrorKind::InvalidInput, "An account index is at most 2147483647.");
    auto master = HdKey::fromSeed(seed.view());
    if (!master)
        return std::unexpected(master.error());
    const auto path = ethereumAccountPath(index);
    auto account = master->derivePath(std::span<const std::uint32_t>(path));
    if (!account)
        return std::unexpected(account.error());
    return account->privateKey();
}

} // namespace ls::crypto
