#pragma once

#include "core/crypto/Address.h"
#include "core/crypto/Secp256k1.h"
#include "core/swarm/PermitMessages.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>

// What a peer signs to prove its account to another for one torrent (DESIGN.md §4 "Permission
// gate"):
//   keccak256("lightstreams/permit/v1" ‖ chainId (8 bytes, big-endian) ‖ infohash (32)
//             ‖ prover's nonce (32) ‖ verifier's nonce (32))
// The verifier's fresh nonce makes every proof good for one connection only (a replayed proof
// names another nonce); the chain id and infohash keep it to one network and one torrent.
namespace ls::swarm {

struct PermitContext {
    std::uint64_t chainId = 0;
    Hash256 infohash {}; // the torrent's v2 (SHA-256) infohash
};

Hash256 permitDigest(const PermitContext& context, const PermitNonce& proverNonce,
    const PermitNonce& verifierNonce);

PermitProof provePermit(const crypto::PrivateKey& key, const PermitContext& context,
    const PermitNonce& proverNonce, const PermitNonce& verifierNonce);

// The account the proof proves, or ErrorKind::Verification when the signature is not the
// claimed account's over this challenge.
Result<crypto::Address> verifyPermit(const PermitProof& proof, const PermitContext& context,
    const PermitNonce& proverNonce, const PermitNonce& verifierNonce);

} // namespace ls::swarm
