#pragma once

#include "core/api/Wallet.h"
#include "core/crypto/Address.h"
#include "core/crypto/SealedBox.h"
#include "core/crypto/Secp256k1.h"

namespace ls::wallet {

// The wallet's account 0 with its keys in memory (api::UnlockedAccount). Both secret keys live
// in self-wiping buffers and go when this object does.
class KeystoreAccount final : public api::UnlockedAccount {
public:
    explicit KeystoreAccount(crypto::PrivateKey accountKey);

    std::string address() const override;
    std::string boxPublicKey() const override;
    Result<api::SignedTransaction> sign(const api::TransactionRequest& request) const override;
    Result<crypto::SecretBytes> openSealed(ByteView sealed) const override;

    // The box key pair of an account key: X25519 from a crypto_kdf subkey of the secp256k1 key
    // (docs/protocol.md §1), so every device restoring the phrase opens the same sealed keys.
    static crypto::sealedbox::KeyPair boxKeyPairFor(const crypto::PrivateKey& accountKey);

private:
    crypto::PrivateKey m_key;
    crypto::Address m_address;
    crypto::sealedbox::KeyPair m_box;
};

} // namespace ls::wallet
