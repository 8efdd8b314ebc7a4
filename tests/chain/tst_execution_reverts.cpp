#include "core/codec/AbiRevert.h"
#include "core/node/execution/ChainState.h"

#include <QTest>

#include "tests/chain/ExecutionTestSupport.h"
#include <functional>
#include <limits>

using namespace ls;
using namespace ls::testing;
using protocol::Receipt;

// Every revert path of docs/protocol.md §4 and §6. Each case checks the exact reason, the gas
// charged, that no log survives, and — comparing the whole change set — that only the sender's
// nonce and the fee moved.
class TestExecutionReverts : public QObject {
    Q_OBJECT

private:
    Actor author = actor(0x0a);
    Actor buyer = actor(0x0b);
    Actor stranger = actor(0x0c);

    struct Setup {
        TestChain chain;
        std::uint64_t titleId = 0; // listed, one version, price 1 PHT
    };

    Setup world()
    {
        Setup setup;
        setup.chain.fund(author.address, pht(100));
        setup.chain.fund(buyer.address, pht(100));
        setup.chain.fund(stranger.address, pht(100));
        setup.titleId = setup.chain.publish(author, pht(1));
        return setup;
    }

    // Submits `tx`, expects a revert with `reason` and `gasUsed`, and a change set of nonce + fee.
    void expectRevert(TestChain& chain, const Actor& from, const protocol::Transaction& tx,
        std::string_view reason, std::uint64_t gasUsed)
    {
        auto senderBefore = chain.account(from.address);
        auto proposerBefore = chain.account(chain.proposer);
        auto receipt = must(chain.submit(tx));
        QCOMPARE(receipt.status, Receipt::kFailure);
        QCOMPARE(receipt.revertReason, std::string(reason));
        QCOMPARE(receipt.gasUsed, gasUsed);
        QCOMPARE(receipt.cumulativeGasUsed, gasUsed);
        QVERIFY(receipt.logs.empty());
        const UInt256 fee = mul(specEffectivePrice(tx, chain.params.minGasPrice), u(gasUsed));
        QCOMPARE(chain.lastChanges,
            feeOnlyChanges(from.address, senderBefore, chain.proposer, proposerBefore, fee));
    }

    void expectRevert(TestChain& chain, const Actor& from, const Bytes& data, const UInt256& value,
        std::string_view reason, std::uint64_t opGas)
    {
        auto tx = chain.makeTx(from, catalog(), data, value);
        expectRevert(chain, from, tx, reason, specIntrinsicGas(data) + opGas);
    }

    // Rewrites a title entry directly, for states a valid history takes too long to reach.
    static void editTitle(TestChain& chain, std::uint64_t titleId,
        const std::function<void(node::TitleRecord&)>& edit)
    {
        node::StateOverlay overlay(chain.state);
        node::ChainState state(overlay);
        auto title = *must(state.title(titleId));
        edit(title);
        state.setTitle(titleId, title);
        chain.state.apply(overlay.changes());
    }

private Q_SLOTS:
    void wrongPrice()
    {
        auto w = world();
        expectRevert(w.chain, buyer, purchaseCall(w.titleId), sub(pht(1), u(1)),
            "wrong price: send exactly the title's price", kPurchaseGas);
        expectRevert(w.chain, buyer, purchaseCall(w.titleId), add(pht(1), u(1)),
            "wrong price: send exactly the title's price", kPurchaseGas);
        expectRevert(w.chain, buyer, purchaseCall(w.titleId), u(0),
            "wrong price: send exactly the title's price", kPurchaseGas);
    }

    void unknownTitle()
    {
        auto w = world();
        expectRevert(w.chain, buyer, purchaseCall(99), pht(1), "unknown title", kPurchaseGas);
        expectRevert(w.chain, author, setPriceCall(99, u(1)), {}, "unknown title", kSetPriceGas);
        expectRevert(w.chain, author, setListedCall(99, false), {}, "unknown title", kSetListedGas);
        expectRevert(w.chain, author, addVersionCall(99), {}, "unknown title", kAddVersionGas);
        expectRevert(w.chain, author, purchaseCall(0), u(0), "unknown title", kPurchaseGas);
    }

    void doublePurchase()
    {
        auto w = world();
        w.chain.mustSucceed(w.chain.makeTx(buyer, catalog(), purchaseCall(w.titleId), pht(1)));
        expectRevert(w.chain, buyer, purchaseCall(w.titleId, filled(0x01)), pht(1),
            "already purchased", kPurchaseGas);
    }

    void unlistedTitle()
    {
        auto w = world();
        w.chain.mustSucceed(w.chain.makeTx(author, catalog(), setListedCall(w.titleId, false)));
        expectRevert(
            w.chain, buyer, purchaseCall(w.titleId), pht(1), "title is not listed", kPurchaseGas);
    }

    void titleWithoutVersion()
    {
        auto w = world();
        auto bare = w.chain.publish(author, pht(1), 0);
        expectRevert(
            w.chain, buyer, purchaseCall(bare), pht(1), "title has no version yet", kPurchaseGas);
    }

    void notTheAuthor()
    {
        auto w = world();
        const char* reason = "only the author can do this";
        expectRevert(w.chain, stranger, setPriceCall(w.titleId, u(1)), {}, reason, kSetPriceGas);
        expectRevert(w.chain, stranger, setListedCall(w.titleId, false), {}, reason, kSetListedGas);
        expectRevert(w.chain, stranger, addVersionCall(w.titleId), {}, reason, kAddVersionGas);
    }

    void publishLimits()
    {
        auto w = world();
        expectRevert(w.chain, author, publishCall(u(1), std::string(65, 's')), {},
            "subject too long", kPublishGas);
        expectRevert(w.chain, author, publishCall(u(1), "Fiction", 1), {},
            "unsupported sales model", kPublishGas);
        expectRevert(w.chain, author, publishCall(u(1), "Fiction", 255), {},
            "unsupported sales model", kPublishGas);
        expectRevert(w.chain, author,
            addVersionCall(w.titleId, filled(1), 1, std::string(257, 'n')), {}, "note too long",
            kAddVersionGas);
        // The limits themselves are allowed.
        w.chain.mustSucceed(
            w.chain.makeTx(author, catalog(), publishCall(u(1), std::string(64, 's'))));
        w.chain.mustSucceed(w.chain.makeTx(
            author, catalog(), addVersionCall(w.titleId, filled(1), 1, std::string(256, 'n'))));
    }

    void paymentToANonPayableFunction()
    {
        auto w = world();
        const char* reason = "this function does not accept payment";
        expectRevert(w.chain, author, publishCall(u(1)), u(1), reason, kPublishGas);
        expectRevert(w.chain, author, setPriceCall(w.titleId, u(5)), u(5), reason, kSetPriceGas);
        expectRevert(w.chain, author, titleCall(w.titleId), u(1), reason, 0);
    }

    void insufficientFundsForThePrice()
    {
        auto w = world();
        Actor poor = actor(0x0d);
        auto tx = w.chain.makeTx(poor, catalog(), purchaseCall(w.titleId), pht(1));
        const UInt256 prepaid
            = mul(specEffectivePrice(tx, w.chain.params.minGasPrice), u(tx.gasLimit));
        w.chain.fund(poor.address, sub(add(prepaid, pht(1)), u(1)));
        expectRevert(w.chain, poor, tx, "insufficient funds", tx.gasLimit);
    }

    void priceNear2To256()
    {
        auto w = world();
        w.chain.mustSucceed(
            w.chain.makeTx(author, catalog(), setPriceCall(w.titleId, UInt256::max())));
        // No balance can hold the price plus the gas: the purchase reverts, it does not wrap.
        expectRevert(w.chain, buyer, purchaseCall(w.titleId), UInt256::max(), "insufficient funds",
            kPurchaseGas);
    }

    void authorBalanceOverflow()
    {
        auto w = world();
        w.chain.fund(author.address, sub(UInt256::max(), pht(10)));
        w.chain.mustSucceed(w.chain.makeTx(author, catalog(), setPriceCall(w.titleId, pht(20))));
        w.chain.fund(buyer.address, pht(100));
        expectRevert(
            w.chain, buyer, purchaseCall(w.titleId), pht(20), "arithmetic overflow", kPurchaseGas);
    }

    void treasuryBalanceOverflow()
    {
        auto w = world();
        w.chain.fund(w.chain.params.treasury, UInt256::max());
        expectRevert(
            w.chain, buyer, purchaseCall(w.titleId), pht(1), "arithmetic overflow", kPurchaseGas);
    }

    void revenueCounterOverflow()
    {
        auto w = world();
        editTitle(w.chain, w.titleId,
            [](node::TitleRecord& title) { title.revenue = sub(UInt256::max(), u(5)); });
        expectRevert(
            w.chain, buyer, purchaseCall(w.titleId), pht(1), "arithmetic overflow", kPurchaseGas);
    }

    void salesCounterOverflow()
    {
        auto w = world();
        editTitle(w.chain, w.titleId, [](node::TitleRecord& title) {
            title.salesCount = std::numeric_limits<std::uint64_t>::max();
        });
        expectRevert(
            w.chain, buyer, purchaseCall(w.titleId), pht(1), "arithmetic overflow", kPurchaseGas);
    }

    void versionCounterOverflow()
    {
        auto w = world();
        editTitle(w.chain, w.titleId, [](node::TitleRecord& title) {
            title.versionCount = std::numeric_limits<std::uint32_t>::max();
        });
        expectRevert(
            w.chain, author, addVersionCall(w.titleId), {}, "arithmetic overflow", kAddVersionGas);
    }

    void titleIdOverflow()
    {
        auto w = world();
        node::StateOverlay overlay(w.chain.state);
        node::ChainState state(overlay);
        state.setCounters(node::CatalogCounters { std::numeric_limits<std::uint64_t>::max() });
        w.chain.state.apply(overlay.changes());
        expectRevert(w.chain, author, publishCall(u(1)), {}, "arithmetic overflow", kPublishGas);
    }

    void unknownFunction()
    {
        auto w = world();
        expectRevert(w.chain, buyer, Bytes { 0xde, 0xad, 0xbe, 0xef }, {}, "unknown function", 0);
        expectRevert(w.chain, buyer, Bytes { 0xde, 0xad, 0xbe }, {}, "unknown function", 0);
        // Right name, wrong argument types: another selector.
        expectRevert(w.chain, buyer,
            calldata("purchase(uint256,bytes32)", { AbiValue::number(1), word(filled(0)) }), pht(1),
            "unknown function", 0);
    }

    void malformedCalldata()
    {
        auto w = world();
        Bytes valid = purchaseCall(w.titleId);
        Bytes shortArgs(valid.begin(), valid.begin() + 4 + 40);
        expectRevert(w.chain, buyer, shortArgs, pht(1), "malformed call data", kPurchaseGas);
        Bytes trailing = valid;
        trailing.push_back(0);
        expectRevert(w.chain, buyer, trailing, pht(1), "malformed call data", kPurchaseGas);
        Bytes badBool = setListedCall(w.titleId, true);
        badBool.back() = 2; // a bool must be 0 or 1
        expectRevert(w.chain, author, badBool, {}, "malformed call data", kSetListedGas);
        Bytes wideId = setPriceCall(w.titleId, u(1));
        wideId[4 + 23] = 1; // a uint64 argument with bits above 64
        expectRevert(w.chain, author, wideId, {}, "malformed call data", kSetPriceGas);
        Bytes badOffset = publishCall(u(1));
        badOffset[4 + 3 * 32 + 31] = 0xff; // the string's offset points past the end
        expectRevert(w.chain, author, badOffset, {}, "malformed call data", kPublishGas);
    }

    void outOfGas()
    {
        auto w = world();
        Bytes data = purchaseCall(w.titleId);
        TxOptions options;
        options.gasLimit = specIntrinsicGas(data) + kPurchaseGas - 1;
        auto tx = w.chain.makeTx(buyer, catalog(), data, pht(1), options);
        expectRevert(w.chain, buyer, tx, "out of gas", *options.gasLimit);
        // Nothing was bought.
        QVERIFY(!must(w.chain.state.get(0x04, licenceKey(w.titleId, buyer.address))));
        options.gasLimit = specIntrinsicGas(data);
        tx = w.chain.makeTx(buyer, catalog(), data, pht(1), options);
        expectRevert(w.chain, buyer, tx, "out of gas", *options.gasLimit);
    }

    void viewsRevertWithErrorString()
    {
        auto w = world();
        auto unknown = w.chain.call(titleCall(42));
        QCOMPARE(unknown.revertReason, std::optional<std::string>("unknown title"));
        QVERIFY(unknown.output.empty());
        const Bytes revertData = unknown.revertData();
        QCOMPARE(revertData, codec::encodeRevertReason("unknown title"));
        QCOMPARE(hexOf(ByteView(revertData).first(4)), std::string("0x08c379a0"));
        QCOMPARE(w.chain.call(versionCall(w.titleId, 2)).revertReason,
            std::optional<std::string>("unknown version"));
        QCOMPARE(w.chain.call(versionCall(42, 1)).revertReason,
            std::optional<std::string>("unknown title"));
    }
};

QTEST_GUILESS_MAIN(TestExecutionReverts)
#include "tst_execution_reverts.moc"
