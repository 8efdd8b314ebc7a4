// An account's history (api::Chain::activity) against a real lightstreams-node: a title
// published, a version added, two licences bought, PHT sent between accounts (one transfer
// reverting). Every entry must match what the chain did, and a server that alters or invents an
// event or a Transfer log in its eth_getLogs answer is refused, while one that leaves events out
// can only make the list shorter.
#include "core/api/Chain.h"
#include "core/codec/Hex.h"
#include "core/crypto/HdKey.h"
#include "core/crypto/Mnemonic.h"
#include "core/light/LightChain.h"
#include "core/market/CatalogCalls.h"
#include "core/protocol/Transaction.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QUrl>

#include "tests/light/LightClientTestSupport.h"
#include "tests/light/TamperingProxy.h"
#include "tests/support/DevNetwork.h"

using namespace ls;
using namespace ls::testing;
using Kind = api::AccountActivity::Kind;

namespace {

crypto::PrivateKey devKey(std::uint32_t index)
{
    auto seed = must(must(crypto::Mnemonic::parse(kDevPhrase)).seed());
    return must(crypto::ethereumAccountKey(seed, index));
}

codec::UInt256 pht(std::uint64_t whole)
{
    return *codec::UInt256(whole).checkedMul(codec::UInt256(1'000'000'000'000'000'000ULL));
}

template <typename T, typename Start> Result<T> call(Start start)
{
    std::optional<Result<T>> out;
    api::Chain::Handle handle = start([&out](Result<T> result) { out = std::move(result); });
    if (!QTest::qWaitFor([&] { return out.has_value(); }, kLightWaitMs))
        qFatal("the api::Chain callback never ran");
    return std::move(*out);
}

std::unique_ptr<light::LightChain> chainOver(
    protocol::NetworkProfile profile, const std::string& endpoint, const QTemporaryDir& dir)
{
    profile.endpoints = { endpoint };
    static int stores = 0;
    return std::make_unique<light::LightChain>(profile,
        std::filesystem::path(dir.path().toStdString())
            / ("headers-" + std::to_string(++stores) + ".db"));
}

// The last word of the Purchased event's data: the service fee the Catalog took.
std::string recordedServiceFee(const api::TransactionConfirmation& confirmed)
{
    for (const api::LogEntry& log : confirmed.logs)
        if (log.data.size() == 2 + 3 * 64)
            return must(codec::UInt256::fromBigEndian(must(codec::fromHex(log.data.substr(130)))))
                .toDecimalString();
    qFatal("no Purchased event in the receipt");
}

std::string gasFee(const api::TransactionConfirmation& confirmed)
{
    return (*codec::UInt256(confirmed.gasUsed)
                 .checkedMul(must(codec::UInt256::fromDecimal(confirmed.effectiveGasPrice))))
        .toDecimalString();
}

} // namespace

class TestLightActivity : public QObject {
    Q_OBJECT

private:
    DevNetwork m_node;
    QTemporaryDir m_dir;
    std::unique_ptr<light::LightChain> m_chain;
    api::NetworkParameters m_parameters;
    std::map<std::uint32_t, std::uint64_t> m_nonces;
    std::uint64_t m_titleId = 0;
    api::TransactionConfirmation m_published;
    api::TransactionConfirmation m_bobBought;
    api::TransactionConfirmation m_carolBought;
    // Plain transfers: dev 4 → fresh account 7 (3 PHT), dev 4 → fresh account 8 (1 PHT), then
    // 7 → fresh account 9 twice (2 PHT each): the second reverts, 7 has no longer enough.
    api::TransactionConfirmation m_paidSeven;
    api::TransactionConfirmation m_paidEight;
    api::TransactionConfirmation m_sevenPaidNine;
    api::TransactionConfirmation m_sevenOverspent;

    std::string address(std::uint32_t dev) { return addressOfKey(devKey(dev)).toChecksumString(); }

    // Signs, submits and waits until the receipt is proven in a verified block.
    api::TransactionConfirmation send(
        std::uint32_t from, const market::PreparedCall& call, const codec::UInt256& value = {})
    {
        return confirmed(submit(from, market::catalogAddress(), call, value), true);
    }

    // A plain PHT transfer (no data, 21 000 gas), submitted only.
    std::string submitTransfer(std::uint32_t from, std::uint32_t to, const codec::UInt256& value)
    {
        return submit(from, addressOfKey(devKey(to)), market::transferCall(), value);
    }

    std::string submit(std::uint32_t from, const crypto::Address& to,
        const market::PreparedCall& call, const codec::UInt256& value)
    {
        protocol::Transaction tx;
        tx.type = protocol::TransactionType::DynamicFee;
        tx.nonce = m_nonces[from]++;
        tx.maxFeePerGas = must(codec::UInt256::fromDecimal(m_parameters.minGasPrice));
        tx.gasLimit = call.gasLimit;
        tx.to = to;
        tx.value = value;
        tx.data = call.data;
        tx.sign(devKey(from), m_node.profile().chainId);
        return must(
            ::call<std::string>([&](auto done) { return m_chain->submit(tx.encode(), done); }));
    }

    // Waits until the receipt of `hash` is proven in a verified block.
    api::TransactionConfirmation confirmed(const std::string& hash, bool mustSucceed)
    {
        std::optional<api::TransactionConfirmation> confirmed;
        if (!QTest::qWaitFor(
                [&] {
                    must(::call<std::uint64_t>([&](auto done) { return m_chain->update(done); }));
                    auto attempt = ::call<api::TransactionConfirmation>(
                        [&](auto done) { return m_chain->confirm(hash, done); });
                    if (attempt)
                        confirmed = *attempt;
                    else if (attempt.error().kind != ErrorKind::NotFound)
                        qFatal("confirm failed: %s", attempt.error().message.c_str());
                    return confirmed.has_value();
                },
                kLightWaitMs))
            qFatal("the transaction was never confirmed");
        if (mustSucceed && !confirmed->succeeded)
            qFatal("the transaction failed: %s", confirmed->revertReason.c_str());
        return *confirmed;
    }

    std::vector<api::AccountActivity> activityOf(
        api::Chain& chain, std::uint32_t dev, std::uint64_t fromBlock = 0)
    {
        must(call<std::uint64_t>([&](auto done) { return chain.update(done); }));
        return must(call<std::vector<api::AccountActivity>>(
            [&](auto done) { return chain.activity(address(dev), fromBlock, done); }));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_node.start());
        m_chain = chainOver(m_node.profile(), m_node.profile().endpoints.front(), m_dir);
        must(call<std::uint64_t>([&](auto done) { return m_chain->update(done); }));
        m_parameters = must(
            call<api::NetworkParameters>([&](auto done) { return m_chain->parameters(done); }));

        Hash256 metadata {};
        metadata.fill(0x11);
        Hash256 commitment {};
        commitment.fill(0x22);
        m_published = send(0, market::publishCall(metadata, commitment, pht(5), "history"));
        m_titleId = must(market::publishedTitleId(m_published.logs));
        Hash256 content {};
        content.fill(0x33);
        send(0, market::addVersionCall(m_titleId, content, 1000, "first"));
        Hash256 boxKey {};
        boxKey.fill(0x44);
        m_bobBought = send(1, market::purchaseCall(m_titleId, boxKey), pht(5));
        m_carolBought = send(2, market::purchaseCall(m_titleId, boxKey), pht(5));
        QVERIFY(m_carolBought.proof.height > m_bobBought.proof.height);

        // Development accounts 0…4 are funded at genesis; 7 and 8 are not.
        m_paidSeven = confirmed(submitTransfer(4, 7, pht(3)), true);
        m_paidEight = confirmed(submitTransfer(4, 8, pht(1)), true);
        // Two transfers of 2 PHT out of 3, sent together: each is admitted against the balance
        // before either runs, so the second reverts in its block (insufficient funds).
        const std::string first = submitTransfer(7, 9, pht(2));
        const std::string second = submitTransfer(7, 9, pht(2));
        m_sevenPaidNine = confirmed(first, true);
        m_sevenOverspent = confirmed(second, false);
        QVERIFY(!m_sevenOverspent.succeeded);
    }

    void authorSeesPublicationAndSales()
    {
        const auto entries = activityOf(*m_chain, 0);
        QCOMPARE(entries.size(), std::size_t { 3 });
        // Newest first.
        const api::AccountActivity& carol = entries[0];
        QCOMPARE(carol.kind, Kind::Sale);
        QCOMPARE(carol.titleId, m_titleId);
        QCOMPARE(carol.counterparty, address(2));
        QCOMPARE(carol.amount, pht(5).toDecimalString());
        // The service fee the Catalog took: price · bps / 10000.
        const auto expectedFee
            = must((*pht(5).checkedMul(m_parameters.serviceFeeBps)).divMod(10'000))
                  .quotient.toDecimalString();
        QVERIFY(m_parameters.serviceFeeBps > 0); // else the fee below proves nothing
        QCOMPARE(carol.fee, expectedFee);
        // …as the sale's own Purchased event records it (not today's rate applied afresh).
        QCOMPARE(carol.fee, recordedServiceFee(m_carolBought));
        QCOMPARE(entries[1].fee, recordedServiceFee(m_bobBought));
        QCOMPARE(carol.txHash, m_carolBought.txHash);
        QCOMPARE(carol.proof.height, m_carolBought.proof.height);
        QCOMPARE(carol.proof.blockHash, m_carolBought.proof.blockHash);
        QCOMPARE(entries[1].kind, Kind::Sale);
        QCOMPARE(entries[1].counterparty, address(1));
        QCOMPARE(entries[1].txHash, m_bobBought.txHash);
        const api::AccountActivity& published = entries[2];
        QCOMPARE(published.kind, Kind::Publication);
        QCOMPARE(published.titleId, m_titleId);
        QCOMPARE(published.amount, std::string("0"));
        QCOMPARE(published.fee, gasFee(m_published));
        QCOMPARE(published.txHash, m_published.txHash);
        // Block times come from the verified headers: they never go backwards, and the licence
        // the chain recorded carries the same time as the sale's block.
        QVERIFY(published.timeMs > 0 && published.timeMs <= entries[1].timeMs
            && entries[1].timeMs <= carol.timeMs);
        auto licence = must(call<std::optional<api::LicenceInfo>>(
            [&](auto done) { return m_chain->licence(m_titleId, address(2), done); }));
        QVERIFY(licence);
        QCOMPARE(carol.timeMs, licence->timeMs);
    }

    void buyerSeesThePurchaseWithItsFee()
    {
        const auto entries = activityOf(*m_chain, 1);
        QCOMPARE(entries.size(), std::size_t { 1 });
        QCOMPARE(entries[0].kind, Kind::Purchase);
        QCOMPARE(entries[0].titleId, m_titleId);
        QCOMPARE(entries[0].amount, pht(5).toDecimalString());
        QCOMPARE(entries[0].fee, gasFee(m_bobBought));
        QVERIFY(entries[0].counterparty.empty());
        QCOMPARE(entries[0].txHash, m_bobBought.txHash);
        // Someone who never used the Catalog has no history.
        QVERIFY(activityOf(*m_chain, 3).empty());
    }

    void receivedAndSentTransfersAreListed()
    {
        // The recipient sees who paid it and how much, and what it sent on; the second
        // transfer it tried reverted and moved nothing, so it is not listed.
        const auto seven = activityOf(*m_chain, 7);
        QCOMPARE(seven.size(), std::size_t { 2 });
        QCOMPARE(seven[0].kind, Kind::SentTransfer);
        QCOMPARE(seven[0].counterparty, address(9));
        QCOMPARE(seven[0].amount, pht(2).toDecimalString());
        QCOMPARE(seven[0].fee, gasFee(m_sevenPaidNine));
        QCOMPARE(seven[0].txHash, m_sevenPaidNine.txHash);
        QVERIFY(seven[0].txHash != m_sevenOverspent.txHash);
        QCOMPARE(seven[1].kind, Kind::ReceivedTransfer);
        QCOMPARE(seven[1].counterparty, address(4));
        QCOMPARE(seven[1].amount, pht(3).toDecimalString());
        QVERIFY(seven[1].fee.empty()); // the sender paid the gas
        QCOMPARE(seven[1].titleId, std::uint64_t { 0 });
        QCOMPARE(seven[1].txHash, m_paidSeven.txHash);
        QCOMPARE(seven[1].proof.height, m_paidSeven.proof.height);
        QCOMPARE(seven[1].proof.blockHash, m_paidSeven.proof.blockHash);
        QCOMPARE(seven[1].timeMs, m_paidSeven.timeMs);

        // The sender sees both transfers it sent, newest first, each with its gas fee.
        const auto four = activityOf(*m_chain, 4);
        QCOMPARE(four.size(), std::size_t { 2 });
        QCOMPARE(four[0].kind, Kind::SentTransfer);
        QCOMPARE(four[0].counterparty, address(8));
        QCOMPARE(four[0].amount, pht(1).toDecimalString());
        QCOMPARE(four[0].txHash, m_paidEight.txHash);
        QCOMPARE(four[0].fee, gasFee(m_paidEight));
        QCOMPARE(four[1].kind, Kind::SentTransfer);
        QCOMPARE(four[1].counterparty, address(7));
        QCOMPARE(four[1].amount, pht(3).toDecimalString());
        QCOMPARE(four[1].fee, gasFee(m_paidSeven));
        QCOMPARE(four[1].txHash, m_paidSeven.txHash);

        const auto eight = activityOf(*m_chain, 8);
        QCOMPARE(eight.size(), std::size_t { 1 });
        QCOMPARE(eight[0].kind, Kind::ReceivedTransfer);
        QCOMPARE(eight[0].counterparty, address(4));
        // fromBlock applies to transfers too.
        QVERIFY(activityOf(*m_chain, 4, m_paidEight.proof.height + 1).empty());
    }

    void alteredTransfersAreRefused_data()
    {
        QTest::addColumn<int>("lie");
        QTest::newRow("value raised") << 0;
        QTest::newRow("recipient swapped") << 1;
    }

    void alteredTransfersAreRefused()
    {
        // Account 7's history read through a server that raises the value it was sent, or that
        // rewrites the payment to 8 as one to 7.
        QFETCH(int, lie);
        const QUrl url(QString::fromStdString(m_node.profile().endpoints.front()));
        TamperingProxy proxy(static_cast<quint16>(url.port()));
        const std::string target = lie == 0 ? m_paidSeven.txHash : m_paidEight.txHash;
        const QString sevenTopic = QStringLiteral("0x000000000000000000000000")
            + QString::fromStdString(address(7)).mid(2).toLower();
        proxy.lieAbout(
            QStringLiteral("eth_getLogs"), [=](const QJsonObject&, QJsonObject& response) {
                QJsonArray logs = response.value(QStringLiteral("result")).toArray();
                for (qsizetype i = 0; i < logs.size(); ++i) {
                    QJsonObject log = logs[i].toObject();
                    if (log.value(QStringLiteral("transactionHash")).toString().toStdString()
                        != target)
                        continue;
                    if (lie == 0) {
                        // A high nibble of the value word: 3 PHT becomes ~2^100 base units.
                        QString data = log.value(QStringLiteral("data")).toString();
                        data[40]
                            = data[40] == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
                        log.insert(QStringLiteral("data"), data);
                    } else {
                        QJsonArray topics = log.value(QStringLiteral("topics")).toArray();
                        topics[2] = sevenTopic;
                        log.insert(QStringLiteral("topics"), topics);
                    }
                    logs[i] = log;
                }
                response.insert(QStringLiteral("result"), logs);
            });
        QTemporaryDir dir;
        auto chain = chainOver(m_node.profile(), proxy.url(), dir);
        must(call<std::uint64_t>([&](auto done) { return chain->update(done); }));
        auto listed = call<std::vector<api::AccountActivity>>(
            [&](auto done) { return chain->activity(address(7), 0, done); });
        QVERIFY(proxy.liesTold() > 0);
        QVERIFY2(!listed, "an altered Transfer log was accepted");
        QCOMPARE(listed.error().kind, ErrorKind::Verification);
        QVERIFY2(listed.error().message.find("the list was altered") != std::string::npos,
            listed.error().message.c_str());
    }

    void fromBlockLimitsTheRange()
    {
        // Sales of a title published earlier still count; older entries are left out.
        const auto entries = activityOf(*m_chain, 0, m_carolBought.proof.height);
        QCOMPARE(entries.size(), std::size_t { 1 });
        QCOMPARE(entries[0].txHash, m_carolBought.txHash);
    }

    void badAddressIsRefused()
    {
        auto bad = call<std::vector<api::AccountActivity>>(
            [&](auto done) { return m_chain->activity("0x1234", 0, done); });
        QVERIFY(!bad && bad.error().kind == ErrorKind::InvalidInput);
    }

    void alteredOrInventedEventsAreRefused_data()
    {
        QTest::addColumn<int>("lie");
        QTest::newRow("price lowered") << 0;
        QTest::newRow("buyer swapped") << 1;
        QTest::newRow("moved to another block") << 2;
    }

    void alteredOrInventedEventsAreRefused()
    {
        QFETCH(int, lie);
        const QUrl url(QString::fromStdString(m_node.profile().endpoints.front()));
        TamperingProxy proxy(static_cast<quint16>(url.port()));
        const std::string bobTx = m_bobBought.txHash;
        const std::string carolAddress = address(2);
        proxy.lieAbout(
            QStringLiteral("eth_getLogs"), [=](const QJsonObject&, QJsonObject& response) {
                QJsonArray logs = response.value(QStringLiteral("result")).toArray();
                for (qsizetype i = 0; i < logs.size(); ++i) {
                    QJsonObject log = logs[i].toObject();
                    if (log.value(QStringLiteral("transactionHash")).toString().toStdString()
                        != bobTx)
                        continue;
                    if (lie == 0) {
                        QString data = log.value(QStringLiteral("data")).toString();
                        data[40]
                            = data[40] == QLatin1Char('0') ? QLatin1Char('1') : QLatin1Char('0');
                        log.insert(QStringLiteral("data"), data);
                    } else if (lie == 1) {
                        QJsonArray topics = log.value(QStringLiteral("topics")).toArray();
                        const QString carolTopic = QStringLiteral("0x000000000000000000000000")
                            + QString::fromStdString(carolAddress).mid(2).toLower();
                        topics[2] = carolTopic;
                        log.insert(QStringLiteral("topics"), topics);
                    } else {
                        log.insert(QStringLiteral("blockNumber"), QStringLiteral("0x1"));
                    }
                    logs[i] = log;
                }
                response.insert(QStringLiteral("result"), logs);
            });
        QTemporaryDir dir;
        auto chain = chainOver(m_node.profile(), proxy.url(), dir);
        must(call<std::uint64_t>([&](auto done) { return chain->update(done); }));
        auto listed = call<std::vector<api::AccountActivity>>(
            [&](auto done) { return chain->activity(address(0), 0, done); });
        QVERIFY(proxy.liesTold() > 0);
        QVERIFY2(!listed, "an altered event was accepted");
        QCOMPARE(listed.error().kind, ErrorKind::Verification);
        QVERIFY2(listed.error().message.find("the list was altered") != std::string::npos
                || listed.error().message.find("outside the blocks") != std::string::npos,
            listed.error().message.c_str());
    }

    void omittedEventsOnlyShortenTheList()
    {
        // Completeness cannot be proven this way: a server that drops an event is not caught,
        // but what remains is still all true.
        const QUrl url(QString::fromStdString(m_node.profile().endpoints.front()));
        TamperingProxy proxy(static_cast<quint16>(url.port()));
        const std::string bobTx = m_bobBought.txHash;
        proxy.lieAbout(
            QStringLiteral("eth_getLogs"), [=](const QJsonObject&, QJsonObject& response) {
                QJsonArray kept;
                for (const QJsonValue& log : response.value(QStringLiteral("result")).toArray())
                    if (log.toObject()
                            .value(QStringLiteral("transactionHash"))
                            .toString()
                            .toStdString()
                        != bobTx)
                        kept.append(log);
                response.insert(QStringLiteral("result"), kept);
            });
        QTemporaryDir dir;
        auto chain = chainOver(m_node.profile(), proxy.url(), dir);
        const auto entries = activityOf(*chain, 0);
        QVERIFY(proxy.liesTold() > 0);
        QCOMPARE(entries.size(), std::size_t { 2 });
        QCOMPARE(entries[0].txHash, m_carolBought.txHash);
        QCOMPARE(entries[1].kind, Kind::Publication);
    }
};

QTEST_GUILESS_MAIN(TestLightActivity)
#include "tst_light_activity.moc"
