#pragma once

#include "core/crypto/Address.h"
#include "core/crypto/Secp256k1.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>
#include <string>
#include <variant>

// The messages of the `ls_permit` BitTorrent extension (docs/protocol.md "Permission gate"),
// carried as BEP 10 extended messages: one type byte, then a fixed layout. Decoding is strict:
// each type has exactly its length, so every accepted message has one encoding.
namespace ls::swarm {

inline constexpr std::size_t kPermitNonceSize = 32;
using PermitNonce = FixedBytes<kPermitNonceSize>;

// "I am this account": a signature over the permit challenge (PermitChallenge.h).
struct PermitProof {
    crypto::Address account;
    crypto::RecoverableSignature signature;
    friend bool operator==(const PermitProof&, const PermitProof&) = default;
};

// The serving side's answer, so the other side can tell "refused" from "slow".
struct PermitVerdict {
    bool granted = false;
    std::string reason; // UTF-8, at most kMaxReasonSize bytes; empty when granted
    friend bool operator==(const PermitVerdict&, const PermitVerdict&) = default;
};

// "Send me the title key": the answer is a KeyDelivery or a KeyRefusal.
struct KeyRequest {
    friend bool operator==(const KeyRequest&, const KeyRequest&) = default;
};

// The title key sealed (crypto_box_seal) to the box key in the requester's licence.
struct KeyDelivery {
    FixedBytes<80> sealedKey {}; // 32-byte key + 48 bytes of sealed-box overhead
    friend bool operator==(const KeyDelivery&, const KeyDelivery&) = default;
};

struct KeyRefusal {
    std::string reason;
    friend bool operator==(const KeyRefusal&, const KeyRefusal&) = default;
};

using PermitMessage = std::variant<PermitProof, PermitVerdict, KeyRequest, KeyDelivery, KeyRefusal>;

inline constexpr std::size_t kMaxReasonSize = 200;
inline constexpr std::size_t kMaxPermitMessageSize = 1 + kMaxReasonSize + 1;

Bytes encodePermitMessage(const PermitMessage& message);
// Refused with ErrorKind::InvalidInput: empty input, an unknown type, a wrong length, a reason
// that is too long or not UTF-8, a flag other than 0/1, a granted verdict with a reason.
Result<PermitMessage> decodePermitMessage(ByteView bytes);

} // namespace ls::swarm
