#include "core/crypto/Keccak.h"

#include <QTest>

#include "tests/chain/ExecutionTestSupport.h"

using namespace ls;
using namespace ls::testing;
using protocol::Receipt;
using protocol::TransactionType;

namespace {

// The native Transfer log as docs/protocol.md §4 specifies it, built here from the spec's words
// rather than from core/protocol/NativeTransfer (which the node uses to write it).
protocol::Log specTransferLog(
    const crypto::Address& from, const crypto::Address& to, const UInt256& value)
{
    auto addressWord = [](const crypto::Address& address) {
        Hash256 word {};
        std::copy(address.bytes().begin(), address.bytes().end(), word.begin() + 12);
        return word;
    };
    protocol::Log log;
    log.address = must(crypto::Address::parse("0x00000000000000000000000000000000000ca7a2"));
    log.topics
        = { crypto::keccak256(asBytes(std::string_view("Transfer(address,address,uint256)"))),
              addressWord(from), addressWord(to) };
    const auto word = value.toBigEndian();
    log.data.assign(word.begin(), word.end());
    return log;
}

} // namespace

// Plain transfers and the fee rules every transaction follows (docs/protocol.md §4): nonce,
// effective gas price, fee to the proposer, refund of unused gas, and the line between a
// transaction that is invalid for the block (an error, nothing changes) and one that reverts (in
// the block, only the nonce and the fee move). A transfer that moves value leaves one native
// Transfer log; one that reverts, or moves nothing, leaves none.
class TestExecutionTransfer : public QObject {
    Q_OBJECT

private:
    Actor alice = actor(0x01);
    Actor bob = actor(0x02);

private Q_SLOTS:
    void transferMovesValueAndPaysTheProposer()
    {
        TestChain chain;
        chain.fund(alice.address, pht(10));
        auto tx = chain.makeTx(alice, bob.address, {}, pht(1));
        auto receipt = must(chain.submit(tx));

        const UInt256 price = specEffectivePrice(tx, chain.params.minGasPrice);
        QCOMPARE(price, u(2 * kGwei)); // min(3 gwei, 1 gwei + 1 gwei)
        const UInt256 fee = mul(price, u(kTxGas));
        QCOMPARE(receipt.status, Receipt::kSuccess);
        QCOMPARE(receipt.txHash, crypto::keccak256(tx.encode()));
        QCOMPARE(receipt.gasUsed, kTxGas);
        QCOMPARE(receipt.cumulativeGasUsed, kTxGas);
        QCOMPARE(receipt.effectiveGasPrice, price);
        QCOMPARE(receipt.logs,
            (std::vector<protocol::Log> { specTransferLog(alice.address, bob.address, pht(1)) }));
        QVERIFY(receipt.revertReason.empty());
        QCOMPARE(chain.lastChanges,
            sortedChanges({ accountChange(alice.address, 1, sub(sub(pht(10), pht(1)), fee)),
                accountChange(bob.address, 0, pht(1)), accountChange(chain.proposer, 0, fee) }));
    }

    void legacyTransactionsPayTheirGasPrice()
    {
        TestChain chain;
        chain.fund(alice.address, pht(1));
        TxOptions options;
        options.type = TransactionType::Legacy;
        options.gasPrice = 5 * kGwei;
        auto receipt = must(chain.submit(chain.makeTx(alice, bob.address, {}, u(7), options)));
        QCOMPARE(receipt.effectiveGasPrice, u(5 * kGwei));
        QCOMPARE(chain.account(chain.proposer).balance, mul(u(5 * kGwei), u(kTxGas)));
        QCOMPARE(chain.account(alice.address).balance,
            sub(pht(1), add(u(7), mul(u(5 * kGwei), u(kTxGas)))));
    }

    void dynamicFeeIsCappedByMaxFee()
    {
        TestChain chain;
        chain.fund(alice.address, pht(1));
        TxOptions options;
        options.maxFeePerGas = 1'500'000'000;
        options.maxPriorityFeePerGas = 1'000'000'000;
        auto tx = chain.makeTx(alice, bob.address, {}, u(1), options);
        auto receipt = must(chain.submit(tx));
        QCOMPARE(receipt.effectiveGasPrice, u(1'500'000'000));
        QCOMPARE(receipt.effectiveGasPrice, specEffectivePrice(tx, chain.params.minGasPrice));

        options.maxFeePerGas = 10 * kGwei;
        options.maxPriorityFeePerGas = 0;
        receipt = must(chain.submit(chain.makeTx(alice, bob.address, {}, u(1), options)));
        QCOMPARE(receipt.effectiveGasPrice, u(kGwei)); // minGasPrice + 0
    }

    void unusedGasIsRefunded()
    {
        TestChain chain;
        chain.fund(alice.address, pht(1));
        TxOptions options;
        options.gasLimit = 500'000;
        auto tx = chain.makeTx(alice, bob.address, {}, u(1), options);
        auto receipt = must(chain.submit(tx, 100'000));
        QCOMPARE(receipt.gasUsed, kTxGas);
        QCOMPARE(receipt.cumulativeGasUsed, std::uint64_t { 100'000 } + kTxGas);
        const UInt256 fee = mul(receipt.effectiveGasPrice, u(kTxGas));
        QCOMPARE(chain.account(alice.address).balance, sub(pht(1), add(u(1), fee)));
        QCOMPARE(chain.account(chain.proposer).balance, fee);
    }

    void insufficientFundsForValueReverts()
    {
        TestChain chain;
        auto probe = chain.makeTx(alice, bob.address, {}, pht(1));
        const UInt256 price = specEffectivePrice(probe, chain.params.minGasPrice);
        const UInt256 prepaid = mul(price, u(probe.gasLimit));
        // Enough for the gas, one base unit short of gas + value.
        chain.fund(alice.address, sub(add(prepaid, pht(1)), u(1)));
        chain.fund(chain.proposer, u(1000));
        auto aliceBefore = chain.account(alice.address);
        auto proposerBefore = chain.account(chain.proposer);
        auto receipt = must(chain.submit(probe));
        QCOMPARE(receipt.status, Receipt::kFailure);
        QCOMPARE(receipt.revertReason, std::string("insufficient funds"));
        QVERIFY(receipt.logs.empty()); // a reverted transfer moved nothing: no Transfer log
        QCOMPARE(receipt.gasUsed, kTxGas);
        QCOMPARE(chain.lastChanges,
            feeOnlyChanges(
                alice.address, aliceBefore, chain.proposer, proposerBefore, mul(price, u(kTxGas))));
        QCOMPARE(chain.account(bob.address).balance, UInt256 {});
    }

    void insufficientFundsForGasIsInvalid()
    {
        TestChain chain;
        auto tx = chain.makeTx(alice, bob.address, {}, u(0));
        const UInt256 prepaid
            = mul(specEffectivePrice(tx, chain.params.minGasPrice), u(tx.gasLimit));
        chain.fund(alice.address, sub(prepaid, u(1)));
        auto result = chain.submit(tx);
        QVERIFY(failsWith(result, "insufficient funds for gas"));
        QCOMPARE(result.error().kind, ErrorKind::InvalidInput);
        QVERIFY(chain.lastChanges.empty());
        QCOMPARE(chain.account(alice.address), (node::AccountState { 0, sub(prepaid, u(1)) }));

        chain.fund(alice.address, prepaid); // exactly enough
        auto receipt = must(chain.submit(tx));
        QCOMPARE(receipt.status, Receipt::kSuccess);
        QCOMPARE(chain.account(alice.address), (node::AccountState { 1, UInt256 {} }));
    }

    void badNoncesAreInvalid()
    {
        TestChain chain;
        chain.fund(alice.address, pht(1));
        auto first = chain.makeTx(alice, bob.address, {}, u(1));
        must(chain.submit(first));
        auto replayed = chain.submit(first);
        QVERIFY(failsWith(replayed, "nonce 0 is too low"));
        QVERIFY(chain.lastChanges.empty());
        TxOptions ahead;
        ahead.nonce = 5;
        QVERIFY(failsWith(chain.submit(chain.makeTx(alice, bob.address, {}, u(1), ahead)),
            "nonce 5 is too high"));
        QVERIFY(chain.lastChanges.empty());
        QCOMPARE(chain.account(alice.address).nonce, std::uint64_t { 1 });
    }

    void transactionsOfAnotherChainAreRefused()
    {
        TestChain chain;
        chain.fund(alice.address, pht(1));
        TxOptions options;
        options.chainId = 1;
        auto foreign = chain.makeTx(alice, bob.address, {}, u(1), options);
        // recoverSender (inside decodeAndRecover) refuses before any signature work…
        QVERIFY(failsWith(chain.submit(foreign), "signed for chain id 1"));
        QVERIFY(failsWith(foreign.recoverSender(kChainId), "this network's chain id is 16300"));
        // …and the executor refuses it too if a caller skipped that step.
        node::StateOverlay overlay(chain.state);
        QVERIFY(failsWith(node::Executor::apply(overlay, foreign, alice.address, chain.context()),
            "signed for chain id 1"));
        QVERIFY(overlay.changes().empty());
    }

    void ruleViolationsAreInvalid()
    {
        TestChain chain;
        chain.fund(alice.address, pht(1));
        TxOptions options;
        options.gasLimit = kTxGas - 1;
        QVERIFY(failsWith(chain.submit(chain.makeTx(alice, bob.address, {}, u(1), options)),
            "below the intrinsic gas"));
        options.gasLimit = chain.params.blockGasLimit + 1;
        QVERIFY(failsWith(chain.submit(chain.makeTx(alice, bob.address, {}, u(1), options)),
            "above the block gas limit"));
        options = {};
        options.maxFeePerGas = kGwei - 1;
        options.maxPriorityFeePerGas = 0;
        QVERIFY(failsWith(chain.submit(chain.makeTx(alice, bob.address, {}, u(1), options)),
            "below the network's minimum gas price"));
        options = {};
        options.gasLimit = 100'000;
        QVERIFY(failsWith(
            chain.submit(chain.makeTx(alice, bob.address, Bytes { 1, 2, 3 }, u(1), options)),
            "not a system contract"));
        QVERIFY(chain.lastChanges.empty());
        QCOMPARE(chain.account(alice.address), (node::AccountState { 0, pht(1) }));
    }

    void aFullBlockRefusesTheTransaction()
    {
        TestChain chain;
        chain.fund(alice.address, pht(1));
        auto tx = chain.makeTx(alice, bob.address, {}, u(1));
        QVERIFY(failsWith(
            chain.submit(tx, chain.params.blockGasLimit - kTxGas + 1), "gas left in this block"));
        auto receipt = must(chain.submit(tx, chain.params.blockGasLimit - kTxGas));
        QCOMPARE(receipt.cumulativeGasUsed, chain.params.blockGasLimit);
    }

    void invalidTransactionsLeaveTheBlockOverlayAsItWas()
    {
        TestChain chain;
        chain.fund(alice.address, pht(1));
        node::StateOverlay block(chain.state);
        auto first = chain.makeTx(alice, bob.address, {}, u(5));
        QVERIFY(node::Executor::apply(block, first, alice.address, chain.context()).has_value());
        auto before = block.changes();
        // Nonce 0 again: refused, and the first transaction's writes are untouched.
        QVERIFY(!node::Executor::apply(block, first, alice.address, chain.context(kTxGas)));
        QCOMPARE(block.changes(), before);
        QCOMPARE(block.openCheckpoints(), std::size_t { 0 });
    }

    void transferToSelfOnlyCostsTheFee()
    {
        TestChain chain;
        chain.fund(alice.address, pht(1));
        auto tx = chain.makeTx(alice, alice.address, {}, u(12345));
        auto receipt = must(chain.submit(tx));
        QCOMPARE(receipt.status, Receipt::kSuccess);
        // Value did leave and reach an account (the same one): the log says so.
        QCOMPARE(receipt.logs,
            (std::vector<protocol::Log> {
                specTransferLog(alice.address, alice.address, u(12345)) }));
        const UInt256 fee = mul(receipt.effectiveGasPrice, u(kTxGas));
        QCOMPARE(chain.lastChanges,
            sortedChanges({ accountChange(alice.address, 1, sub(pht(1), fee)),
                accountChange(chain.proposer, 0, fee) }));
    }

    void aProposerPayingItselfOnlyMovesItsNonce()
    {
        TestChain chain;
        chain.proposer = alice.address;
        chain.fund(alice.address, pht(1));
        must(chain.submit(chain.makeTx(alice, alice.address, {}, u(0))));
        QCOMPARE(chain.lastChanges,
            std::vector<node::StateChange> { accountChange(alice.address, 1, pht(1)) });
    }

    void zeroValueToAFreshAccountCreatesNoEntry()
    {
        TestChain chain;
        chain.fund(alice.address, pht(1));
        auto receipt = must(chain.submit(chain.makeTx(alice, bob.address, {}, u(0))));
        QVERIFY(receipt.logs.empty()); // nothing moved: no Transfer log
        QCOMPARE(chain.lastChanges.size(), std::size_t { 2 }); // alice and the proposer
        QVERIFY(!must(chain.state.get(0x01, bob.address.view())));
    }

    void creditOverflowReverts()
    {
        TestChain chain;
        chain.fund(alice.address, pht(1));
        chain.fund(bob.address, sub(UInt256::max(), u(5)));
        auto aliceBefore = chain.account(alice.address);
        auto receipt = must(chain.submit(chain.makeTx(alice, bob.address, {}, u(10))));
        QCOMPARE(receipt.status, Receipt::kFailure);
        QCOMPARE(receipt.revertReason, std::string("arithmetic overflow"));
        // The debit and its log were both undone with the call.
        QVERIFY(receipt.logs.empty());
        QCOMPARE(chain.lastChanges,
            feeOnlyChanges(alice.address, aliceBefore, chain.proposer, {},
                mul(receipt.effectiveGasPrice, u(kTxGas))));
        QCOMPARE(chain.account(bob.address).balance, sub(UInt256::max(), u(5)));
    }

    void valueToTheCatalogWithoutDataReverts()
    {
        TestChain chain;
        chain.fund(alice.address, pht(1));
        auto aliceBefore = chain.account(alice.address);
        auto receipt = must(chain.submit(chain.makeTx(alice, catalog(), {}, u(10))));
        QCOMPARE(receipt.revertReason, std::string("unknown function"));
        QVERIFY(receipt.logs.empty());
        QCOMPARE(chain.lastChanges,
            feeOnlyChanges(alice.address, aliceBefore, chain.proposer, {},
                mul(receipt.effectiveGasPrice, u(kTxGas))));
    }
};

QTEST_GUILESS_MAIN(TestExecutionTransfer)
#include "tst_execution_transfer.moc"
