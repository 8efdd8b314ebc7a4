#pragma once

#include "core/api/Chain.h"
#include "core/api/Market.h"
#include "core/api/Wallet.h"
#include "core/codec/UInt256.h"
#include "core/crypto/Address.h"
#include "core/crypto/SecureMemory.h"
#include "core/market/CatalogCalls.h"

#include <QObject>
#include <QThreadPool>

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace ls::market {

// What the wallet is about to sign, decided with the account unlocked (a purchase needs its box
// key in the calldata).
struct TransactionPlan {
    crypto::Address to;
    codec::UInt256 value;
    PreparedCall call;
};

// The proven facts a transaction is built from.
struct ChainFacts {
    api::AccountInfo sender;
    api::NetworkParameters network;
};

struct TransactionTimings {
    std::chrono::milliseconds pollInterval { 200 };
    std::chrono::milliseconds confirmTimeout { 120'000 };
};

// One transaction from the wallet to a verified block:
//   update the light client → proven nonce, balance and network parameters → the operation's own
//   checks (`prepare`) → unlock and sign on a worker thread → submit → poll confirm() until a
//   verified block holds the receipt.
// A reverted receipt is a failure carrying the revert reason. Lives on the thread that runs it;
// results come through `done`, once, unless cancel() came first.
class TransactionJob : public std::enable_shared_from_this<TransactionJob> {
public:
    using Planner = std::function<Result<TransactionPlan>(const api::UnlockedAccount&)>;
    using Prepare = std::function<void(const ChainFacts&, std::function<void(Result<Planner>)>)>;
    using Done = std::function<void(Result<api::TransactionConfirmation>)>;

    struct Services {
        api::Chain& chain;
        const api::Wallet& wallet;
        QThreadPool& signers; // unlocking is Argon2id: never on the caller's thread
        QObject& home; // on the caller's thread; outlives every job and every signer task
        TransactionTimings timings;
    };

    TransactionJob(Services services, crypto::SecretBytes passphrase, Prepare prepare,
        api::Market::Progress progress, Done done);

    void start();
    // Stops at the current step; nothing more is reported.
    void cancel();

private:
    void readFacts();
    void onFacts();
    void sign(Planner planner);
    void onSigned(Result<api::SignedTransaction> signedTransaction);
    void poll();
    void report(api::TransactionStage stage);
    void finish(Result<api::TransactionConfirmation> outcome);

    Services m_services;
    crypto::SecretBytes m_passphrase;
    Prepare m_prepare;
    api::Market::Progress m_progress;
    Done m_done;

    std::string m_sender;
    std::optional<api::AccountInfo> m_account;
    std::optional<api::NetworkParameters> m_network;
    std::string m_txHash;
    std::chrono::steady_clock::time_point m_submittedAt;
    api::Chain::Handle m_pending;
    api::Chain::Handle m_pendingSecond;
    bool m_finished = false;
};

} // namespace ls::market
