#include "core/swarm/PermitMessages.h"

#include <QString>
#include <QStringDecoder>

namespace ls::swarm {
namespace {

enum class Type : std::uint8_t {
    Proof = 1,
    Verdict = 2,
    KeyRequest = 3,
    KeyDelivery = 4,
    KeyRefusal = 5,
};

constexpr std::size_t kProofSize = 1 + 20 + 65;
constexpr std::size_t kDeliverySize = 1 + 80;

Result<std::string> reasonOf(ByteView bytes)
{
    if (bytes.size() > kMaxReasonSize)
        return fail(ErrorKind::InvalidInput, "permit message: the reason is too long");
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(QByteArrayView(bytes.data(), static_cast<qsizetype>(bytes.size())));
    if (utf8.hasError())
        return fail(ErrorKind::InvalidInput, "permit message: the reason is not UTF-8");
    return std::string(bytes.begin(), bytes.end());
}

void appendReason(Bytes& out, const std::string& reason)
{
    // Longer reasons are ours to shorten, at a character boundary, never the reader's to refuse.
    std::size_t size = std::min(reason.size(), kMaxReasonSize);
    while (size > 0 && size < reason.size()
        && (static_cast<std::uint8_t>(reason[size]) & 0xC0) == 0x80)
        --size;
    out.insert(out.end(), reason.begin(), reason.begin() + static_cast<std::ptrdiff_t>(size));
}

Result<PermitMessage> wrongLength(const char* what)
{
    return fail(ErrorKind::InvalidInput,
        std::string("permit message: a ") + what + " has the wrong length");
}

} // namespace

Bytes encodePermitMessage(const PermitMessage& message)
{
    Bytes out;
    std::visit(
        [&out](const auto& m) {
            using T = std::decay_t<decltype(m)>;
            if constexpr (std::is_same_v<T, PermitProof>) {
                out.push_back(static_cast<std::uint8_t>(Type::Proof));
                out.insert(out.end(), m.account.bytes().begin(), m.account.bytes().end());
                const auto signature = m.signature.toBytes();
                out.insert(out.end(), signature.begin(), signature.end());
            } else if constexpr (std::is_same_v<T, PermitVerdict>) {
                out.push_back(static_cast<std::uint8_t>(Type::Verdict));
                out.push_back(m.granted ? 1 : 0);
                if (!m.granted)
                    appendReason(out, m.reason);
            } else if constexpr (std::is_same_v<T, KeyRequest>) {
                out.push_back(static_cast<std::uint8_t>(Type::KeyRequest));
            } else if constexpr (std::is_same_v<T, KeyDelivery>) {
                out.push_back(static_cast<std::uint8_t>(Type::KeyDelivery));
                out.insert(out.end(), m.sealedKey.begin(), m.sealedKey.end());
            } else {
                out.push_back(static_cast<std::uint8_t>(Type::KeyRefusal));
                appendReason(out, m.reason);
            }
        },
        message);
    return out;
}

Result<PermitMessage> decodePermitMessage(ByteView bytes)
{
    if (bytes.empty())
        return fail(ErrorKind::InvalidInput, "permit message: empty");
    const ByteView body = bytes.subspan(1);
    switch (static_cast<Type>(bytes[0])) {
    case Type::Proof: {
        if (bytes.size() != kProofSize)
            return wrongLength("proof");
        // Only v = 0 or 1: the 27/28 form the signature parser also accepts would give one proof
        // two encodings.
        if (body.back() > 1)
            return fail(
                ErrorKind::InvalidInput, "permit message: a proof's recovery id is not 0 or 1");
        auto account = crypto::Address::fromBytes(body.first(20));
        auto signature = crypto::RecoverableSignature::fromBytes(body.subspan(20));
        if (!account || !signature)
            return fail(ErrorKind::InvalidInput, "permit message: a malformed proof");
        return PermitProof { *account, *signature };
    }
    case Type::Verdict: {
        if (body.empty() || body[0] > 1)
            return fail(ErrorKind::InvalidInput, "permit message: a malformed verdict");
        if (body[0] == 1) {
            if (body.size() != 1)
                return wrongLength("granted verdict");
            return PermitVerdict { true, {} };
        }
        auto reason = reasonOf(body.subspan(1));
        if (!reason)
            return std::unexpected(reason.error());
        return PermitVerdict { false, std::move(*reason) };
    }
    case Type::KeyRequest:
        if (!body.empty())
            return wrongLength("key request");
        return KeyRequest {};
    case Type::KeyDelivery: {
        if (bytes.size() != kDeliverySize)
            return wrongLength("key delivery");
        KeyDelivery delivery;
        std::copy(body.begin(), body.end(), delivery.sealedKey.begin());
        return delivery;
    }
    case Type::KeyRefusal: {
        auto reason = reasonOf(body);
        if (!reason)
            return std::unexpected(reason.error());
        return KeyRefusal { std::move(*reason) };
    }
    }
    return fail(ErrorKind::InvalidInput,
        "permit message: unknown type " + std::to_string(static_cast<int>(bytes[0])));
}

} // namespace ls::swarm
