#pragma once

#include "app/cli/CommandContext.h"
#include "core/api/Chain.h"
#include "core/api/Market.h"
#include "core/api/Wallet.h"
#include "core/protocol/NetworkProfile.h"

#include <QEventLoop>

#include <memory>
#include <optional>

namespace ls::cli {

// What the chain commands share: the network profile (--network FILE, else the profile's
// network.json), the light client with its header store in the profile, the wallet, and the
// market over both. Calls are asynchronous underneath; the CLI waits for each with a local event
// loop, so everything it prints was verified by the light client first.
class ChainSession {
public:
    static Result<std::unique_ptr<ChainSession>> open(const CommandContext& context);
    ~ChainSession();

    api::Chain& chain() { return *m_chain; }
    api::Market& market() { return *m_market; }
    api::Wallet& wallet() { return *m_wallet; }
    const protocol::NetworkProfile& network() const { return m_network; }

    // The wallet's address, or a clear error telling how to make one.
    Result<std::string> walletAddress() const;
    // Brings the light client up to date; returns the verified height.
    Result<std::uint64_t> update();

    // Runs `call(callback)` and waits for the callback's result.
    template <typename T, typename Call> Result<T> wait(Call call)
    {
        std::optional<Result<T>> result;
        QEventLoop loop;
        auto handle = call([&](Result<T> value) {
            result = std::move(value);
            loop.quit();
        });
        if (!result)
            loop.exec();
        return std::move(*result);
    }

    // Prints each stage of a transaction on standard error (unless --json).
    api::Market::Progress progressPrinter() const;

private:
    ChainSession(const CommandContext& context, protocol::NetworkProfile network);

    const CommandContext& m_context;
    protocol::NetworkProfile m_network;
    std::unique_ptr<api::Wallet> m_wallet;
    std::unique_ptr<api::Chain> m_chain;
    std::unique_ptr<api::Market> m_market;
};

} // namespace ls::cli
