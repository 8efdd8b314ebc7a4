#include "core/codec/AbiDecoder.h"
#include "core/crypto/Keccak.h"
#include "core/node/execution/CatalogContract.h"

#include <QTest>

#include "tests/chain/ExecutionTestSupport.h"

using namespace ls;
using namespace ls::testing;
using codec::AbiType;
using protocol::Log;
using protocol::Receipt;

namespace {

Hash256 topicOf(std::string_view signature)
{
    return crypto::keccak256(asBytes(signature));
}

// A 32-byte word holding an unsigned integer or an address (left-padded), as indexed topics are.
Hash256 wordOf(std::uint64_t value)
{
    return UInt256(value).toBigEndian();
}

Hash256 wordOf(const crypto::Address& address)
{
    Hash256 out {};
    std::copy(address.bytes().begin(), address.bytes().end(), out.begin() + 12);
    return out;
}

Bytes concatWords(std::initializer_list<Hash256> words)
{
    Bytes out;
    for (const auto& w : words)
        out.insert(out.end(), w.begin(), w.end());
    return out;
}

AbiValue::List decodeOutput(std::string_view types, const Bytes& output)
{
    return must(codec::abiDecode(must(AbiType::parseList(types)), output));
}

std::uint64_t number(const AbiValue& value)
{
    return numberOf(value).low64();
}

struct TitleFields {
    TitleFields(const crypto::Address& a, const UInt256& p, std::string s = "Fiction")
        : author(a)
        , price(p)
        , subject(std::move(s))
    {
    }
    crypto::Address author;
    UInt256 price;
    std::string subject;
    bool listed = true;
    std::uint64_t versionCount = 0;
    std::uint64_t salesCount = 0;
    UInt256 revenue;
    std::uint64_t publishedAt = kStartTimeMs;
};

// §3: [author, metadataInfohash, keyCommitment, price, subject, salesModel, listed, versionCount,
// salesCount, revenue, publishedAt], with the helpers' default infohash and commitment.
Bytes titleEntry(const TitleFields& t)
{
    return listOf({ bytesItem(t.author.view()), bytesItem(filled(0x4d)), bytesItem(filled(0x4b)),
        uintItem(t.price), bytesItem(asBytes(t.subject)), uintItem(0), uintItem(t.listed ? 1 : 0),
        uintItem(t.versionCount), uintItem(t.salesCount), uintItem(t.revenue),
        uintItem(t.publishedAt) });
}

// floor(price · bps / 10000) — §6, for prices where the product fits in 256 bits.
UInt256 specServiceFee(const UInt256& price, std::uint64_t bps)
{
    return must(mul(price, u(bps)).divMod(u(10'000))).quotient;
}

} // namespace

class TestExecutionCatalog : public QObject {
    Q_OBJECT

private:
    Actor author = actor(0x0a);
    Actor buyer = actor(0x0b);

private Q_SLOTS:
    void publishCreatesATitle()
    {
        TestChain chain;
        chain.fund(author.address, pht(10));
        const UInt256 price = pht(3);
        auto data = publishCall(price, "History");
        auto tx = chain.makeTx(author, catalog(), data);
        auto receipt = must(chain.submit(tx));
        QCOMPARE(receipt.status, Receipt::kSuccess);
        QCOMPARE(receipt.gasUsed, specIntrinsicGas(data) + kPublishGas);
        const UInt256 fee = mul(receipt.effectiveGasPrice, u(receipt.gasUsed));

        // The whole change set: sender (nonce + fee), proposer, the title and the counter.
        TitleFields expected { author.address, price, "History" };
        QCOMPARE(chain.lastChanges,
            sortedChanges({ accountChange(author.address, 1, sub(pht(10), fee)),
                accountChange(chain.proposer, 0, fee),
                { protocol::statePath(0x02, titleKey(1)), titleEntry(expected) },
                { protocol::statePath(0x05, asBytes("titles")), listOf({ uintItem(2) }) } }));

        QCOMPARE(receipt.logs.size(), std::size_t { 1 });
        const Log& log = receipt.logs[0];
        QCOMPARE(log.address, catalog());
        QCOMPARE(log.topics,
            (std::vector<Hash256> { topicOf("TitlePublished(uint64,address,bytes32,uint256)"),
                wordOf(1), wordOf(author.address) }));
        QCOMPARE(log.data, concatWords({ filled(0x4d), price.toBigEndian() }));

        auto view = decodeOutput(
            "(address,bytes32,bytes32,uint256,string,uint8,bool,uint32,uint64,uint256,uint64)",
            chain.call(titleCall(1)).output);
        QCOMPARE(*view[0].asAddress(), author.address.bytes());
        QCOMPARE(*view[1].asBytes(), Bytes(32, 0x4d));
        QCOMPARE(*view[2].asBytes(), Bytes(32, 0x4b));
        QCOMPARE(numberOf(view[3]), price);
        QCOMPARE(*view[4].asString(), std::string("History"));
        QCOMPARE(number(view[5]), std::uint64_t { 0 });
        QCOMPARE(*view[6].asBool(), true);
        QCOMPARE(number(view[7]), std::uint64_t { 0 });
        QCOMPARE(number(view[8]), std::uint64_t { 0 });
        QCOMPARE(numberOf(view[9]), UInt256 {});
        QCOMPARE(number(view[10]), kStartTimeMs);
        QCOMPARE(number(decodeOutput("(uint64)", chain.call(titleCountCall()).output)[0]),
            std::uint64_t { 1 });
    }

    void publishReturnsSequentialIds()
    {
        TestChain chain;
        chain.fund(author.address, pht(10));
        QCOMPARE(number(decodeOutput("(uint64)", chain.call(titleCountCall()).output)[0]),
            std::uint64_t { 0 });
        // eth_call of publish shows the id the next transaction would get, and keeps nothing.
        auto preview = chain.call(publishCall(u(1)), author.address);
        QCOMPARE(number(decodeOutput("(uint64)", preview.output)[0]), std::uint64_t { 1 });
        QCOMPARE(chain.publish(author, u(1), 0), std::uint64_t { 1 });
        QCOMPARE(chain.publish(author, u(1), 0), std::uint64_t { 2 });
        QCOMPARE(chain.publish(author, u(1), 0), std::uint64_t { 3 });
        QCOMPARE(number(decodeOutput("(uint64)", chain.call(titleCountCall()).output)[0]),
            std::uint64_t { 3 });
    }

    void addVersionRecordsIt()
    {
        TestChain chain;
        chain.fund(author.address, pht(10));
        auto id = chain.publish(author, pht(1), 0);
        chain.timeMs += 60'000;
        auto data = addVersionCall(id, filled(0xc1), 5'000'000, "Revised");
        auto receipt = must(chain.submit(chain.makeTx(author, catalog(), data)));
        QCOMPARE(receipt.status, Receipt::kSuccess);
        QCOMPARE(receipt.gasUsed, specIntrinsicGas(data) + kAddVersionGas);
        QCOMPARE(receipt.logs.size(), std::size_t { 1 });
        QCOMPARE(receipt.logs[0].topics,
            (std::vector<Hash256> { topicOf("VersionAdded(uint64,uint32,bytes32)"), wordOf(id) }));
        QCOMPARE(receipt.logs[0].data, concatWords({ wordOf(1), filled(0xc1) }));

        auto entry = must(chain.state.get(0x03, versionKey(id, 1)));
        QCOMPARE(*entry,
            listOf({ bytesItem(filled(0xc1)), uintItem(5'000'000), bytesItem(asBytes("Revised")),
                uintItem(kStartTimeMs + 60'000) }));
        auto view
            = decodeOutput("(bytes32,uint64,string,uint64)", chain.call(versionCall(id, 1)).output);
        QCOMPARE(*view[0].asBytes(), Bytes(32, 0xc1));
        QCOMPARE(number(view[1]), std::uint64_t { 5'000'000 });
        QCOMPARE(*view[2].asString(), std::string("Revised"));
        QCOMPARE(number(view[3]), kStartTimeMs + 60'000);

        must(chain.submit(chain.makeTx(author, catalog(), addVersionCall(id, filled(0xc2)))));
        auto title = decodeOutput(
            "(address,bytes32,bytes32,uint256,string,uint8,bool,uint32,uint64,uint256,uint64)",
            chain.call(titleCall(id)).output);
        QCOMPARE(number(title[7]), std::uint64_t { 2 });
        QCOMPARE(number(title[10]), kStartTimeMs); // publishedAt stays
    }

    void setPriceAndSetListed()
    {
        TestChain chain;
        chain.fund(author.address, pht(10));
        auto id = chain.publish(author, pht(1));
        auto receipt
            = must(chain.submit(chain.makeTx(author, catalog(), setPriceCall(id, u(777)))));
        QCOMPARE(receipt.gasUsed, specIntrinsicGas(setPriceCall(id, u(777))) + kSetPriceGas);
        QCOMPARE(receipt.logs.at(0).topics,
            (std::vector<Hash256> { topicOf("PriceChanged(uint64,uint256)"), wordOf(id) }));
        QCOMPARE(receipt.logs.at(0).data, concatWords({ wordOf(777) }));

        receipt = must(chain.submit(chain.makeTx(author, catalog(), setListedCall(id, false))));
        QCOMPARE(receipt.gasUsed, specIntrinsicGas(setListedCall(id, false)) + kSetListedGas);
        QCOMPARE(receipt.logs.at(0).topics,
            (std::vector<Hash256> { topicOf("ListingChanged(uint64,bool)"), wordOf(id) }));
        QCOMPARE(receipt.logs.at(0).data, concatWords({ wordOf(0) }));

        TitleFields expected { author.address, u(777) };
        expected.listed = false;
        expected.versionCount = 1;
        QCOMPARE(*must(chain.state.get(0x02, titleKey(id))), titleEntry(expected));

        must(chain.submit(chain.makeTx(author, catalog(), setListedCall(id, true))));
        expected.listed = true;
        QCOMPARE(*must(chain.state.get(0x02, titleKey(id))), titleEntry(expected));
    }

    void purchaseSplitsThePriceAndRecordsTheLicence()
    {
        TestChain chain;
        chain.fund(author.address, pht(1));
        chain.fund(buyer.address, pht(10));
        const UInt256 price = add(pht(2), u(12'345)); // not a multiple of 10000: fee rounds down
        auto id = chain.publish(author, price, 2);
        auto authorBefore = chain.account(author.address);
        auto proposerBefore = chain.account(chain.proposer);
        chain.timeMs += 1000;

        auto data = purchaseCall(id, filled(0xbb));
        auto receipt = must(chain.submit(chain.makeTx(buyer, catalog(), data, price)));
        QCOMPARE(receipt.status, Receipt::kSuccess);
        QCOMPARE(receipt.gasUsed, specIntrinsicGas(data) + kPurchaseGas);
        const UInt256 gasFee = mul(receipt.effectiveGasPrice, u(receipt.gasUsed));
        const UInt256 serviceFee = specServiceFee(price, 250);

        TitleFields title { author.address, price };
        title.versionCount = 2;
        title.salesCount = 1;
        title.revenue = price;
        QCOMPARE(chain.lastChanges,
            sortedChanges({ accountChange(buyer.address, 1, sub(sub(pht(10), price), gasFee)),
                accountChange(chain.proposer, 0, add(proposerBefore.balance, gasFee)),
                accountChange(chain.params.treasury, 0, serviceFee),
                accountChange(author.address, authorBefore.nonce,
                    add(authorBefore.balance, sub(price, serviceFee))),
                { protocol::statePath(0x02, titleKey(id)), titleEntry(title) },
                { protocol::statePath(0x04, licenceKey(id, buyer.address)),
                    listOf({ uintItem(2), uintItem(price), uintItem(kStartTimeMs + 1000),
                        bytesItem(filled(0xbb)) }) } }));

        // Only Purchased: the price went into the Catalog, which its event records (with the fee
        // actually taken, rounded down); no native Transfer log for it.
        QCOMPARE(receipt.logs.size(), std::size_t { 1 });
        QCOMPARE(receipt.logs[0].address, catalog());
        QCOMPARE(receipt.logs[0].topics,
            (std::vector<Hash256> { topicOf("Purchased(uint64,address,uint256,uint32,uint256)"),
                wordOf(id), wordOf(buyer.address) }));
        // price·bps/10000 is not whole here, so the fee recorded is the rounded-down one.
        QVERIFY(mul(serviceFee, u(10'000)) != mul(price, u(250)));
        QCOMPARE(add(mul(serviceFee, u(10'000)), u(6'250)), mul(price, u(250))); // 12345·250 % 10⁴
        QCOMPARE(receipt.logs[0].data,
            concatWords({ price.toBigEndian(), wordOf(2), serviceFee.toBigEndian() }));

        auto licence = decodeOutput("(bool,uint32,uint256,uint64,bytes32)",
            chain.call(licenceCall(id, buyer.address)).output);
        QCOMPARE(*licence[0].asBool(), true);
        QCOMPARE(number(licence[1]), std::uint64_t { 2 });
        QCOMPARE(numberOf(licence[2]), price);
        QCOMPARE(number(licence[3]), kStartTimeMs + 1000);
        QCOMPARE(*licence[4].asBytes(), Bytes(32, 0xbb));
        auto none = decodeOutput("(bool,uint32,uint256,uint64,bytes32)",
            chain.call(licenceCall(id, author.address)).output);
        QCOMPARE(*none[0].asBool(), false);
        QCOMPARE(numberOf(none[2]), UInt256 {});
        auto view = decodeOutput(
            "(address,bytes32,bytes32,uint256,string,uint8,bool,uint32,uint64,uint256,uint64)",
            chain.call(titleCall(id)).output);
        QCOMPARE(number(view[8]), std::uint64_t { 1 });
        QCOMPARE(numberOf(view[9]), price);
    }

    void serviceFeeRoundsDown_data()
    {
        QTest::addColumn<quint64>("price");
        QTest::addColumn<quint32>("bps");
        for (quint64 price : { 0ULL, 1ULL, 39ULL, 40ULL, 41ULL, 9'999ULL, 10'000ULL, 10'001ULL,
                 123'456'789ULL, 1'000'000'000'000'000'000ULL })
            for (quint32 bps : { 0U, 1U, 250U, 3'333U, 10'000U })
                QTest::addRow("%llu@%u", static_cast<unsigned long long>(price), bps)
                    << price << bps;
    }

    void serviceFeeRoundsDown()
    {
        QFETCH(quint64, price);
        QFETCH(quint32, bps);
        QCOMPARE(node::CatalogContract::serviceFee(u(price), bps), specServiceFee(u(price), bps));
    }

    void serviceFeeIsExactForHugePrices()
    {
        // price · bps does not fit in 256 bits here; the fee still must be floor(price·bps/10000).
        const UInt256 max = UInt256::max();
        QCOMPARE(node::CatalogContract::serviceFee(max, 250), must(max.divMod(u(40))).quotient);
        QCOMPARE(node::CatalogContract::serviceFee(max, 5'000), max >> 1);
        QCOMPARE(node::CatalogContract::serviceFee(max, 1), must(max.divMod(u(10'000))).quotient);
        QCOMPARE(node::CatalogContract::serviceFee(max, 10'000), max);
        QCOMPARE(node::CatalogContract::serviceFee(max, 0), UInt256 {});
    }

    void purchaseOfAHugePriceSplitsExactly()
    {
        TestChain chain;
        const UInt256 price = sub(UInt256::max(), pht(100)); // leaves room for gas money
        chain.fund(author.address, pht(1));
        auto id = chain.publish(author, price);
        chain.fund(buyer.address, add(price, pht(1)));
        auto authorBefore = chain.account(author.address);
        auto receipt = must(chain.submit(chain.makeTx(buyer, catalog(), purchaseCall(id), price)));
        QCOMPARE(receipt.status, Receipt::kSuccess);
        const UInt256 fee = must(price.divMod(u(40))).quotient; // 250 bps = 1/40
        QCOMPARE(chain.account(chain.params.treasury).balance, fee);
        QCOMPARE(chain.account(author.address).balance, add(authorBefore.balance, sub(price, fee)));
    }

    void authorMayBuyTheirOwnTitle()
    {
        TestChain chain;
        chain.fund(author.address, pht(10));
        auto id = chain.publish(author, u(10'000));
        auto before = chain.account(author.address);
        auto receipt
            = must(chain.submit(chain.makeTx(author, catalog(), purchaseCall(id), u(10'000))));
        QCOMPARE(receipt.status, Receipt::kSuccess);
        const UInt256 gasFee = mul(receipt.effectiveGasPrice, u(receipt.gasUsed));
        // Pays 10000, gets back 10000 − 250; the treasury keeps 250.
        QCOMPARE(chain.account(author.address).balance, sub(sub(before.balance, gasFee), u(250)));
        QCOMPARE(chain.account(chain.params.treasury).balance, u(250));
    }

    void treasuryMayBuy()
    {
        TestChain chain;
        Actor treasury = actor(0x0c);
        chain.params.treasury = treasury.address;
        chain.fund(author.address, pht(10));
        chain.fund(treasury.address, pht(10));
        auto id = chain.publish(author, u(40'000));
        auto before = chain.account(treasury.address);
        auto receipt
            = must(chain.submit(chain.makeTx(treasury, catalog(), purchaseCall(id), u(40'000))));
        const UInt256 gasFee = mul(receipt.effectiveGasPrice, u(receipt.gasUsed));
        QCOMPARE(chain.account(treasury.address).balance,
            sub(add(sub(before.balance, u(40'000)), u(1000)), gasFee));
    }

    void zeroServiceFeeGivesTheAuthorEverything()
    {
        TestChain chain;
        chain.params.serviceFeeBps = 0;
        chain.fund(author.address, pht(1));
        chain.fund(buyer.address, pht(1));
        auto id = chain.publish(author, u(999));
        auto before = chain.account(author.address);
        auto receipt = must(chain.submit(chain.makeTx(buyer, catalog(), purchaseCall(id), u(999))));
        QCOMPARE(receipt.logs.at(0).data,
            concatWords({ u(999).toBigEndian(), wordOf(1), UInt256 {}.toBigEndian() }));
        QCOMPARE(chain.account(author.address).balance, add(before.balance, u(999)));
        QVERIFY(!must(chain.state.get(0x01, chain.params.treasury.view())));
    }

    void eachSaleRecordsTheFeeOfItsBlock()
    {
        // A history must not price old sales at today's rate: the event carries the fee taken.
        TestChain chain;
        Actor later = actor(0x0d);
        chain.fund(author.address, pht(1));
        chain.fund(buyer.address, pht(1));
        chain.fund(later.address, pht(1));
        auto id = chain.publish(author, u(10'007));
        auto first
            = must(chain.submit(chain.makeTx(buyer, catalog(), purchaseCall(id), u(10'007))));
        chain.params.serviceFeeBps = 1'000;
        auto second
            = must(chain.submit(chain.makeTx(later, catalog(), purchaseCall(id), u(10'007))));
        auto feeOf = [](const protocol::Receipt& receipt) {
            return must(UInt256::fromBigEndian(ByteView(receipt.logs.at(0).data).subspan(64)));
        };
        QCOMPARE(feeOf(first), u(250)); // floor(10007 · 250 / 10000) = 250
        QCOMPARE(feeOf(second), u(1'000)); // floor(10007 · 1000 / 10000) = 1000
        QCOMPARE(chain.account(chain.params.treasury).balance, u(1'250));
    }

    void freeTitlesCanBeClaimed()
    {
        TestChain chain;
        chain.fund(author.address, pht(1));
        chain.fund(buyer.address, pht(1));
        auto id = chain.publish(author, u(0));
        auto receipt = must(chain.submit(chain.makeTx(buyer, catalog(), purchaseCall(id), u(0))));
        QCOMPARE(receipt.status, Receipt::kSuccess);
        QVERIFY(must(chain.state.get(0x04, licenceKey(id, buyer.address))));
    }
};

QTEST_GUILESS_MAIN(TestExecutionCatalog)
#include "tst_execution_catalog.moc"
