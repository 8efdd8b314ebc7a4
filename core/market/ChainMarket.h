#pragma once

#include "core/api/Chain.h"
#include "core/api/Market.h"
#include "core/api/Wallet.h"
#include "core/market/TransactionJob.h"

#include <QObject>
#include <QThreadPool>

#include <deque>
#include <memory>

namespace ls::market {

// api::Market over the light client's api::Chain and the profile's api::Wallet. Operations run
// one after another (each transaction's nonce follows the one before); each is a TransactionJob
// plus what the operation checks before signing and reads back once final.
//
// Construct and use on one thread with an event loop; `chain` and `wallet` must outlive it.
// Destruction waits for a signature in progress (at most an Argon2id unlock) and reports nothing.
class ChainMarket final : public api::Market {
public:
    ChainMarket(api::Chain& chain, const api::Wallet& wallet, TransactionTimings timings = {});
    ~ChainMarket() override;

    ChainMarket(const ChainMarket&) = delete;
    ChainMarket& operator=(const ChainMarket&) = delete;

    [[nodiscard]] Handle send(std::string to, std::string amount, crypto::SecretBytes passphrase,
        Progress progress, Callback<api::TransactionConfirmation> done) override;
    [[nodiscard]] Handle publishRecord(api::NewTitleRecord title, crypto::SecretBytes passphrase,
        Progress progress, Callback<api::PublishedTitle> done) override;
    [[nodiscard]] Handle addVersionRecord(api::NewVersionRecord version,
        crypto::SecretBytes passphrase, Progress progress,
        Callback<api::AddedVersion> done) override;
    [[nodiscard]] Handle setPrice(std::uint64_t titleId, std::string price,
        crypto::SecretBytes passphrase, Progress progress,
        Callback<api::TransactionConfirmation> done) override;
    [[nodiscard]] Handle setListed(std::uint64_t titleId, bool listed,
        crypto::SecretBytes passphrase, Progress progress,
        Callback<api::TransactionConfirmation> done) override;
    [[nodiscard]] Handle buy(std::uint64_t titleId, crypto::SecretBytes passphrase,
        Progress progress, Callback<api::Purchase> done) override;

private:
    // One queued operation: its transaction, then an optional read-back that turns the
    // confirmation into the operation's result.
    struct Operation;
    template <typename T>
    using Finish
        = std::function<void(api::TransactionConfirmation, std::function<void(Result<T>)>)>;

    template <typename T>
    Handle enqueue(crypto::SecretBytes passphrase, TransactionJob::Prepare prepare,
        Finish<T> finish, Progress progress, Callback<T> done);
    template <typename T> Handle failLater(Callback<T> done, Error error);
    void startNext();
    void release(const std::shared_ptr<Operation>& operation);
    // Checks shared by the author's operations: the title exists and is the wallet's.
    TransactionJob::Prepare authorOnly(std::uint64_t titleId,
        std::function<Result<TransactionJob::Planner>(const api::TitleInfo&)> plan);

    api::Chain& m_chain;
    const api::Wallet& m_wallet;
    TransactionTimings m_timings;
    std::deque<std::shared_ptr<Operation>> m_queue; // front() is running
    api::Chain::Handle m_readBack; // the running operation's read-back
    QThreadPool m_signers;
    std::unique_ptr<QObject> m_home;
};

} // namespace ls::market
