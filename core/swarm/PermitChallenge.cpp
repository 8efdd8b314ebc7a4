#include "core/swarm/PermitChallenge.h"

#include "core/crypto/Keccak.h"

#include <string_view>

namespace ls::swarm {
namespace {

constexpr std::string_view kDomain = "lightstreams/permit/v1";

} // namespace

Hash256 permitDigest(const PermitContext& context, const PermitNonce& proverNonce,
    const PermitNonce& verifierNonce)
{
    Bytes message(kDomain.begin(), kDomain.end());
    for (int shift = 56; shift >= 0; shift -= 8)
        message.push_back(static_cast<std::uint8_t>(context.chainId >> shift));
    message.insert(message.end(), context.infohash.begin(), context.infohash.end());
    message.insert(message.end(), proverNonce.begin(), proverNonce.end());
    message.insert(message.end(), verifierNonce.begin(), verifierNonce.end());
    return crypto::keccak256(message);
}

PermitProof provePermit(const crypto::PrivateKey& key, const PermitContext& context,
    const PermitNonce& proverNonce, const PermitNonce& verifierNonce)
{
    return PermitProof { crypto::Address::fromPublicKey(key.publicKey()),
        crypto::sign(key, permitDigest(context, proverNonce, verifierNonce)) };
}

Result<crypto::Address> verifyPermit(const PermitProof& proof, const PermitContext& context,
    const PermitNonce& proverNonce, const PermitNonce& verifierNonce)
{
    auto signer = crypto::recover(permitDigest(context, proverNonce, verifierNonce), proof.signature);
    if (!signer || crypto::Address::fromPublicKey(*signer) != proof.account)
        return fail(ErrorKind::Verification,
            "the peer's permit proof is not " + proof.account.toChecksumString()
                + "'s signature over this connection's challenge");
    return proof.account;
}

} // namespace ls::swarm
