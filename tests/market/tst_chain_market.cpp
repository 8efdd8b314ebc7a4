// The wallet's transactions through api::Market against a real `lightstreams-node --dev`: every
// fact they are built from and every result they report is proven by the light client.
#include "core/codec/UInt256.h"
#include "core/light/LightChain.h"
#include "core/market/CatalogCalls.h"
#include "core/market/ChainMarket.h"
#include "core/wallet/KeystoreWallet.h"

#include <QTemporaryDir>
#include <QTest>

#include "tests/support/DevNetwork.h"
#include <optional>

using namespace ls;
using namespace ls::testing;

namespace {

constexpr int kWaitMs = 60'000;
constexpr std::string_view kPassphrase = "correct horse battery staple";
const std::string kZeroHash = "0x" + std::string(64, '0');
const std::string kContent = "0x" + std::string(64, 'c');

std::string baseUnits(std::string_view pht)
{
    return codec::parseUnits(pht).value().toDecimalString();
}

crypto::SecretBytes passphrase(std::string_view text = kPassphrase)
{
    return crypto::SecretBytes(asBytes(text));
}

// Waits for a callback-style call and returns its result.
template <typename T, typename Call> Result<T> await(Call call)
{
    std::optional<Result<T>> result;
    auto handle = call([&](Result<T> value) { result = std::move(value); });
    if (!QTest::qWaitFor([&] { return result.has_value(); }, kWaitMs))
        return fail(ErrorKind::Internal, "timed out");
    return std::move(*result);
}

// One user: a wallet in a temporary profile, the light client, and the market over both.
class User {
public:
    User(const protocol::NetworkProfile& profile, std::optional<std::string_view> phrase = {})
        : m_wallet(std::filesystem::path(m_dir.path().toStdString()) / "wallet.json")
        , m_chain(profile, std::filesystem::path(m_dir.path().toStdString()) / "headers.db")
        , m_market(m_chain, m_wallet)
    {
        if (phrase)
            address = m_wallet.importPhrase(*phrase, kPassphrase, api::KeyFileStrength::Light)
                          .value();
        else
            address = m_wallet.create(kPassphrase, 12, api::KeyFileStrength::Light)->address;
    }

    api::Chain& chain() { return m_chain; }
    api::Market& market() { return m_market; }
    api::Wallet& wallet() { return m_wallet; }

    api::AccountInfo account()
    {
        [[maybe_unused]] auto height
            = await<std::uint64_t>([&](auto done) { return m_chain.update(done); });
        return await<api::AccountInfo>([&](auto done) { return m_chain.account(address, done); })
            .value();
    }

    std::string address;

private:
    QTemporaryDir m_dir;
    wallet::KeystoreWallet m_wallet;
    light::LightChain m_chain;
    market::ChainMarket m_market;
};

bool failsWith(const auto& result, std::string_view text)
{
    if (result)
        return false;
    if (result.error().message.find(text) == std::string::npos) {
        qWarning("unexpected error: %s", result.error().message.c_str());
        return false;
    }
    return true;
}

} // namespace

class TestChainMarket : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_node.start()); }

    void sendMovesProvenFundsAndReportsEachStage()
    {
        User dev(m_node.profile(), kDevPhrase);
        User reader(m_node.profile());
        std::vector<api::TransactionStage> stages;
        auto sent = await<api::TransactionConfirmation>([&](auto done) {
            return dev.market().send(reader.address, baseUnits("12.5"), passphrase(),
                [&](const api::TransactionProgress& progress) {
                    stages.push_back(progress.stage);
                },
                done);
        });
        QVERIFY2(sent, sent ? "" : sent.error().message.c_str());
        QVERIFY(sent->succeeded);
        QCOMPARE(sent->gasUsed, std::uint64_t { 21'000 });
        using S = api::TransactionStage;
        QCOMPARE(stages,
            (std::vector<S> { S::Syncing, S::Signing, S::Submitting, S::Confirming }));
        QCOMPARE(reader.account().balance, baseUnits("12.5"));
    }

    void queuedTransactionsTakeConsecutiveNonces()
    {
        User dev(m_node.profile(), kDevPhrase);
        User reader(m_node.profile());
        const std::uint64_t nonceBefore = dev.account().nonce;
        std::optional<Result<api::TransactionConfirmation>> first, second;
        auto a = dev.market().send(reader.address, baseUnits("1"), passphrase(), nullptr,
            [&](auto result) { first = std::move(result); });
        auto b = dev.market().send(reader.address, baseUnits("2"), passphrase(), nullptr,
            [&](auto result) { second = std::move(result); });
        QTRY_VERIFY_WITH_TIMEOUT(first && second, kWaitMs);
        QVERIFY(*first && *second);
        QCOMPARE(dev.account().nonce, nonceBefore + 2);
        QCOMPARE(reader.account().balance, baseUnits("3"));
    }

    void wrongPassphraseSendsNothing()
    {
        User dev(m_node.profile(), kDevPhrase);
        const std::uint64_t nonceBefore = dev.account().nonce;
        auto sent = await<api::TransactionConfirmation>([&](auto done) {
            return dev.market().send(std::string(kDevAccount0), "1",
                passphrase("not the passphrase"), nullptr, done);
        });
        QVERIFY(!sent);
        QCOMPARE(sent.error().kind, ErrorKind::WrongPassphrase);
        QCOMPARE(dev.account().nonce, nonceBefore);
    }

    void insufficientFundsIsRefusedBeforeSigning()
    {
        User poor(m_node.profile());
        auto sent = await<api::TransactionConfirmation>([&](auto done) {
            return poor.market().send(std::string(kDevAccount0), baseUnits("1"), passphrase(),
                nullptr, done);
        });
        QVERIFY(failsWith(sent, "Insufficient funds"));
        QCOMPARE(poor.account().nonce, std::uint64_t { 0 });
    }

    void publishAddVersionAndBuyGiveAProvenLicence()
    {
        User author(m_node.profile(), kDevPhrase);
        User reader(m_node.profile());
        QVERIFY(await<api::TransactionConfirmation>([&](auto done) {
            return author.market().send(reader.address, baseUnits("100"), passphrase(), nullptr,
                done);
        }));

        api::NewTitleRecord record { baseUnits("2.5"), "Poetry", kZeroHash, "" };
        auto published = await<api::PublishedTitle>([&](auto done) {
            return author.market().publishRecord(record, passphrase(), nullptr, done);
        });
        QVERIFY2(published, published ? "" : published.error().message.c_str());
        const std::uint64_t titleId = published->titleId;
        QVERIFY(titleId >= 1);

        // No content yet: refused before any fee is spent.
        auto early = await<api::Purchase>(
            [&](auto done) { return reader.market().buy(titleId, passphrase(), nullptr, done); });
        QVERIFY(failsWith(early, "has no content yet"));

        auto version = await<api::AddedVersion>([&](auto done) {
            return author.market().addVersionRecord(
                { titleId, kContent, 4096, "first edition" }, passphrase(), nullptr, done);
        });
        QVERIFY2(version, version ? "" : version.error().message.c_str());
        QCOMPARE(version->number, std::uint32_t { 1 });

        const std::string balanceBefore = reader.account().balance;
        auto bought = await<api::Purchase>(
            [&](auto done) { return reader.market().buy(titleId, passphrase(), nullptr, done); });
        QVERIFY2(bought, bought ? "" : bought.error().message.c_str());
        QCOMPARE(bought->licence.buyer, reader.address);
        QCOMPARE(bought->licence.price, baseUnits("2.5"));
        QCOMPARE(bought->licence.versionAtPurchase, std::uint32_t { 1 });
        auto unlocked = reader.wallet().unlock(kPassphrase);
        QVERIFY(unlocked);
        QCOMPARE(bought->licence.buyerBoxKey, (*unlocked)->boxPublicKey());
        // The buyer paid the price and the fee of exactly the gas used, nothing else.
        const auto paid = *codec::UInt256::fromDecimal(balanceBefore)->checkedSub(
            *codec::UInt256::fromDecimal(reader.account().balance));
        const auto fee = *codec::UInt256(bought->confirmation.gasUsed)
                              .checkedMul(*codec::UInt256::fromDecimal(
                                  bought->confirmation.effectiveGasPrice));
        QCOMPARE(paid, *codec::parseUnits("2.5")->checkedAdd(fee));

        auto again = await<api::Purchase>(
            [&](auto done) { return reader.market().buy(titleId, passphrase(), nullptr, done); });
        QVERIFY(failsWith(again, "already holds a licence"));

        // Only the author changes the price; the author's change is proven afterwards.
        auto stolen = await<api::TransactionConfirmation>([&](auto done) {
            return reader.market().setPrice(titleId, "1", passphrase(), nullptr, done);
        });
        QVERIFY(failsWith(stolen, "only its author can change it"));
        QVERIFY(await<api::TransactionConfirmation>([&](auto done) {
            return author.market().setPrice(titleId, baseUnits("3"), passphrase(), nullptr, done);
        }));
        QVERIFY(await<api::TransactionConfirmation>([&](auto done) {
            return author.market().setListed(titleId, false, passphrase(), nullptr, done);
        }));
        auto title = await<std::optional<api::TitleInfo>>(
            [&](auto done) { return author.chain().title(titleId, done); });
        QVERIFY(title && *title);
        QCOMPARE((*title)->price, baseUnits("3"));
        QVERIFY(!(*title)->listed);
        QCOMPARE((*title)->salesCount, std::uint64_t { 1 });
    }

    void badInputFailsWithoutTouchingTheChain()
    {
        User dev(m_node.profile(), kDevPhrase);
        QVERIFY(failsWith(await<api::TransactionConfirmation>([&](auto done) {
            return dev.market().send("0x1234", "1", passphrase(), nullptr, done);
        }),
            "0x"));
        QVERIFY(failsWith(await<api::TransactionConfirmation>([&](auto done) {
            return dev.market().send(std::string(kDevAccount0), "1.5", passphrase(), nullptr, done);
        }),
            "base units"));
        QVERIFY(failsWith(await<api::PublishedTitle>([&](auto done) {
            return dev.market().publishRecord(
                { "1", std::string(65, 's'), "", "" }, passphrase(), nullptr, done);
        }),
            "subject is too long"));
        QVERIFY(failsWith(await<api::Purchase>([&](auto done) {
            return dev.market().buy(999'999, passphrase(), nullptr, done);
        }),
            "There is no title 999999"));
    }

    void releasingTheHandleDropsTheResult()
    {
        User dev(m_node.profile(), kDevPhrase);
        bool called = false;
        {
            auto handle = dev.market().send(std::string(kDevAccount0), "1", passphrase(), nullptr,
                [&](auto) { called = true; });
        }
        // A later operation still runs: the queue moved on.
        auto next = await<api::TransactionConfirmation>([&](auto done) {
            return dev.market().send(std::string(kDevAccount0), "1", passphrase(), nullptr, done);
        });
        QVERIFY2(next, next ? "" : next.error().message.c_str());
        QVERIFY(!called);
    }

private:
    DevNetwork m_node;
};

QTEST_GUILESS_MAIN(TestChainMarket)
#include "tst_chain_market.moc"
