#include "core/protocol/Transaction.h"

#include "core/codec/RlpEncoder.h"
#include "core/crypto/Keccak.h"
#include "core/protocol/RlpFields.h"
#include "core/protocol/SignatureScalars.h"

#include <string>

namespace ls::protocol {
namespace {

using codec::RlpEncoder;
using codec::UInt256;

constexpr std::uint8_t kDynamicFeeTypeByte = 0x02;
constexpr std::string_view kWhat = "transaction";

// The spec's wording (§4), so users and tests see the same sentence everywhere.
constexpr std::string_view kNoReplayProtection = "replay protection (EIP-155) is required";
constexpr std::string_view kNoAccessLists = "access lists are not supported";
constexpr std::string_view kNoContractCreation = "only the system contracts run on this chain";

std::unexpected<Error> unsupported(std::string_view why, const std::string& detail = {})
{
    return fail(ErrorKind::Unsupported,
        "Transaction rejected: " + std::string(why) + (detail.empty() ? "" : " (" + detail + ")")
            + ".");
}

UInt256 scalar(const FixedBytes<32>& bigEndian)
{
    return *UInt256::fromBigEndian(bigEndian); // 32 bytes always fit
}

void addCommonTail(RlpEncoder& rlp, const Transaction& tx)
{
    rlp.addUInt(tx.gasLimit);
    rlp.addBytes(tx.to.view());
    rlp.addUInt(tx.value);
    rlp.addBytes(tx.data);
}

// The first nine fields of a type 2 transaction: what is signed, and the head of what is sent.
void addDynamicFeeBody(RlpEncoder& rlp, const Transaction& tx)
{
    rlp.addUInt(tx.chainId);
    rlp.addUInt(tx.nonce);
    rlp.addUInt(tx.maxPriorityFeePerGas);
    rlp.addUInt(tx.maxFeePerGas);
    addCommonTail(rlp, tx);
    rlp.beginList(); // the access list, always empty here
    rlp.endList();
}

void addLegacyBody(RlpEncoder& rlp, const Transaction& tx)
{
    rlp.addUInt(tx.nonce);
    rlp.addUInt(tx.gasPrice);
    addCommonTail(rlp, tx);
}

Bytes withTypeByte(Bytes rlp)
{
    rlp.insert(rlp.begin(), kDynamicFeeTypeByte);
    return rlp;
}

// `to` is where contract creation shows (an empty string), so it gets its own message.
Result<crypto::Address> readTo(const RlpFields& fields, std::size_t index)
{
    if (fields.item(index).isBytes() && fields.item(index).payload().empty())
        return unsupported(kNoContractCreation, "contract creation: the 'to' field is empty");
    return fields.address(index);
}

// r and s as RLP integers, then the checks every signature on this chain must pass.
Result<crypto::RecoverableSignature> readSignature(
    const RlpFields& fields, std::size_t rIndex, std::uint8_t recoveryId)
{
    auto r = fields.u256(rIndex);
    if (!r)
        return std::unexpected(std::move(r.error()));
    auto s = fields.u256(rIndex + 1);
    if (!s)
        return std::unexpected(std::move(s.error()));
    if (auto problem = checkSignatureScalars(*r, *s))
        return fail(ErrorKind::InvalidInput, "Invalid transaction signature: " + *problem + ".");
    crypto::RecoverableSignature signature;
    signature.r = r->toBigEndian();
    signature.s = s->toBigEndian();
    signature.recoveryId = recoveryId;
    return signature;
}

Result<Transaction> decodeLegacy(ByteView raw)
{
    auto fields = RlpFields::decode(
        raw, kWhat, { "nonce", "gasPrice", "gasLimit", "to", "value", "data", "v", "r", "s" });
    if (!fields)
        return std::unexpected(std::move(fields.error()));
    Transaction tx;
    tx.type = TransactionType::Legacy;
    LS_PROTOCOL_ASSIGN_OR_RETURN(tx.nonce, fields->u64(0));
    LS_PROTOCOL_ASSIGN_OR_RETURN(tx.gasPrice, fields->u256(1));
    LS_PROTOCOL_ASSIGN_OR_RETURN(tx.gasLimit, fields->u64(2));
    LS_PROTOCOL_ASSIGN_OR_RETURN(tx.to, readTo(*fields, 3));
    LS_PROTOCOL_ASSIGN_OR_RETURN(tx.value, fields->u256(4));
    LS_PROTOCOL_ASSIGN_OR_RETURN(tx.data, fields->bytes(5));

    UInt256 v;
    LS_PROTOCOL_ASSIGN_OR_RETURN(v, fields->u256(6));
    if (v == 27 || v == 28)
        return unsupported(kNoReplayProtection,
            "v is " + v.toDecimalString() + ", a signature without a chain id");
    if (v < 35)
        return fields->fieldError(6,
            "v is " + v.toDecimalString()
                + "; EIP-155 needs chainId * 2 + 35 or chainId * 2 + 36.");
    const UInt256 offset = v.wrappingSub(35);
    const UInt256 chainId = offset >> 1;
    if (!chainId.fitsUint64())
        return fields->fieldError(6, "the chain id it carries does not fit in 64 bits.");
    tx.chainId = chainId.low64();
    LS_PROTOCOL_ASSIGN_OR_RETURN(
        tx.signature, readSignature(*fields, 7, static_cast<std::uint8_t>(offset.low64() & 1U)));
    return tx;
}

Result<Transaction> decodeDynamicFee(ByteView rlp)
{
    auto fields = RlpFields::decode(rlp, kWhat,
        { "chainId", "nonce", "maxPriorityFeePerGas", "maxFeePerGas", "gasLimit", "to", "value",
            "data", "accessList", "yParity", "r", "s" });
    if (!fields)
        return std::unexpected(std::move(fields.error()));
    Transaction tx;
    tx.type = TransactionType::DynamicFee;
    LS_PROTOCOL_ASSIGN_OR_RETURN(tx.chainId, fields->u64(0));
    LS_PROTOCOL_ASSIGN_OR_RETURN(tx.nonce, fields->u64(1));
    LS_PROTOCOL_ASSIGN_OR_RETURN(tx.maxPriorityFeePerGas, fields->u256(2));
    LS_PROTOCOL_ASSIGN_OR_RETURN(tx.maxFeePerGas, fields->u256(3));
    LS_PROTOCOL_ASSIGN_OR_RETURN(tx.gasLimit, fields->u64(4));
    LS_PROTOCOL_ASSIGN_OR_RETURN(tx.to, readTo(*fields, 5));
    LS_PROTOCOL_ASSIGN_OR_RETURN(tx.value, fields->u256(6));
    LS_PROTOCOL_ASSIGN_OR_RETURN(tx.data, fields->bytes(7));

    auto accessList = fields->list(8);
    if (!accessList)
        return std::unexpected(std::move(accessList.error()));
    if (!accessList->empty())
        return unsupported(
            kNoAccessLists, "this one has " + std::to_string(accessList->size()) + " entries");

    std::uint64_t yParity = 0;
    LS_PROTOCOL_ASSIGN_OR_RETURN(yParity, fields->u64(9));
    if (yParity > 1)
        return fields->fieldError(9, "it must be 0 or 1, not " + std::to_string(yParity) + ".");
    LS_PROTOCOL_ASSIGN_OR_RETURN(
        tx.signature, readSignature(*fields, 10, static_cast<std::uint8_t>(yParity)));
    return tx;
}

} // namespace

Result<Transaction> Transaction::decode(ByteView raw)
{
    if (raw.empty())
        return fail(ErrorKind::InvalidInput, "Malformed transaction: there are no bytes.");
    const std::uint8_t first = raw[0];
    if (first >= 0xc0) // an RLP list: the legacy envelope
        return decodeLegacy(raw);
    if (first <= 0x7f) { // EIP-2718: a type byte, then the typed payload
        if (first != kDynamicFeeTypeByte)
            return fail(ErrorKind::Unsupported,
                "Transaction rejected: type " + std::to_string(first)
                    + " is not supported; only types 0 (legacy with EIP-155) and 2 "
                      "(EIP-1559) are.");
        return decodeDynamicFee(raw.subspan(1));
    }
    return fail(ErrorKind::InvalidInput,
        "Malformed transaction: it starts with an RLP byte string, but must be an RLP "
        "list (type 0) or a type byte (EIP-2718).");
}

Bytes Transaction::encode() const
{
    RlpEncoder rlp;
    rlp.beginList();
    if (type == TransactionType::Legacy) {
        addLegacyBody(rlp, *this);
        // v = chainId·2 + 35 + parity; in 256 bits so no chain id can overflow it.
        rlp.addUInt((UInt256(chainId) << 1).wrappingAdd(35U + signature.recoveryId));
    } else {
        addDynamicFeeBody(rlp, *this);
        rlp.addUInt(std::uint64_t { signature.recoveryId });
    }
    rlp.addUInt(scalar(signature.r));
    rlp.addUInt(scalar(signature.s));
    rlp.endList();
    Bytes out = rlp.finish();
    return type == TransactionType::Legacy ? out : withTypeByte(std::move(out));
}

Hash256 Transaction::hash() const
{
    return crypto::keccak256(encode());
}

Hash256 Transaction::signingHash() const
{
    RlpEncoder rlp;
    rlp.beginList();
    if (type == TransactionType::Legacy) {
        addLegacyBody(rlp, *this);
        rlp.addUInt(chainId); // EIP-155: chainId, 0, 0 in place of v, r, s
        rlp.addUInt(std::uint64_t { 0 });
        rlp.addUInt(std::uint64_t { 0 });
        rlp.endList();
        return crypto::keccak256(rlp.finish());
    }
    addDynamicFeeBody(rlp, *this);
    rlp.endList();
    return crypto::keccak256(withTypeByte(rlp.finish()));
}

Result<crypto::Address> Transaction::recoverSender(std::uint64_t networkChainId) const
{
    if (chainId != networkChainId)
        return fail(ErrorKind::InvalidInput,
            "Transaction rejected: it was signed for chain id " + std::to_string(chainId)
                + ", but this network's chain id is " + std::to_string(networkChainId) + ".");
    auto key = crypto::recover(signingHash(), signature);
    if (!key)
        return fail(ErrorKind::Verification,
            "Cannot recover the transaction's sender: " + key.error().message + ".");
    return crypto::Address::fromPublicKey(*key);
}

void Transaction::sign(const crypto::PrivateKey& key, std::uint64_t chainIdToSign)
{
    chainId = chainIdToSign;
    signature = crypto::sign(key, signingHash());
}

} // namespace ls::protocol
