#include "core/wallet/KeystoreAccount.h"

#include "core/codec/Hex.h"
#include "core/codec/UInt256.h"
#include "core/crypto/KeyDerivation.h"
#include "core/protocol/Transaction.h"

#include <cassert>

namespace ls::wallet {
namespace {

constexpr std::string_view kBoxKeyContext = "LSbox001";
constexpr std::uint64_t kBoxKeyId = 1;

Result<codec::UInt256> amount(const std::string& text, std::string_view what)
{
    auto value = codec::UInt256::fromDecimal(text);
    if (!value)
        return fail(ErrorKind::InvalidInput,
            std::string(what) + " must be a whole number of base units: " + value.error().message);
    return value;
}

} // namespace

KeystoreAccount::KeystoreAccount(crypto::PrivateKey accountKey)
    : m_key(std::move(accountKey))
    , m_address(crypto::Address::fromPublicKey(m_key.publicKey()))
    , m_box(boxKeyPairFor(m_key))
{
}

crypto::sealedbox::KeyPair KeystoreAccount::boxKeyPairFor(const crypto::PrivateKey& accountKey)
{
    auto seed = crypto::kdf::deriveKey(accountKey.secret(), kBoxKeyId, kBoxKeyContext);
    // Only a malformed context or size can fail, and both are constants here.
    assert(seed);
    return crypto::sealedbox::KeyPair::fromSeed(*seed);
}

std::string KeystoreAccount::address() const { return m_address.toChecksumString(); }

std::string KeystoreAccount::boxPublicKey() const { return codec::toHex(m_box.publicKey, true); }

Result<api::SignedTransaction> KeystoreAccount::sign(const api::TransactionRequest& request) const
{
    protocol::Transaction tx;
    tx.type = protocol::TransactionType::DynamicFee;
    tx.nonce = request.nonce;
    tx.gasLimit = request.gasLimit;
    tx.data = request.data;
    auto to = crypto::Address::parse(request.to);
    if (!to)
        return std::unexpected(to.error());
    tx.to = *to;
    auto value = amount(request.value, "The amount");
    auto maxFee = amount(request.maxFeePerGas, "The fee per gas");
    auto tip = amount(request.maxPriorityFeePerGas, "The priority fee per gas");
    if (!value || !maxFee || !tip)
        return std::unexpected(!value ? value.error() : !maxFee ? maxFee.error() : tip.error());
    tx.value = *value;
    tx.maxFeePerGas = *maxFee;
    tx.maxPriorityFeePerGas = *tip;
    if (request.chainId == 0)
        return fail(ErrorKind::InvalidInput, "The network's chain id is needed to sign");
    tx.sign(m_key, request.chainId);
    Bytes raw = tx.encode();
    return api::SignedTransaction { raw, codec::toHex(tx.hash(), true) };
}

Result<crypto::SecretBytes> KeystoreAccount::openSealed(ByteView sealed) const
{
    return crypto::sealedbox::open(sealed, m_box);
}

} // namespace ls::wallet
