#pragma once

// Shared by the state-machine tests (tst_execution_*): a chain in memory driven by real signed
// transactions, calldata built from the signature text of docs/protocol.md §6, and the spec's
// gas and fee formulas written out independently of core/node/execution, so the tests compare the
// code with the document rather than with itself.
#include "core/codec/AbiDecoder.h"
#include "core/codec/AbiSignature.h"
#include "core/codec/AbiValue.h"
#include "core/codec/UInt256.h"
#include "core/crypto/Address.h"
#include "core/node/execution/AccountState.h"
#include "core/node/execution/Admission.h"
#include "core/node/execution/BlockContext.h"
#include "core/node/execution/ChainParams.h"
#include "core/node/execution/Executor.h"
#include "core/node/execution/MemoryStateView.h"
#include "core/node/execution/StateOverlay.h"
#include "core/protocol/Receipt.h"
#include "core/protocol/StateProof.h"
#include "core/protocol/Transaction.h"

#include <QTest>

#include "tests/chain/ProtocolTestSupport.h"
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

namespace ls::testing {

using codec::AbiValue;
using codec::UInt256;

inline constexpr std::uint64_t kChainId = 16300;
inline constexpr std::uint64_t kGwei = 1'000'000'000;
inline constexpr std::uint64_t kStartTimeMs = 1'795'000'000'000;

// docs/protocol.md §4, "Fees and gas".
inline constexpr std::uint64_t kTxGas = 21'000;
inline constexpr std::uint64_t kPublishGas = 150'000;
inline constexpr std::uint64_t kAddVersionGas = 80'000;
inline constexpr std::uint64_t kSetPriceGas = 30'000;
inline constexpr std::uint64_t kSetListedGas = 30'000;
inline constexpr std::uint64_t kPurchaseGas = 100'000;

inline std::uint64_t specIntrinsicGas(ByteView data)
{
    const auto zeros = static_cast<std::uint64_t>(std::count(data.begin(), data.end(), 0));
    return kTxGas + 16 * (data.size() - zeros) + 4 * zeros;
}

inline UInt256 u(std::uint64_t value)
{
    return UInt256(value);
}

inline UInt256 mul(const UInt256& a, const UInt256& b)
{
    auto product = a.checkedMul(b);
    if (!product)
        qFatal("test arithmetic overflowed");
    return *product;
}

inline UInt256 add(const UInt256& a, const UInt256& b)
{
    auto sum = a.checkedAdd(b);
    if (!sum)
        qFatal("test arithmetic overflowed");
    return *sum;
}

inline UInt256 sub(const UInt256& a, const UInt256& b)
{
    auto difference = a.checkedSub(b);
    if (!difference)
        qFatal("test arithmetic underflowed");
    return *difference;
}

inline UInt256 pht(std::uint64_t whole)
{
    return mul(u(whole), u(1'000'000'000'000'000'000ULL));
}

inline UInt256 numberOf(const AbiValue& value)
{
    const UInt256* number = value.asNumber();
    if (!number)
        qFatal("expected an ABI number");
    return *number;
}

inline Hash256 filled(std::uint8_t byte)
{
    Hash256 h {};
    h.fill(byte);
    return h;
}

inline crypto::Address plainAddress(std::uint8_t byte)
{
    FixedBytes<20> bytes {};
    bytes.fill(byte);
    return crypto::Address(bytes);
}

inline crypto::Address catalog()
{
    return must(crypto::Address::parse("0x00000000000000000000000000000000000ca7a1"));
}

struct Actor {
    crypto::PrivateKey key;
    crypto::Address address;
};

inline Actor actor(std::uint8_t byte)
{
    auto key = keyFromByte(byte);
    return Actor { key, crypto::Address::fromPublicKey(key.publicKey()) };
}

// --- Catalog calldata, from the signatures as docs/protocol.md §6 prints them ---------------

inline Bytes calldata(std::string_view signature, const AbiValue::List& values)
{
    return must(codec::abiEncodeCall(signature, values));
}

inline AbiValue word(const Hash256& hash)
{
    return AbiValue::bytes(ByteView(hash));
}

inline Bytes publishCall(const UInt256& price, std::string subject = "Fiction",
    std::uint64_t salesModel = 0, const Hash256& metadata = filled(0x4d),
    const Hash256& keyCommitment = filled(0x4b))
{
    return calldata("publish(bytes32,bytes32,uint256,string,uint8)",
        { word(metadata), word(keyCommitment), AbiValue::number(price),
            AbiValue::string(std::move(subject)), AbiValue::number(salesModel) });
}

inline Bytes addVersionCall(std::uint64_t titleId, const Hash256& content = filled(0xc0),
    std::uint64_t size = 1'048'576, std::string note = "First edition")
{
    return calldata("addVersion(uint64,bytes32,uint64,string)",
        { AbiValue::number(titleId), word(content), AbiValue::number(size),
            AbiValue::string(std::move(note)) });
}

inline Bytes setPriceCall(std::uint64_t titleId, const UInt256& price)
{
    return calldata(
        "setPrice(uint64,uint256)", { AbiValue::number(titleId), AbiValue::number(price) });
}

inline Bytes setListedCall(std::uint64_t titleId, bool listed)
{
    return calldata(
        "setListed(uint64,bool)", { AbiValue::number(titleId), AbiValue::boolean(listed) });
}

inline Bytes purchaseCall(std::uint64_t titleId, const Hash256& boxKey = filled(0xb0))
{
    return calldata("purchase(uint64,bytes32)", { AbiValue::number(titleId), word(boxKey) });
}

inline Bytes titleCall(std::uint64_t titleId)
{
    return calldata("title(uint64)", { AbiValue::number(titleId) });
}

inline Bytes versionCall(std::uint64_t titleId, std::uint32_t version)
{
    return calldata(
        "version(uint64,uint32)", { AbiValue::number(titleId), AbiValue::number(version) });
}

inline Bytes licenceCall(std::uint64_t titleId, const crypto::Address& buyer)
{
    return calldata(
        "licence(uint64,address)", { AbiValue::number(titleId), AbiValue::address(buyer.bytes()) });
}

inline Bytes titleCountCall()
{
    return calldata("titleCount()", {});
}

// --- State entries as §3 spells them ------------------------------------------------------

inline Bytes bigEndian(std::uint64_t value, std::size_t size)
{
    Bytes out(size, 0);
    for (std::size_t i = 0; i < size; ++i)
        out[size - 1 - i] = static_cast<std::uint8_t>(value >> (8 * i));
    return out;
}

inline Bytes titleKey(std::uint64_t id)
{
    return bigEndian(id, 8);
}

inline Bytes versionKey(std::uint64_t id, std::uint32_t version)
{
    return concat({ bigEndian(id, 8), bigEndian(version, 4) });
}

inline Bytes licenceKey(std::uint64_t id, const crypto::Address& buyer)
{
    return concat({ bigEndian(id, 8), buyer.view() });
}

inline Bytes accountEntry(std::uint64_t nonce, const UInt256& balance)
{
    return listOf({ uintItem(nonce), uintItem(balance) });
}

inline node::StateChange accountChange(
    const crypto::Address& address, std::uint64_t nonce, const UInt256& balance)
{
    std::optional<Bytes> value;
    if (nonce != 0 || !balance.isZero())
        value = accountEntry(nonce, balance);
    return node::StateChange { protocol::statePath(0x01, address.view()), value };
}

inline std::vector<node::StateChange> sortedChanges(std::vector<node::StateChange> changes)
{
    std::sort(changes.begin(), changes.end(),
        [](const node::StateChange& a, const node::StateChange& b) { return a.path < b.path; });
    return changes;
}

// --- A chain in memory --------------------------------------------------------------------

struct TxOptions {
    protocol::TransactionType type = protocol::TransactionType::DynamicFee;
    UInt256 gasPrice = 2 * kGwei; // type 0
    UInt256 maxFeePerGas = 3 * kGwei; // type 2
    UInt256 maxPriorityFeePerGas = 1 * kGwei; // type 2
    std::optional<std::uint64_t> gasLimit; // default: exactly what the schedule asks
    std::optional<std::uint64_t> nonce; // default: the sender's next nonce
    std::optional<std::uint64_t> chainId; // default: kChainId
};

// §4: type 0 pays gasPrice; type 2 pays min(maxFeePerGas, minGasPrice + maxPriorityFeePerGas).
inline UInt256 specEffectivePrice(const protocol::Transaction& tx, const UInt256& minGasPrice)
{
    if (tx.type == protocol::TransactionType::Legacy)
        return tx.gasPrice;
    UInt256 offered = add(minGasPrice, tx.maxPriorityFeePerGas);
    return offered < tx.maxFeePerGas ? offered : tx.maxFeePerGas;
}

class TestChain {
public:
    TestChain()
    {
        params.chainId = kChainId;
        params.minGasPrice = kGwei;
        params.blockGasLimit = 30'000'000;
        params.serviceFeeBps = 250;
        params.treasury = plainAddress(0x7e);
        params.heartbeatMs = 5000;
    }

    node::MemoryStateView state;
    node::ChainParams params;
    crypto::Address proposer = plainAddress(0xb1);
    std::uint64_t height = 1;
    std::uint64_t timeMs = kStartTimeMs;
    std::vector<node::StateChange> lastChanges; // of the last submit() that returned a receipt

    node::AccountState account(const crypto::Address& address)
    {
        auto bytes = must(state.get(0x01, address.view()));
        if (!bytes)
            return {};
        return must(node::AccountState::decode(*bytes));
    }

    // Sets a balance directly in the state, as a genesis allocation would.
    void fund(const crypto::Address& address, const UInt256& balance)
    {
        auto current = account(address);
        state.set(0x01, address.view(), accountEntry(current.nonce, balance));
    }

    node::BlockContext context(std::uint64_t cumulativeGasUsed = 0) const
    {
        return node::BlockContext { height, timeMs, proposer, params, cumulativeGasUsed };
    }

    protocol::Transaction makeTx(const Actor& from, const crypto::Address& to, Bytes data,
        const UInt256& value = {}, const TxOptions& options = {})
    {
        protocol::Transaction tx;
        tx.type = options.type;
        tx.nonce = options.nonce.value_or(account(from.address).nonce);
        tx.gasPrice
            = options.type == protocol::TransactionType::Legacy ? options.gasPrice : UInt256 {};
        if (options.type == protocol::TransactionType::DynamicFee) {
            tx.maxFeePerGas = options.maxFeePerGas;
            tx.maxPriorityFeePerGas = options.maxPriorityFeePerGas;
        }
        std::uint64_t opGas = 0;
        if (to == catalog() && data.size() >= 4)
            opGas = gasForSelector(data);
        tx.gasLimit = options.gasLimit.value_or(specIntrinsicGas(data) + opGas);
        tx.to = to;
        tx.value = value;
        tx.data = std::move(data);
        tx.sign(from.key, options.chainId.value_or(kChainId));
        return tx;
    }

    // Through the raw bytes, as a block body carries them: decode, recover the sender for this
    // network, apply on a fresh overlay; a receipt's changes are kept in the state.
    Result<protocol::Receipt> submit(
        const protocol::Transaction& tx, std::uint64_t cumulativeGasUsed = 0)
    {
        auto verified = node::decodeAndRecover(tx.encode(), params.chainId);
        if (!verified)
            return std::unexpected(verified.error());
        node::StateOverlay overlay(state);
        auto receipt = node::Executor::apply(
            overlay, verified->tx, verified->sender, context(cumulativeGasUsed));
        lastChanges = overlay.changes();
        if (receipt)
            state.apply(lastChanges);
        return receipt;
    }

    protocol::Receipt mustSucceed(const protocol::Transaction& tx)
    {
        auto receipt = must(submit(tx));
        if (receipt.status != protocol::Receipt::kSuccess)
            qFatal("transaction reverted: %s", receipt.revertReason.c_str());
        return receipt;
    }

    node::CallResult call(
        const Bytes& data, const crypto::Address& from = {}, const UInt256& value = {})
    {
        return must(node::Executor::call(state, context(), from, catalog(), data, value));
    }

    // The author publishes a title (with `versions` versions) and gets its id back.
    std::uint64_t publish(const Actor& author, const UInt256& price, std::uint32_t versions = 1)
    {
        auto receipt = mustSucceed(makeTx(author, catalog(), publishCall(price)));
        auto id = must(codec::abiDecode({ codec::AbiType::uint(64) },
            ByteView(receipt.logs.at(0).topics.at(1)))); // topic 1 = titleId
        const std::uint64_t titleId = numberOf(id.at(0)).low64();
        for (std::uint32_t v = 0; v < versions; ++v)
            mustSucceed(makeTx(author, catalog(), addVersionCall(titleId)));
        return titleId;
    }

private:
    static std::uint64_t gasForSelector(ByteView data)
    {
        struct Entry {
            const char* signature;
            std::uint64_t gas;
        };
        static const Entry entries[] = {
            { "publish(bytes32,bytes32,uint256,string,uint8)", kPublishGas },
            { "addVersion(uint64,bytes32,uint64,string)", kAddVersionGas },
            { "setPrice(uint64,uint256)", kSetPriceGas },
            { "setListed(uint64,bool)", kSetListedGas },
            { "purchase(uint64,bytes32)", kPurchaseGas },
        };
        for (const auto& entry : entries) {
            auto selector = must(codec::AbiSignature::parse(entry.signature)).selector();
            if (std::equal(selector.begin(), selector.end(), data.begin()))
                return entry.gas;
        }
        return 0;
    }
};

// The change set a reverted transaction leaves: the sender's nonce + 1 and balance − fee, the
// proposer's balance + fee (§4: "every change except the sender's nonce increment and the fee is
// undone").
inline std::vector<node::StateChange> feeOnlyChanges(const crypto::Address& sender,
    const node::AccountState& senderBefore, const crypto::Address& proposer,
    const node::AccountState& proposerBefore, const UInt256& fee)
{
    if (sender == proposer)
        return { accountChange(sender, senderBefore.nonce + 1, senderBefore.balance) };
    return sortedChanges(
        { accountChange(sender, senderBefore.nonce + 1, sub(senderBefore.balance, fee)),
            accountChange(proposer, proposerBefore.nonce, add(proposerBefore.balance, fee)) });
}

} // namespace ls::testing
