// ls-bench-execution: the state machine (core/node/execution) on the transaction DESIGN.md §8
// sets a target for — Catalog purchases, ≥ 10,000 per second — single-threaded over an in-memory
// state, next to an anchor measured in the same run:
//   purchases/s, decode + recover sender + apply    vs raw libsecp256k1 secp256k1_ecdsa_recover/s
//                                                      (the ratio shows how close execution is to
//                                                      being bound by signature recovery)
//   purchases/s, apply only (sender already known)  — execution's own cost, for reference
// Every batch is one "block": a fresh overlay over the same funded state, every buyer buying the
// same title once, then the overlay's change set as the block producer would take it.
// Usage: ls-bench-execution [--quick]    (--quick: tiny run that only proves the code paths work)
#include "core/codec/AbiSignature.h"
#include "core/crypto/Secp256k1.h"
#include "core/node/execution/Admission.h"
#include "core/node/execution/ChainState.h"
#include "core/node/execution/Executor.h"
#include "core/node/execution/MemoryStateView.h"
#include "core/node/execution/StateOverlay.h"
#include "core/node/execution/SystemContracts.h"

#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include "bench/BenchTimer.h"
#include <cstdio>
#include <cstring>
#include <vector>

using namespace ls;

namespace {

volatile std::uint64_t g_sink; // keeps results observable so the optimiser cannot drop the work

constexpr std::uint64_t kChainId = 16300;
const codec::UInt256 kPrice = 1'000'000'000'000'000'000ULL; // 1 PHT

crypto::PrivateKey keyNumber(std::uint32_t n)
{
    FixedBytes<32> bytes {};
    for (std::size_t i = 0; i < 4; ++i)
        bytes[31 - i] = static_cast<std::uint8_t>(n >> (8 * i));
    return *crypto::PrivateKey::fromBytes(bytes);
}

Bytes mustCall(std::string_view signature, const codec::AbiValue::List& values)
{
    auto data = codec::abiEncodeCall(signature, values);
    if (!data) {
        std::fprintf(stderr, "calldata: %s\n", data.error().message.c_str());
        std::exit(1);
    }
    return *data;
}

protocol::Transaction signedTx(const crypto::PrivateKey& key, std::uint64_t nonce, Bytes data,
    const codec::UInt256& value, std::uint64_t gasLimit)
{
    protocol::Transaction tx;
    tx.nonce = nonce;
    tx.maxFeePerGas = 2'000'000'000;
    tx.maxPriorityFeePerGas = 1'000'000'000;
    tx.gasLimit = gasLimit;
    tx.to = node::catalogAddress();
    tx.value = value;
    tx.data = std::move(data);
    tx.sign(key, kChainId);
    return tx;
}

void check(bool ok, const char* what)
{
    if (!ok) {
        std::fprintf(stderr, "benchmark setup failed: %s\n", what);
        std::exit(1);
    }
}

} // namespace

int main(int argc, char** argv)
{
    const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const double seconds = quick ? 0.01 : 0.5;
    const std::uint32_t buyers = quick ? 32 : 2048;

    node::ChainParams params;
    params.chainId = kChainId;
    params.minGasPrice = 1'000'000'000;
    params.blockGasLimit = 1'000'000'000'000ULL;
    params.serviceFeeBps = 250;
    params.treasury = crypto::Address::fromPublicKey(keyNumber(0xfee).publicKey());
    params.heartbeatMs = 5000;
    node::BlockContext context { 1, 1'795'000'000'000, crypto::Address(), params, 0 };

    // State: an author with one listed title and one version; every buyer funded with 10 PHT.
    node::MemoryStateView base;
    {
        node::StateOverlay setup(base);
        node::ChainState state(setup);
        const auto author = keyNumber(1);
        const auto authorAddress = crypto::Address::fromPublicKey(author.publicKey());
        state.setAccount(authorAddress, node::AccountState { 0, kPrice });
        state.setParams(params);
        codec::AbiValue::List publishArgs { codec::AbiValue::bytes(Bytes(32, 0x4d)),
            codec::AbiValue::bytes(Bytes(32, 0x4b)), codec::AbiValue::number(kPrice),
            codec::AbiValue::string("Fiction"), codec::AbiValue::number(0) };
        auto publish = signedTx(author, 0,
            mustCall("publish(bytes32,bytes32,uint256,string,uint8)", publishArgs), 0, 500'000);
        auto addVersion = signedTx(author, 1,
            mustCall("addVersion(uint64,bytes32,uint64,string)",
                { codec::AbiValue::number(1), codec::AbiValue::bytes(Bytes(32, 0xc0)),
                    codec::AbiValue::number(1 << 20), codec::AbiValue::string("First edition") }),
            0, 500'000);
        for (const auto* tx : { &publish, &addVersion }) {
            auto receipt = node::Executor::apply(setup, *tx, authorAddress, context);
            check(receipt && receipt->status == protocol::Receipt::kSuccess, "publish the title");
        }
        const codec::UInt256 tenPht = kPrice.checkedMul(10).value_or(kPrice);
        for (std::uint32_t i = 0; i < buyers; ++i)
            state.setAccount(crypto::Address::fromPublicKey(keyNumber(1000 + i).publicKey()),
                node::AccountState { 0, tenPht });
        base.apply(setup.changes());
    }

    // One purchase per buyer, signed up front.
    std::vector<Bytes> raw;
    std::vector<node::VerifiedTransaction> verified;
    for (std::uint32_t i = 0; i < buyers; ++i) {
        auto data = mustCall("purchase(uint64,bytes32)",
            { codec::AbiValue::number(1), codec::AbiValue::bytes(Bytes(32, 0xb0)) });
        auto tx = signedTx(keyNumber(1000 + i), 0, std::move(data), kPrice, 200'000);
        raw.push_back(tx.encode());
        auto recovered = node::decodeAndRecover(raw.back(), kChainId);
        check(recovered.has_value(), "recover a buyer");
        verified.push_back(std::move(*recovered));
    }

    auto block = [&](bool recover) {
        node::StateOverlay overlay(base);
        node::BlockContext ctx = context;
        for (std::size_t i = 0; i < raw.size(); ++i) {
            Result<protocol::Receipt> receipt;
            if (recover) {
                auto tx = node::decodeAndRecover(raw[i], kChainId);
                check(tx.has_value(), "decode and recover");
                receipt = node::Executor::apply(overlay, tx->tx, tx->sender, ctx);
            } else {
                receipt = node::Executor::apply(overlay, verified[i].tx, verified[i].sender, ctx);
            }
            check(receipt && receipt->status == protocol::Receipt::kSuccess, "purchase");
            ctx.cumulativeGasUsed = receipt->cumulativeGasUsed;
        }
        g_sink = overlay.changes().size();
    };

    // The anchor: raw libsecp256k1 recovery of the same signatures and digests.
    secp256k1_context* ctx = secp256k1_context_create(SECP256K1_CONTEXT_VERIFY);
    std::vector<secp256k1_ecdsa_recoverable_signature> signatures(verified.size());
    std::vector<Hash256> digests;
    for (std::size_t i = 0; i < verified.size(); ++i) {
        auto bytes = verified[i].tx.signature.toBytes();
        check(secp256k1_ecdsa_recoverable_signature_parse_compact(
                  ctx, &signatures[i], bytes.data(), bytes[64])
                == 1,
            "parse signature");
        digests.push_back(verified[i].tx.signingHash());
    }
    auto rawRecover = [&] {
        for (std::size_t i = 0; i < signatures.size(); ++i) {
            secp256k1_pubkey key;
            int ok = secp256k1_ecdsa_recover(ctx, &key, &signatures[i], digests[i].data());
            g_sink = static_cast<std::uint64_t>(ok) + key.data[0];
        }
    };

    std::printf("ls-bench-execution (%s run; %u purchases per block; ours and anchor alternated 5 "
                "times, %.2fs each, best kept; single thread)\n\n",
        quick ? "quick" : "full", buyers, seconds);
    const double items = static_cast<double>(raw.size());
    auto full = bench::compare([&] { block(true); }, rawRecover, items, seconds);
    std::printf("%-44s %12.0f tx/s  | %-30s %12.0f /s | ratio %.2f\n",
        "purchases: decode + recover + apply", full.ours, "raw libsecp256k1 recover", full.anchor,
        full.ours / full.anchor);
    const double applyOnly = bench::bestRate([&] { block(false); }, items, seconds);
    std::printf("%-44s %12.0f tx/s  | execution alone: %.1f µs per purchase\n",
        "purchases: apply only (sender known)", applyOnly, 1e6 / applyOnly);
    secp256k1_context_destroy(ctx);
    return 0;
}
