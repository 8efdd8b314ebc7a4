#include "core/market/ChainMarket.h"

#include "core/codec/Hex.h"

#include <QTimer>

#include <type_traits>

namespace ls::market {
namespace {

Result<codec::UInt256> amountOf(const std::string& baseUnits, std::string_view what)
{
    auto value = codec::UInt256::fromDecimal(baseUnits);
    if (!value)
        return fail(ErrorKind::InvalidInput,
            std::string(what) + " is not an amount of base units: " + value.error().message);
    return value;
}

// An optional 32-byte hash typed by a user: empty means all zero.
Result<Hash256> hashOrZero(const std::string& text, std::string_view what)
{
    if (text.empty())
        return Hash256 {};
    auto hash = codec::fromHexFixed<32>(text);
    if (!hash)
        return fail(ErrorKind::InvalidInput,
            std::string(what) + " must be 0x and 64 hex digits: " + hash.error().message);
    return hash;
}

TransactionJob::Prepare ready(TransactionJob::Planner planner)
{
    return [planner = std::move(planner)](const ChainFacts&, auto next) { next(planner); };
}

TransactionJob::Planner fixedPlan(TransactionPlan plan)
{
    return [plan = std::move(plan)](const api::UnlockedAccount&) -> Result<TransactionPlan> {
        return plan;
    };
}

} // namespace

struct ChainMarket::Operation {
    std::function<void()> start;
    std::shared_ptr<TransactionJob> job; // while its transaction is under way
};

ChainMarket::ChainMarket(api::Chain& chain, const api::Wallet& wallet, TransactionTimings timings)
    : m_chain(chain)
    , m_wallet(wallet)
    , m_timings(timings)
    , m_home(std::make_unique<QObject>())
{
    m_signers.setMaxThreadCount(1);
}

ChainMarket::~ChainMarket()
{
    for (auto& operation : m_queue)
        if (operation->job)
            operation->job->cancel();
    m_signers.waitForDone(); // their results are posted to m_home, which goes next
    m_queue.clear();
}

template <typename T>
api::Market::Handle ChainMarket::enqueue(crypto::SecretBytes passphrase,
    TransactionJob::Prepare prepare, Finish<T> finish, Progress progress, Callback<T> done)
{
    auto operation = std::make_shared<Operation>();
    std::weak_ptr<Operation> weak = operation;
    operation->start = [this, weak, passphrase = std::move(passphrase),
                           prepare = std::move(prepare), finish = std::move(finish),
                           progress = std::move(progress), done = std::move(done)]() mutable {
        auto self = weak.lock();
        if (!self)
            return;
        // Hands the result over once: the queue moves on first, then the caller hears.
        auto deliver = [this, weak, done](Result<T> result) {
            auto running = weak.lock();
            if (!running)
                return; // released meanwhile
            release(running);
            done(std::move(result));
        };
        TransactionJob::Services services { m_chain, m_wallet, m_signers, *m_home, m_timings };
        self->job = std::make_shared<TransactionJob>(services, std::move(passphrase),
            std::move(prepare), std::move(progress),
            [this, finish, deliver](Result<api::TransactionConfirmation> confirmation) {
                if (!confirmation)
                    return deliver(std::unexpected(confirmation.error()));
                if constexpr (std::is_same_v<T, api::TransactionConfirmation>)
                    deliver(std::move(*confirmation));
                else
                    finish(std::move(*confirmation), deliver);
            });
        self->job->start();
    };
    m_queue.push_back(operation);
    if (m_queue.size() == 1)
        startNext();
    return Handle([this, weak] {
        if (auto operation = weak.lock())
            release(operation);
    });
}

template <typename T>
api::Market::Handle ChainMarket::failLater(Callback<T> done, Error error)
{
    auto live = std::make_shared<bool>(true);
    QTimer::singleShot(0, m_home.get(), [live, done = std::move(done), error = std::move(error)] {
        if (*live)
            done(std::unexpected(error));
    });
    return Handle([live] { *live = false; });
}

void ChainMarket::startNext()
{
    // Posted, so a caller's callback never runs inside the call that queued it.
    QTimer::singleShot(0, m_home.get(), [this] {
        if (!m_queue.empty() && !m_queue.front()->job)
            m_queue.front()->start();
    });
}

void ChainMarket::release(const std::shared_ptr<Operation>& operation)
{
    const bool wasRunning = !m_queue.empty() && m_queue.front() == operation;
    if (operation->job)
        operation->job->cancel();
    std::erase(m_queue, operation);
    if (wasRunning) {
        m_readBack.reset();
        startNext();
    }
}

api::Market::Handle ChainMarket::send(std::string to, std::string amount,
    crypto::SecretBytes passphrase, Progress progress, Callback<api::TransactionConfirmation> done)
{
    auto recipient = crypto::Address::parse(to);
    if (!recipient)
        return failLater(std::move(done), recipient.error());
    auto value = amountOf(amount, "The amount");
    if (!value)
        return failLater(std::move(done), value.error());
    return enqueue<api::TransactionConfirmation>(std::move(passphrase),
        ready(fixedPlan({ *recipient, *value, transferCall() })), nullptr, std::move(progress),
        std::move(done));
}

api::Market::Handle ChainMarket::publishRecord(api::NewTitleRecord title,
    crypto::SecretBytes passphrase, Progress progress, Callback<api::PublishedTitle> done)
{
    auto price = amountOf(title.price, "The price");
    auto metadata = hashOrZero(title.metadataInfohash, "The metadata infohash");
    auto commitment = hashOrZero(title.keyCommitment, "The key commitment");
    auto subject = checkSubject(title.subject);
    if (!price || !metadata || !commitment || !subject)
        return failLater(std::move(done),
            !price ? price.error()
                   : !metadata ? metadata.error()
                               : !commitment ? commitment.error() : subject.error());
    TransactionPlan plan { catalogAddress(), {},
        publishCall(*metadata, *commitment, *price, title.subject) };
    Finish<api::PublishedTitle> finish = [](api::TransactionConfirmation confirmation,
                                             auto deliver) {
        auto titleId = publishedTitleId(confirmation.logs);
        if (!titleId)
            return deliver(std::unexpected(titleId.error()));
        deliver(api::PublishedTitle { *titleId, std::move(confirmation) });
    };
    return enqueue<api::PublishedTitle>(std::move(passphrase), ready(fixedPlan(std::move(plan))),
        std::move(finish), std::move(progress), std::move(done));
}

TransactionJob::Prepare ChainMarket::authorOnly(std::uint64_t titleId,
    std::function<Result<TransactionJob::Planner>(const api::TitleInfo&)> plan)
{
    return [this, titleId, plan = std::move(plan)](const ChainFacts& facts, auto next) {
        m_readBack = m_chain.title(titleId,
            [titleId, sender = facts.sender.address, plan, next](
                Result<std::optional<api::TitleInfo>> title) {
                if (!title)
                    return next(std::unexpected(title.error()));
                if (!*title)
                    return next(fail(ErrorKind::NotFound,
                        "There is no title " + std::to_string(titleId) + " (proven absent)"));
                if ((*title)->author != sender)
                    return next(fail(ErrorKind::InvalidInput,
                        "Title " + std::to_string(titleId) + " belongs to " + (*title)->author
                            + "; only its author can change it"));
                next(plan(**title));
            });
    };
}

api::Market::Handle ChainMarket::addVersionRecord(api::NewVersionRecord version,
    crypto::SecretBytes passphrase, Progress progress, Callback<api::AddedVersion> done)
{
    auto content = codec::fromHexFixed<32>(version.contentInfohash);
    if (!content)
        return failLater(std::move(done),
            Error { ErrorKind::InvalidInput,
                "The content infohash must be 0x and 64 hex digits: " + content.error().message });
    if (auto note = checkNote(version.note); !note)
        return failLater(std::move(done), note.error());
    auto call = addVersionCall(version.titleId, *content, version.size, version.note);
    auto prepare = authorOnly(version.titleId, [call](const api::TitleInfo&) {
        return Result<TransactionJob::Planner>(fixedPlan({ catalogAddress(), {}, call }));
    });
    Finish<api::AddedVersion> finish = [titleId = version.titleId](
                                           api::TransactionConfirmation confirmation,
                                           auto deliver) {
        auto number = addedVersionNumber(confirmation.logs);
        if (!number)
            return deliver(std::unexpected(number.error()));
        deliver(api::AddedVersion { titleId, *number, std::move(confirmation) });
    };
    return enqueue<api::AddedVersion>(std::move(passphrase), std::move(prepare), std::move(finish),
        std::move(progress), std::move(done));
}

api::Market::Handle ChainMarket::setPrice(std::uint64_t titleId, std::string price,
    crypto::SecretBytes passphrase, Progress progress, Callback<api::TransactionConfirmation> done)
{
    auto value = amountOf(price, "The price");
    if (!value)
        return failLater(std::move(done), value.error());
    auto prepare = authorOnly(titleId, [call = setPriceCall(titleId, *value)](const auto&) {
        return Result<TransactionJob::Planner>(fixedPlan({ catalogAddress(), {}, call }));
    });
    return enqueue<api::TransactionConfirmation>(
        std::move(passphrase), std::move(prepare), nullptr, std::move(progress), std::move(done));
}

api::Market::Handle ChainMarket::setListed(std::uint64_t titleId, bool listed,
    crypto::SecretBytes passphrase, Progress progress, Callback<api::TransactionConfirmation> done)
{
    auto prepare = authorOnly(titleId, [call = setListedCall(titleId, listed)](const auto&) {
        return Result<TransactionJob::Planner>(fixedPlan({ catalogAddress(), {}, call }));
    });
    return enqueue<api::TransactionConfirmation>(
        std::move(passphrase), std::move(prepare), nullptr, std::move(progress), std::move(done));
}

api::Market::Handle ChainMarket::buy(std::uint64_t titleId, crypto::SecretBytes passphrase,
    Progress progress, Callback<api::Purchase> done)
{
    // Before paying a fee: the title exists, is for sale, has content, and is not already ours.
    TransactionJob::Prepare prepare = [this, titleId](const ChainFacts& facts, auto next) {
        m_readBack = m_chain.title(titleId, [this, titleId, buyer = facts.sender.address, next](
                                                Result<std::optional<api::TitleInfo>> title) {
            const std::string name = "title " + std::to_string(titleId);
            if (!title)
                return next(std::unexpected(title.error()));
            if (!*title)
                return next(fail(ErrorKind::NotFound, "There is no " + name + " (proven absent)"));
            if (!(*title)->listed)
                return next(fail(ErrorKind::InvalidInput, "The author has delisted " + name));
            if ((*title)->versionCount == 0)
                return next(fail(ErrorKind::InvalidInput, name + " has no content yet"));
            const std::string price = (*title)->price;
            m_readBack = m_chain.licence(titleId, buyer,
                [titleId, name, price, next](Result<std::optional<api::LicenceInfo>> licence) {
                    if (!licence)
                        return next(std::unexpected(licence.error()));
                    if (*licence)
                        return next(fail(ErrorKind::InvalidInput,
                            "This wallet already holds a licence for " + name));
                    next(TransactionJob::Planner(
                        [titleId, price](const api::UnlockedAccount& account)
                            -> Result<TransactionPlan> {
                            auto boxKey = codec::fromHexFixed<32>(account.boxPublicKey());
                            auto value = codec::UInt256::fromDecimal(price);
                            if (!boxKey || !value)
                                return fail(ErrorKind::Internal, "Unreadable box key or price");
                            return TransactionPlan { catalogAddress(), *value,
                                purchaseCall(titleId, *boxKey) };
                        }));
                });
        });
    };
    Finish<api::Purchase> finish = [this, titleId](api::TransactionConfirmation confirmation,
                                       auto deliver) {
        const std::string buyer = m_wallet.address().value_or("");
        m_readBack = m_chain.licence(titleId, buyer,
            [confirmation, deliver](Result<std::optional<api::LicenceInfo>> licence) mutable {
                if (!licence)
                    return deliver(std::unexpected(licence.error()));
                if (!*licence)
                    return deliver(fail(ErrorKind::Verification,
                        "The purchase is final but the chain proves no licence for it"));
                deliver(api::Purchase { std::move(confirmation), std::move(**licence) });
            });
    };
    return enqueue<api::Purchase>(std::move(passphrase), std::move(prepare), std::move(finish),
        std::move(progress), std::move(done));
}

} // namespace ls::market
