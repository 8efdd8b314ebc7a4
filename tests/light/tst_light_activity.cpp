// An account's history (api::Chain::activity) against a real lightstreams-node: a title
// published, a version added, two licences bought. Every entry must match what the chain did,
// and a server that alters or invents an event in its eth_getLogs answer is refused, while one
// that leaves events out can only make the list shorter.
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

    std::string address(std::uint32_t dev) { return addressOfKey(devKey(dev)).toChecksumString(); }

    // Signs, submits and waits until the receipt is proven in a verified block.
    api::TransactionConfirmation send(
        std::uint32_t from, const market::PreparedCall& call, const codec::UInt256& value = {})
    {
        protocol::Transaction tx;
        tx.type = protocol::TransactionType::DynamicFee;
        tx.nonce = m_nonces[from]++;
        tx.maxFeePerGas = must(codec::UInt256::fromDecimal(m_parameters.minGasPrice));
        tx.gasLimit = call.gasLimit;
        tx.to = market::catalogAddress();
        tx.value = value;
        tx.data = call.data;
        tx.sign(devKey(from), m_node.profile().chainId);
        const std::string hash = must(
            ::call<std::string>([&](auto done) { return m_chain->submit(tx.encode(), done); }));
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
        if (!confirmed->succeeded)
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
