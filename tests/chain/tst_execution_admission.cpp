#include "core/node/execution/Admission.h"
#include "core/node/execution/GasSchedule.h"

#include <QTest>

#include "tests/chain/ExecutionTestSupport.h"
#include <limits>

using namespace ls;
using namespace ls::testing;
using node::NoncePolicy;
using protocol::TransactionType;

// The mempool's admission rules and the gas schedule (docs/protocol.md §4), and the gas estimate
// eth_estimateGas reports.
class TestExecutionAdmission : public QObject {
    Q_OBJECT

private:
    Actor alice = actor(0x01);
    Actor bob = actor(0x02);

    Result<void> admit(
        TestChain& chain, const protocol::Transaction& tx, NoncePolicy policy = NoncePolicy::Exact)
    {
        return node::checkAdmission(chain.state, tx, alice.address, chain.params, policy);
    }

private Q_SLOTS:
    void gasScheduleFollowsTheSpec()
    {
        const Bytes mixed { 0, 0, 1, 2, 0, 255 };
        QCOMPARE(node::GasSchedule::intrinsic(mixed), specIntrinsicGas(mixed));
        QCOMPARE(node::GasSchedule::intrinsic(mixed), std::uint64_t { 21'000 + 3 * 16 + 3 * 4 });
        QCOMPARE(node::GasSchedule::required(bob.address, {}), kTxGas);
        struct Case {
            Bytes data;
            std::uint64_t operation;
        };
        const Case cases[] = {
            { publishCall(u(1)), kPublishGas }, { addVersionCall(1), kAddVersionGas },
            { setPriceCall(1, u(2)), kSetPriceGas }, { setListedCall(1, true), kSetListedGas },
            { purchaseCall(1), kPurchaseGas }, { titleCall(1), 0 }, { versionCall(1, 1), 0 },
            { licenceCall(1, bob.address), 0 }, { titleCountCall(), 0 },
            { Bytes { 1, 2, 3, 4 }, 0 }, // unknown selector
            { Bytes { 1, 2 }, 0 }, // no selector at all
        };
        for (const auto& c : cases)
            QCOMPARE(node::GasSchedule::required(catalog(), c.data),
                specIntrinsicGas(c.data) + c.operation);
        // A selector means nothing outside the Catalog.
        QCOMPARE(node::GasSchedule::operation(bob.address, purchaseCall(1)), std::uint64_t { 0 });
    }

    void effectiveGasPriceRules()
    {
        TestChain chain;
        const UInt256 min = chain.params.minGasPrice;
        protocol::Transaction legacy;
        legacy.type = TransactionType::Legacy;
        legacy.gasPrice = min;
        QCOMPARE(must(node::effectiveGasPrice(legacy, min)), min);
        legacy.gasPrice = sub(min, u(1));
        QVERIFY(failsWith(node::effectiveGasPrice(legacy, min), "below the network's minimum"));

        protocol::Transaction dynamic;
        dynamic.maxFeePerGas = 5 * kGwei;
        dynamic.maxPriorityFeePerGas = 2 * kGwei;
        QCOMPARE(must(node::effectiveGasPrice(dynamic, min)), u(3 * kGwei));
        dynamic.maxPriorityFeePerGas = 5 * kGwei;
        QCOMPARE(must(node::effectiveGasPrice(dynamic, min)), u(5 * kGwei));
        dynamic.maxPriorityFeePerGas = UInt256::max(); // above maxFee
        QVERIFY(failsWith(node::effectiveGasPrice(dynamic, min), "is above maxFeePerGas"));
        dynamic.maxFeePerGas = UInt256::max(); // min + priority overflows: capped at maxFee
        QCOMPARE(must(node::effectiveGasPrice(dynamic, min)), UInt256::max());
        dynamic.maxFeePerGas = sub(min, u(1));
        dynamic.maxPriorityFeePerGas = 0;
        QVERIFY(failsWith(node::effectiveGasPrice(dynamic, min), "maxFeePerGas"));
    }

    void admitsAValidTransaction()
    {
        TestChain chain;
        chain.fund(alice.address, pht(1));
        QVERIFY(admit(chain, chain.makeTx(alice, bob.address, {}, u(5))).has_value());
        QVERIFY(admit(chain, chain.makeTx(alice, catalog(), publishCall(u(1)))).has_value());
    }

    void balanceMustCoverGasAndValue()
    {
        TestChain chain;
        auto tx = chain.makeTx(alice, bob.address, {}, pht(1));
        const UInt256 price = specEffectivePrice(tx, chain.params.minGasPrice);
        const UInt256 needed = add(mul(price, u(tx.gasLimit)), pht(1));
        chain.fund(alice.address, needed);
        QVERIFY(admit(chain, tx).has_value());
        chain.fund(alice.address, sub(needed, u(1)));
        auto refused = admit(chain, tx);
        QVERIFY(failsWith(refused, "Transaction rejected: insufficient funds"));
        QCOMPARE(refused.error().kind, ErrorKind::InvalidInput);

        // gasLimit · price past 2^256 cannot be paid by anyone.
        chain.fund(alice.address, UInt256::max());
        TxOptions options;
        options.type = TransactionType::Legacy;
        options.gasPrice = UInt256::max();
        QVERIFY(failsWith(admit(chain, chain.makeTx(alice, bob.address, {}, u(0), options)),
            "insufficient funds"));
    }

    void nonceRules()
    {
        TestChain chain;
        chain.fund(alice.address, pht(1));
        must(chain.submit(chain.makeTx(alice, bob.address, {}, u(1))));
        TxOptions options;
        options.nonce = 0;
        auto stale = chain.makeTx(alice, bob.address, {}, u(1), options);
        QVERIFY(failsWith(admit(chain, stale), "nonce 0 is too low"));
        QVERIFY(failsWith(admit(chain, stale, NoncePolicy::AllowFuture), "nonce 0 is too low"));
        options.nonce = 3;
        auto ahead = chain.makeTx(alice, bob.address, {}, u(1), options);
        QVERIFY(failsWith(admit(chain, ahead), "nonce 3 is too high"));
        QVERIFY(admit(chain, ahead, NoncePolicy::AllowFuture).has_value());

        // EIP-2681: an account at nonce 2^64-1 can send nothing more.
        chain.state.set(0x01, alice.address.view(),
            accountEntry(std::numeric_limits<std::uint64_t>::max(), pht(1)));
        options.nonce = std::numeric_limits<std::uint64_t>::max();
        auto last = chain.makeTx(alice, bob.address, {}, u(1), options);
        QVERIFY(failsWith(admit(chain, last), "2^64-1"));
        QVERIFY(failsWith(chain.submit(last), "2^64-1"));
    }

    void gasLimitRules()
    {
        TestChain chain;
        chain.fund(alice.address, pht(1));
        TxOptions options;
        const Bytes data = purchaseCall(1);
        options.gasLimit = specIntrinsicGas(data) - 1;
        QVERIFY(failsWith(admit(chain, chain.makeTx(alice, catalog(), data, u(0), options)),
            "below the intrinsic gas of this transaction ("
                + std::to_string(specIntrinsicGas(data))));
        // Enough for the intrinsic gas but not the call: admitted, it will run out of gas.
        options.gasLimit = specIntrinsicGas(data);
        QVERIFY(admit(chain, chain.makeTx(alice, catalog(), data, u(0), options)).has_value());
        options.gasLimit = chain.params.blockGasLimit + 1;
        QVERIFY(failsWith(admit(chain, chain.makeTx(alice, catalog(), data, u(0), options)),
            "above the block gas limit"));
    }

    void dataOnlyToSystemContracts()
    {
        TestChain chain;
        chain.fund(alice.address, pht(1));
        TxOptions options;
        options.gasLimit = 100'000;
        QVERIFY(
            failsWith(admit(chain, chain.makeTx(alice, bob.address, Bytes { 0xa9 }, u(0), options)),
                "which is not a system contract"));
    }

    void replayFromAnotherChainIsRefused()
    {
        TestChain chain;
        chain.fund(alice.address, pht(1));
        TxOptions options;
        options.chainId = kChainId + 1;
        auto foreign = chain.makeTx(alice, bob.address, {}, u(1), options);
        QVERIFY(failsWith(node::decodeAndRecover(foreign.encode(), kChainId),
            "signed for chain id 16301, but this network's chain id is 16300"));
        QVERIFY(failsWith(admit(chain, foreign), "signed for chain id 16301"));
        // The same signature is fine on its own chain.
        auto verified = must(node::decodeAndRecover(foreign.encode(), kChainId + 1));
        QCOMPARE(verified.sender, alice.address);
        QVERIFY(failsWith(node::decodeAndRecover(Bytes { 0x02, 0xc0 }, kChainId), ""));
    }

    void estimateGasIsTheScheduleOrTheRevert()
    {
        TestChain chain;
        chain.fund(alice.address, pht(1));
        auto estimate = [&](const crypto::Address& to, const Bytes& data, const UInt256& value) {
            return node::Executor::estimateGas(
                chain.state, chain.context(), alice.address, to, data, value);
        };
        auto transfer = must(estimate(bob.address, {}, u(1)));
        QCOMPARE(transfer.gas, kTxGas);
        QVERIFY(!transfer.revertReason);
        auto publish = must(estimate(catalog(), publishCall(u(9)), {}));
        QCOMPARE(publish.gas, specIntrinsicGas(publishCall(u(9))) + kPublishGas);
        QVERIFY(!publish.revertReason);
        auto purchase = must(estimate(catalog(), purchaseCall(7), u(9)));
        QCOMPARE(purchase.gas, specIntrinsicGas(purchaseCall(7)) + kPurchaseGas);
        QCOMPARE(purchase.revertReason, std::optional<std::string>("unknown title"));
        auto tooRich = must(estimate(bob.address, {}, pht(2)));
        QCOMPARE(tooRich.revertReason, std::optional<std::string>("insufficient funds"));
        QVERIFY(failsWith(estimate(bob.address, Bytes { 1 }, {}), "not a system contract"));
        // Estimating changes nothing.
        QCOMPARE(chain.state.entries().size(), std::size_t { 1 });
        QCOMPARE(chain.account(alice.address), (node::AccountState { 0, pht(1) }));
    }

    void callsKeepNothing()
    {
        TestChain chain;
        chain.fund(alice.address, pht(1));
        auto preview = must(node::Executor::call(
            chain.state, chain.context(), alice.address, catalog(), publishCall(u(1)), {}));
        QVERIFY(!preview.reverted());
        QCOMPARE(preview.logs.size(), std::size_t { 1 });
        QCOMPARE(preview.gasUsed, specIntrinsicGas(publishCall(u(1))) + kPublishGas);
        QCOMPARE(chain.state.entries().size(), std::size_t { 1 });
        // Calldata to a plain account: nothing runs, as a call to an account without code.
        auto plain = must(node::Executor::call(
            chain.state, chain.context(), alice.address, bob.address, Bytes { 1 }, {}));
        QVERIFY(!plain.reverted());
        QVERIFY(plain.output.empty());
    }
};

QTEST_GUILESS_MAIN(TestExecutionAdmission)
#include "tst_execution_admission.moc"
