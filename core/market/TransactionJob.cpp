#include "core/market/TransactionJob.h"

#include "core/codec/Hex.h"

#include <QMetaObject>
#include <QTimer>

namespace ls::market {
namespace {

std::string pht(const codec::UInt256& amount) { return codec::formatUnits(amount) + " PHT"; }

// A proven decimal from core/api; it was produced by our own formatter.
codec::UInt256 decimal(const std::string& text)
{
    return codec::UInt256::fromDecimal(text).value_or(codec::UInt256());
}

} // namespace

TransactionJob::TransactionJob(Services services, crypto::SecretBytes passphrase, Prepare prepare,
    api::Market::Progress progress, Done done)
    : m_services(services)
    , m_passphrase(std::move(passphrase))
    , m_prepare(std::move(prepare))
    , m_progress(std::move(progress))
    , m_done(std::move(done))
{
}

void TransactionJob::start()
{
    auto sender = m_services.wallet.address();
    if (!sender)
        return finish(fail(ErrorKind::NotFound, "There is no wallet in this profile yet"));
    m_sender = *sender;
    report(api::TransactionStage::Syncing);
    std::weak_ptr<TransactionJob> weak = weak_from_this();
    m_pending = m_services.chain.update([weak](Result<std::uint64_t> height) {
        auto self = weak.lock();
        if (!self)
            return;
        if (!height)
            return self->finish(fail(height.error().kind,
                "Could not bring the chain up to date: " + height.error().message));
        self->readFacts();
    });
}

void TransactionJob::readFacts()
{
    std::weak_ptr<TransactionJob> weak = weak_from_this();
    m_pending = m_services.chain.account(m_sender, [weak](Result<api::AccountInfo> account) {
        auto self = weak.lock();
        if (!self)
            return;
        if (!account)
            return self->finish(std::unexpected(account.error()));
        self->m_account = std::move(*account);
        self->onFacts();
    });
    m_pendingSecond
        = m_services.chain.parameters([weak](Result<api::NetworkParameters> parameters) {
              auto self = weak.lock();
              if (!self)
                  return;
              if (!parameters)
                  return self->finish(std::unexpected(parameters.error()));
              self->m_network = std::move(*parameters);
              self->onFacts();
          });
}

void TransactionJob::onFacts()
{
    if (m_finished || !m_account || !m_network)
        return; // the other read is still on its way
    std::weak_ptr<TransactionJob> weak = weak_from_this();
    m_prepare(ChainFacts { *m_account, *m_network }, [weak](Result<Planner> planner) {
        auto self = weak.lock();
        if (!self || self->m_finished)
            return;
        if (!planner)
            return self->finish(std::unexpected(planner.error()));
        self->sign(std::move(*planner));
    });
}

void TransactionJob::sign(Planner planner)
{
    report(api::TransactionStage::Signing);
    const api::AccountInfo account = *m_account;
    api::TransactionRequest request;
    request.chainId = m_services.chain.status().chainId;
    request.nonce = account.nonce;
    request.maxFeePerGas = m_network->minGasPrice;
    request.maxPriorityFeePerGas = "0";

    std::weak_ptr<TransactionJob> weak = weak_from_this();
    QObject* home = &m_services.home;
    const api::Wallet* wallet = &m_services.wallet;
    // The passphrase goes to the worker; this job keeps no copy.
    m_services.signers.start([weak, home, wallet, request, account, planner = std::move(planner),
                                 passphrase = std::move(m_passphrase)]() mutable {
        auto signedTransaction = [&]() -> Result<api::SignedTransaction> {
            auto unlocked = wallet->unlock(passphrase.asText());
            if (!unlocked)
                return std::unexpected(unlocked.error());
            if ((*unlocked)->address() != account.address)
                return fail(ErrorKind::Internal, "The wallet changed while signing");
            auto plan = planner(**unlocked);
            if (!plan)
                return std::unexpected(plan.error());
            // Everything the sender can lose: the value and the most the gas can cost.
            const codec::UInt256 fee = *codec::UInt256(plan->call.gasLimit)
                                            .checkedMul(decimal(request.maxFeePerGas));
            const auto needed = plan->value.checkedAdd(fee);
            const codec::UInt256 balance = decimal(account.balance);
            if (!needed || balance < *needed)
                return fail(ErrorKind::InvalidInput,
                    "Insufficient funds: this needs " + pht(plan->value) + " plus up to "
                        + pht(fee) + " in fees, and the balance is " + pht(balance));
            request.to = plan->to.toChecksumString();
            request.value = plan->value.toDecimalString();
            request.data = std::move(plan->call.data);
            request.gasLimit = plan->call.gasLimit;
            return (*unlocked)->sign(request);
        }();
        QMetaObject::invokeMethod(
            home,
            [weak, result = std::move(signedTransaction)]() mutable {
                if (auto self = weak.lock())
                    self->onSigned(std::move(result));
            },
            Qt::QueuedConnection);
    });
}

void TransactionJob::onSigned(Result<api::SignedTransaction> signedTransaction)
{
    if (m_finished)
        return;
    if (!signedTransaction)
        return finish(std::unexpected(signedTransaction.error()));
    m_txHash = signedTransaction->hash;
    report(api::TransactionStage::Submitting);
    std::weak_ptr<TransactionJob> weak = weak_from_this();
    m_pending = m_services.chain.submit(
        std::move(signedTransaction->raw), [weak](Result<std::string> hash) {
            auto self = weak.lock();
            if (!self)
                return;
            if (!hash)
                return self->finish(std::unexpected(hash.error()));
            self->m_submittedAt = std::chrono::steady_clock::now();
            self->report(api::TransactionStage::Confirming);
            self->poll();
        });
}

void TransactionJob::poll()
{
    std::weak_ptr<TransactionJob> weak = weak_from_this();
    m_pending = m_services.chain.confirm(
        m_txHash, [weak](Result<api::TransactionConfirmation> confirmation) {
            auto self = weak.lock();
            if (!self || self->m_finished)
                return;
            if (confirmation) {
                if (!confirmation->succeeded)
                    return self->finish(fail(ErrorKind::InvalidInput,
                        "The transaction " + confirmation->txHash + " was included in block "
                            + std::to_string(confirmation->proof.height)
                            + " but failed: " + confirmation->revertReason));
                return self->finish(std::move(*confirmation));
            }
            // Anything but "not in a block yet" means the light client refused what it was
            // shown, or lost the node: waiting would not help.
            if (confirmation.error().kind != ErrorKind::NotFound)
                return self->finish(std::unexpected(confirmation.error()));
            const auto waited = std::chrono::steady_clock::now() - self->m_submittedAt;
            if (waited > self->m_services.timings.confirmTimeout)
                return self->finish(fail(ErrorKind::NotFound,
                    "The transaction " + self->m_txHash + " was sent but no verified block holds "
                        "it yet; it may still be included (check it later by its hash)"));
            QTimer::singleShot(self->m_services.timings.pollInterval, &self->m_services.home,
                [weak] {
                    if (auto again = weak.lock(); again && !again->m_finished)
                        again->poll();
                });
        });
}

void TransactionJob::report(api::TransactionStage stage)
{
    if (m_progress)
        m_progress(api::TransactionProgress { stage, m_txHash });
}

void TransactionJob::cancel()
{
    m_finished = true;
    m_pending.reset();
    m_pendingSecond.reset();
}

void TransactionJob::finish(Result<api::TransactionConfirmation> outcome)
{
    if (m_finished)
        return;
    m_finished = true;
    m_pending.reset();
    m_pendingSecond.reset();
    if (auto done = std::exchange(m_done, nullptr))
        done(std::move(outcome));
}

} // namespace ls::market
