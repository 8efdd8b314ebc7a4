#include "app/cli/ChainSession.h"

#include "core/codec/Hex.h"
#include "core/light/LightChain.h"
#include "core/market/ChainMarket.h"
#include "core/wallet/KeystoreWallet.h"

#include <cstdio>
#include <system_error>

namespace ls::cli {

Result<std::unique_ptr<ChainSession>> ChainSession::open(const CommandContext& context)
{
    const std::filesystem::path file
        = context.networkFile ? *context.networkFile : context.profile.networkProfileFile();
    std::error_code error;
    if (!context.networkFile && !std::filesystem::exists(file, error))
        return fail(ErrorKind::NotFound,
            "Profile '" + context.profile.name()
                + "' has no network yet: pass --network FILE, or run `lightstreams-cli network "
                  "use FILE` once (`lightstreams-node --dev` prints where its network.json is)");
    auto network = protocol::NetworkProfile::load(file);
    if (!network)
        return fail(network.error().kind,
            "Cannot use the network profile " + file.string() + ": " + network.error().message);
    return std::unique_ptr<ChainSession>(new ChainSession(context, std::move(*network)));
}

ChainSession::ChainSession(const CommandContext& context, protocol::NetworkProfile network)
    : m_context(context)
    , m_network(std::move(network))
{
    const auto store = m_context.profile.headerStoreFile(codec::toHex(m_network.genesisHash));
    std::error_code ignored; // a failure to create it shows when the store opens
    std::filesystem::create_directories(store.parent_path(), ignored);
    m_wallet = std::make_unique<wallet::KeystoreWallet>(m_context.profile.keystoreFile());
    m_chain = std::make_unique<light::LightChain>(m_network, store);
    m_market = std::make_unique<market::ChainMarket>(*m_chain, *m_wallet);
}

// The market goes first: it waits for its signer and holds references to the others.
ChainSession::~ChainSession() { m_market.reset(); }

Result<std::string> ChainSession::walletAddress() const
{
    auto address = m_wallet->address();
    if (!address)
        return fail(ErrorKind::NotFound,
            "Profile '" + m_context.profile.name()
                + "' has no wallet yet: run `lightstreams-cli wallet new` (or `wallet import`)");
    return *address;
}

Result<std::uint64_t> ChainSession::update()
{
    return wait<std::uint64_t>([&](auto done) { return m_chain->update(std::move(done)); });
}

api::Market::Progress ChainSession::progressPrinter() const
{
    if (m_context.json)
        return nullptr;
    return [](const api::TransactionProgress& progress) {
        switch (progress.stage) {
        case api::TransactionStage::Syncing:
            std::fputs("Verifying the chain…\n", stderr);
            break;
        case api::TransactionStage::Signing:
            std::fputs("Unlocking the wallet and signing…\n", stderr);
            break;
        case api::TransactionStage::Submitting:
            std::fprintf(stderr, "Sending %s…\n", progress.txHash.c_str());
            break;
        case api::TransactionStage::Confirming:
            std::fputs("Waiting for a verified block…\n", stderr);
            break;
        }
    };
}

} // namespace ls::cli
