#pragma once

#include "core/api/Chain.h"
#include "core/crypto/SecureMemory.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace ls::api {

// Where a transaction is on its way from the wallet to a verified block.
enum class TransactionStage {
    Syncing, // bringing the light client up to date, for a proven nonce and balance
    Signing, // unlocking the key file (Argon2id: up to a second) and signing
    Submitting,
    Confirming, // accepted by the node; waiting for a block the light client verifies
};

struct TransactionProgress {
    TransactionStage stage = TransactionStage::Syncing;
    std::string txHash; // once known (from Submitting on)
};

struct NewTitleRecord {
    std::string price; // base units, decimal digits
    std::string subject; // at most 64 bytes of UTF-8
    std::string metadataInfohash; // 0x + 64 hex digits; empty: none yet (all zero)
    std::string keyCommitment; // 0x + 64 hex digits; empty: none (all zero)
};

struct NewVersionRecord {
    std::uint64_t titleId = 0;
    std::string contentInfohash; // 0x + 64 hex digits
    std::uint64_t size = 0; // bytes of the container
    std::string note; // at most 256 bytes of UTF-8
};

struct PublishedTitle {
    std::uint64_t titleId = 0;
    TransactionConfirmation confirmation;
};

struct AddedVersion {
    std::uint64_t titleId = 0;
    std::uint32_t number = 0;
    TransactionConfirmation confirmation;
};

struct Purchase {
    TransactionConfirmation confirmation;
    LicenceInfo licence; // read back, proven, after the purchase was final
};

// The wallet's transactions on the chain (DESIGN.md §3): each call builds the transaction from
// proven facts (nonce, balance, the network's minimum gas price), signs it with the wallet,
// sends it, and reports when a block the light client verified holds its receipt.
//
// One transaction is in flight at a time (nonces must follow each other); later calls wait
// their turn. A transaction that reverts fails with its reason. Dropping the Handle stops
// waiting and drops the callbacks, but a transaction already sent may still be included:
// Chain::confirm() tells. Callbacks come on the calling thread (which runs a Qt event loop).
class Market {
public:
    using Handle = Chain::Handle;
    template <typename T> using Callback = Chain::Callback<T>;
    using Progress = std::function<void(const TransactionProgress&)>;

    virtual ~Market() = default;

    // Sends `amount` base units of PHT to `to` (EIP-55 or lowercase hex address).
    [[nodiscard]] virtual Handle send(std::string to, std::string amount,
        crypto::SecretBytes passphrase, Progress progress, Callback<TransactionConfirmation> done)
        = 0;
    // Publishes a title record (Catalog.publish): a title with no content yet.
    [[nodiscard]] virtual Handle publishRecord(NewTitleRecord title, crypto::SecretBytes passphrase,
        Progress progress, Callback<PublishedTitle> done)
        = 0;
    // Adds a version record to one of the wallet's titles (Catalog.addVersion).
    [[nodiscard]] virtual Handle addVersionRecord(NewVersionRecord version,
        crypto::SecretBytes passphrase, Progress progress, Callback<AddedVersion> done)
        = 0;
    [[nodiscard]] virtual Handle setPrice(std::uint64_t titleId, std::string price,
        crypto::SecretBytes passphrase, Progress progress, Callback<TransactionConfirmation> done)
        = 0;
    [[nodiscard]] virtual Handle setListed(std::uint64_t titleId, bool listed,
        crypto::SecretBytes passphrase, Progress progress, Callback<TransactionConfirmation> done)
        = 0;
    // Buys a licence at the title's current, proven price; the licence records the wallet's
    // box key, to which holders seal the title key.
    [[nodiscard]] virtual Handle buy(std::uint64_t titleId, crypto::SecretBytes passphrase,
        Progress progress, Callback<Purchase> done)
        = 0;
};

} // namespace ls::api
