#pragma once

#include "core/crypto/SecureMemory.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace ls::api {

// How hard the passphrase is made to guess: Argon2id cost of the key file.
enum class KeyFileStrength {
    Standard, // 256 MiB, ~0.5–1 s to unlock on a desktop: the default
    Light,    // 64 MiB, for small machines (and quick tests)
};

struct CreatedWallet {
    std::string address;       // EIP-55, account 0
    crypto::SecretBytes phrase; // the BIP-39 recovery phrase to show the user once
};

// What to sign: an EIP-1559 (type 2) transaction. Amounts are base units (1 PHT = 10^18) in
// decimal digits; `to` is a 0x-prefixed address.
struct TransactionRequest {
    std::uint64_t chainId = 0;
    std::uint64_t nonce = 0;
    std::string to;
    std::string value = "0";
    Bytes data;
    std::uint64_t gasLimit = 0;
    std::string maxFeePerGas;
    std::string maxPriorityFeePerGas = "0";
};

struct SignedTransaction {
    Bytes raw; // what eth_sendRawTransaction takes
    std::string hash; // 0x-prefixed keccak of `raw`
};

// The wallet's account with its secret key in memory, for one task (a purchase: the box key
// for the licence, then the signature). The key is wiped when the object is destroyed: keep it
// no longer than the task.
class UnlockedAccount {
public:
    virtual ~UnlockedAccount() = default;
    virtual std::string address() const = 0; // EIP-55
    // The X25519 public key content keys are sealed to (DESIGN.md §4 "Key delivery"), derived
    // from the account key: the same wallet always has the same box key. 0x-prefixed hex.
    virtual std::string boxPublicKey() const = 0;
    virtual Result<SignedTransaction> sign(const TransactionRequest& request) const = 0;
    // Opens a message sealed to boxPublicKey() (a delivered title key).
    virtual Result<crypto::SecretBytes> openSealed(ByteView sealed) const = 0;
};

// The user's wallet: one BIP-39 phrase (or one imported private key) kept in an encrypted key
// file in the profile. Every call that needs the secret takes the passphrase; nothing decrypted is
// kept after the call returns. Calls that touch the key file may take up to a second (Argon2id):
// the GUI calls them off its thread.
class Wallet {
public:
    virtual ~Wallet() = default;

    virtual bool exists() const = 0;
    // The account address, readable without the passphrase; nullopt when there is no wallet.
    virtual std::optional<std::string> address() const = 0;

    // Creates a wallet with a fresh phrase of `words` words (12 or 24). Refuses to replace an
    // existing wallet.
    virtual Result<CreatedWallet> create(std::string_view passphrase, int words = 12,
                                         KeyFileStrength strength = KeyFileStrength::Standard) = 0;
    // Restores a wallet from a recovery phrase; returns the address of account 0.
    virtual Result<std::string> importPhrase(std::string_view phrase, std::string_view passphrase,
                                             KeyFileStrength strength = KeyFileStrength::Standard) = 0;
    // Adopts a single raw private key (64 hex digits, optional 0x).
    virtual Result<std::string> importPrivateKey(std::string_view hexKey, std::string_view passphrase,
                                                 KeyFileStrength strength = KeyFileStrength::Standard) = 0;

    // The recovery phrase, after checking the passphrase (ErrorKind::WrongPassphrase otherwise).
    // Fails with ErrorKind::Unsupported for a wallet made from a raw private key.
    virtual Result<crypto::SecretBytes> revealPhrase(std::string_view passphrase) const = 0;

    // The account with its key decrypted (ErrorKind::WrongPassphrase for a wrong passphrase).
    virtual Result<std::unique_ptr<UnlockedAccount>> unlock(std::string_view passphrase) const = 0;

    virtual Result<void> changePassphrase(std::string_view oldPassphrase,
                                          std::string_view newPassphrase) = 0;
};

} // namespace ls::api
