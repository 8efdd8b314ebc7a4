#pragma once

#include "core/api/Chain.h"
#include "core/localnet/ExclusiveFileLock.h"
#include "core/localnet/LocalNetworkFiles.h"
#include "core/protocol/NetworkProfile.h"

#include <QObject>

#include <chrono>
#include <functional>
#include <memory>
#include <string>

namespace ls::localnet {

// Gives PHT to a wallet that came to "This computer"'s network after genesis (the second
// profile on the machine, or any later one): a transfer from the network's funding account
// (LocalAccount in LocalNetworkFiles::fundingDirectory(), funded at genesis), proven like any
// payment. Every app on the machine may fund its own wallet, so the whole check-and-send runs
// under funding.lock (one sender at a time: the account's nonces never collide), and a wallet
// is funded once: a record in funded/ says it was, and a wallet whose proven balance is not zero
// (funded at genesis, or by a run that ended before writing the record) is only recorded.
class WalletFunding {
public:
    enum class Outcome {
        Sent, // the transfer is on chain
        AlreadyFunded, // a record, or PHT on the wallet already: nothing sent
    };

    WalletFunding(LocalNetworkFiles files, std::string amountPht,
        std::chrono::milliseconds retryInterval = std::chrono::milliseconds(500));
    ~WalletFunding();

    WalletFunding(const WalletFunding&) = delete;
    WalletFunding& operator=(const WalletFunding&) = delete;

    // Funds `address` on the running network `network` unless it was funded; waits while
    // another app funds. `done` comes once, on this thread, unless cancel() or destruction
    // comes first. Replaces a funding in progress.
    void fund(protocol::NetworkProfile network, std::string address,
        std::function<void(Result<Outcome>)> done);
    void cancel();
    bool recorded(const std::string& address) const;

private:
    void attempt();
    void checkBalance();
    void send();
    void later(std::function<void()> step);
    void finish(Result<Outcome> outcome);
    Result<void> record() const;

    struct Sender; // the light client, the funding account's wallet and a market over both

    LocalNetworkFiles m_files;
    std::string m_amountPht;
    std::chrono::milliseconds m_retryInterval;
    ExclusiveFileLock m_lock;
    protocol::NetworkProfile m_network;
    std::string m_address;
    std::function<void(Result<Outcome>)> m_done;
    std::unique_ptr<Sender> m_sender;
    api::Chain::Handle m_call;
    std::unique_ptr<QObject> m_home; // retries run here
    std::shared_ptr<int> m_run; // replaced by fund() and cancel(): late retries are dropped
};

} // namespace ls::localnet
