#include "core/localnet/WalletFunding.h"

#include "core/codec/UInt256.h"
#include "core/light/LightChain.h"
#include "core/localnet/LocalAccount.h"
#include "core/market/ChainMarket.h"
#include "core/market/WorkerTask.h"
#include "core/util/AtomicFile.h"
#include "core/wallet/KeystoreWallet.h"

#include <QTimer>

#include <algorithm>
#include <cctype>
#include <system_error>

namespace ls::localnet {
namespace {

std::string lowercase(std::string text)
{
    std::ranges::transform(
        text, text.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return text;
}

} // namespace

// Members go in reverse order: the market before the wallet and the chain it uses.
struct WalletFunding::Sender {
    std::unique_ptr<light::LightChain> chain;
    std::unique_ptr<wallet::KeystoreWallet> wallet;
    std::unique_ptr<market::ChainMarket> market;
};

WalletFunding::WalletFunding(
    LocalNetworkFiles files, std::string amountPht, std::chrono::milliseconds retryInterval)
    : m_files(std::move(files))
    , m_amountPht(std::move(amountPht))
    , m_retryInterval(retryInterval)
    , m_lock(m_files.fundingLockFile())
    , m_home(std::make_unique<QObject>())
{
}

WalletFunding::~WalletFunding()
{
    cancel();
}

bool WalletFunding::recorded(const std::string& address) const
{
    std::error_code error;
    return std::filesystem::exists(m_files.fundedDirectory() / lowercase(address), error);
}

void WalletFunding::fund(protocol::NetworkProfile network, std::string address,
    std::function<void(Result<Outcome>)> done)
{
    cancel();
    m_network = std::move(network);
    m_address = std::move(address);
    m_done = std::move(done);
    m_run = std::make_shared<int>(0);
    attempt();
}

void WalletFunding::cancel()
{
    m_run.reset();
    m_done = nullptr;
    m_call = {};
    m_sender.reset(); // waits for a signature in progress
    m_lock.release();
}

void WalletFunding::attempt()
{
    // The record first, without the lock: a funded wallet never waits for another app.
    if (recorded(m_address))
        return finish(Outcome::AlreadyFunded);
    auto locked = m_lock.tryLock();
    if (!locked)
        return finish(std::unexpected(locked.error()));
    if (!*locked) { // another app funds its wallet now
        QTimer::singleShot(m_retryInterval, m_home.get(), [this, run = std::weak_ptr<int>(m_run)] {
            if (run.lock())
                attempt();
        });
        return;
    }
    if (recorded(m_address)) // written while we waited
        return finish(Outcome::AlreadyFunded);
    // The funding account's own header store: only the holder of funding.lock opens it.
    m_sender = std::make_unique<Sender>();
    m_sender->chain
        = std::make_unique<light::LightChain>(m_network, m_files.fundingDirectory() / "headers.db");
    m_call = m_sender->chain->update([this](Result<std::uint64_t> height) {
        later([this, height = std::move(height)] {
            if (!height)
                return finish(std::unexpected(height.error()));
            checkBalance();
        });
    });
}

void WalletFunding::checkBalance()
{
    m_call = m_sender->chain->account(m_address, [this](Result<api::AccountInfo> account) {
        later([this, account = std::move(account)] {
            if (!account)
                return finish(std::unexpected(account.error()));
            if (account->balance != "0")
                return finish(Outcome::AlreadyFunded);
            send();
        });
    });
}

void WalletFunding::send()
{
    const LocalAccount funder(m_files.fundingDirectory());
    auto passphrase = funder.passphrase();
    if (!passphrase)
        return finish(std::unexpected(passphrase.error()));
    auto amount = codec::parseUnits(m_amountPht);
    if (!amount)
        return finish(std::unexpected(amount.error()));
    m_sender->wallet = std::make_unique<wallet::KeystoreWallet>(funder.keystoreFile());
    m_sender->market = std::make_unique<market::ChainMarket>(*m_sender->chain, *m_sender->wallet);
    m_call = m_sender->market->send(m_address, amount->toDecimalString(), std::move(*passphrase),
        nullptr, [this](Result<api::TransactionConfirmation> sent) {
            later([this, sent = std::move(sent)] {
                if (!sent)
                    return finish(std::unexpected(sent.error()));
                finish(Outcome::Sent);
            });
        });
}

void WalletFunding::later(std::function<void()> step)
{
    // From the event loop: the next step replaces the handle whose callback is on the stack.
    market::postTo(m_home.get(), m_run, std::move(step));
}

void WalletFunding::finish(Result<Outcome> outcome)
{
    if (outcome) {
        if (auto written = record(); !written)
            outcome = std::unexpected(written.error());
    }
    m_lock.release();
    m_call = {};
    m_sender.reset();
    m_run.reset();
    if (auto done = std::exchange(m_done, nullptr))
        done(std::move(outcome));
}

Result<void> WalletFunding::record() const
{
    std::error_code error;
    std::filesystem::create_directories(m_files.fundedDirectory(), error);
    return writeFileAtomically(m_files.fundedDirectory() / lowercase(m_address), asBytes(""));
}

} // namespace ls::localnet
