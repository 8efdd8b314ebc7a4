// ls-bench-chain: the node end to end on one validator (DESIGN.md §8).
//  1. Purchases per second through the whole pipeline — decode, sender recovery, admission into
//     the mempool, execution, state tree update, block signing and the SQLite commit — next to
//     raw libsecp256k1 recoveries per second measured in the same run (the signature-bound
//     ceiling on one core).
//  2. Submit → final latency: eth_sendRawTransaction over HTTP on 127.0.0.1 until the receipt is
//     served, for a node producing blocks as transactions arrive (target ≤ 1 s).
// Usage: ls-bench-chain [--quick]
#include "bench/BenchTimer.h"
#include "core/codec/AbiSignature.h"
#include "core/codec/Hex.h"
#include "core/node/chain/Chain.h"
#include "core/node/service/NodeRunner.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>
#include <QTimer>

#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>

using namespace ls;
using ls::codec::AbiValue;
using ls::codec::UInt256;

namespace {

constexpr std::uint64_t kChainId = 16300;
const auto kCatalog = *crypto::Address::parse("0x00000000000000000000000000000000000ca7a1");

crypto::PrivateKey keyFor(std::uint32_t n)
{
    FixedBytes<32> bytes{};
    bytes[0] = 0x42;
    bytes[28] = static_cast<std::uint8_t>(n >> 24);
    bytes[29] = static_cast<std::uint8_t>(n >> 16);
    bytes[30] = static_cast<std::uint8_t>(n >> 8);
    bytes[31] = static_cast<std::uint8_t>(n);
    return *crypto::PrivateKey::fromBytes(bytes);
}

crypto::Address addressOf(const crypto::PrivateKey& key)
{
    return crypto::Address::fromPublicKey(key.publicKey());
}

UInt256 pht(std::uint64_t whole)
{
    return *UInt256(whole).checkedMul(*UInt256::fromDecimal("1000000000000000000"));
}

Bytes sign(const crypto::PrivateKey& key, std::uint64_t nonce, const crypto::Address& to,
           const UInt256& value, Bytes data, std::uint64_t gas)
{
    protocol::Transaction tx;
    tx.type = protocol::TransactionType::DynamicFee;
    tx.nonce = nonce;
    tx.maxFeePerGas = UInt256(2'000'000'000);
    tx.maxPriorityFeePerGas = UInt256(1'000'000'000);
    tx.gasLimit = gas;
    tx.to = to;
    tx.value = value;
    tx.data = std::move(data);
    tx.sign(key, kChainId);
    return tx.encode();
}

node::Genesis genesisFor(std::uint32_t buyers, const crypto::PrivateKey& validator)
{
    node::Genesis genesis;
    genesis.chainId = kChainId;
    genesis.timeMs = 1'795'000'000'000;
    genesis.validators = {{addressOf(validator), 10}};
    genesis.allocations.push_back({addressOf(keyFor(0)), pht(1000)}); // the author
    for (std::uint32_t i = 1; i <= buyers; ++i)
        genesis.allocations.push_back({addressOf(keyFor(i)), pht(100)});
    genesis.params.chainId = kChainId;
    genesis.params.minGasPrice = UInt256(1'000'000'000);
    genesis.params.blockGasLimit = 4'000'000'000;
    genesis.params.serviceFeeBps = 250;
    genesis.params.treasury = addressOf(keyFor(0xFFFFFF));
    genesis.params.heartbeatMs = 1000;
    return genesis;
}

Bytes catalogCall(std::string_view signature, const AbiValue::List& values)
{
    return *codec::abiEncodeCall(signature, values);
}

int failWith(const char* what, const Error& error)
{
    std::fprintf(stderr, "ls-bench-chain: %s: %s\n", what, error.message.c_str());
    return 1;
}

double rawRecoveriesPerSecond(const std::vector<Bytes>& raws, double seconds)
{
    secp256k1_context* context = secp256k1_context_create(SECP256K1_CONTEXT_VERIFY);
    std::vector<std::pair<Hash256, secp256k1_ecdsa_recoverable_signature>> items;
    for (const auto& raw : raws) {
        auto tx = *protocol::Transaction::decode(raw);
        auto bytes = tx.signature.toBytes();
        secp256k1_ecdsa_recoverable_signature signature;
        if (!secp256k1_ecdsa_recoverable_signature_parse_compact(context, &signature, bytes.data(), bytes[64]))
            return 0;
        items.emplace_back(tx.signingHash(), signature);
    }
    volatile int sink = 0;
    double rate = ls::bench::bestRate(
        [&] {
            for (const auto& [digest, signature] : items) {
                secp256k1_pubkey key;
                sink = sink + secp256k1_ecdsa_recover(context, &key, &signature, digest.data());
            }
        },
        static_cast<double>(items.size()), seconds);
    secp256k1_context_destroy(context);
    return rate;
}

QJsonObject rpc(QNetworkAccessManager& network, quint16 port, const QString& method, const QJsonArray& params)
{
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(port)));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    QJsonObject body{{QStringLiteral("jsonrpc"), QStringLiteral("2.0")}, {QStringLiteral("id"), 1},
                     {QStringLiteral("method"), method}, {QStringLiteral("params"), params}};
    std::unique_ptr<QNetworkReply> reply(network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact)));
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    loop.exec();
    return QJsonDocument::fromJson(reply->readAll()).object();
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    const std::uint32_t buyers = quick ? 200 : 20'000;
    const std::uint32_t perBlock = quick ? 100 : 5'000;
    std::printf("ls-bench-chain (%s run: %u purchases by distinct buyers, blocks of up to %u)\n\n",
                quick ? "quick" : "full", buyers, perBlock);

    QTemporaryDir dir;
    auto validator = keyFor(0xABCDEF);
    auto genesis = genesisFor(buyers, validator);
    if (auto created = node::Chain::initialize(dir.path().toStdString(), genesis); !created)
        return failWith("genesis", created.error());
    node::MempoolLimits limits;
    limits.maxTransactions = buyers + 10;
    auto chain = node::Chain::open(dir.path().toStdString(), limits);
    if (!chain)
        return failWith("open", chain.error());

    // A title with a version, then one purchase per buyer (signed up front: signing is the
    // wallets' work, not the node's).
    auto author = keyFor(0);
    auto word = [](std::uint8_t fill) { return AbiValue::bytes(Bytes(32, fill)); };
    auto price = pht(1);
    for (auto raw : {sign(author, 0, kCatalog, {}, catalogCall("publish(bytes32,bytes32,uint256,string,uint8)", {word(1), word(2), AbiValue::number(price), AbiValue::string("bench"), AbiValue::number(UInt256(0))}), 500'000),
                     sign(author, 1, kCatalog, {}, catalogCall("addVersion(uint64,bytes32,uint64,string)", {AbiValue::number(UInt256(1)), word(3), AbiValue::number(UInt256(1000)), AbiValue::string("v1")}), 500'000)})
        if (auto submitted = (*chain)->submit(raw); !submitted)
            return failWith("setup", submitted.error());
    if (auto block = (*chain)->produceBlock(validator, genesis.timeMs + 1); !block)
        return failWith("setup block", block.error());

    std::vector<Bytes> purchases;
    purchases.reserve(buyers);
    auto purchaseData = catalogCall("purchase(uint64,bytes32)", {AbiValue::number(UInt256(1)), word(9)});
    for (std::uint32_t i = 1; i <= buyers; ++i)
        purchases.push_back(sign(keyFor(i), 0, kCatalog, price, purchaseData, 200'000));

    using Clock = std::chrono::steady_clock;
    auto start = Clock::now();
    std::uint64_t now = genesis.timeMs + 10;
    std::size_t included = 0;
    double admitSeconds = 0;
    for (std::size_t next = 0; next < purchases.size();) {
        std::size_t end = std::min<std::size_t>(next + perBlock, purchases.size());
        auto admitStart = Clock::now();
        std::vector<ByteView> batch(purchases.begin() + next, purchases.begin() + end);
        next = end;
        for (auto& submitted : (*chain)->submitBatch(batch))
            if (!submitted)
                return failWith("submit", submitted.error());
        admitSeconds += std::chrono::duration<double>(Clock::now() - admitStart).count();
        auto block = (*chain)->produceBlock(validator, ++now);
        if (!block)
            return failWith("block", block.error());
        included += block->transactions.size();
    }
    double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    double purchasesPerSecond = static_cast<double>(included) / seconds;
    double recoveries = rawRecoveriesPerSecond(purchases, quick ? 0.05 : 1.0);
    std::printf("%-52s %10.0f /s | %-28s %10.0f /s | ratio %.2f\n",
                "purchases committed (recover+admit+execute+commit)", purchasesPerSecond,
                "raw secp256k1 recover", recoveries, purchasesPerSecond / recoveries);
    std::printf("  %zu purchases in %zu-purchase blocks, %.2f s (admission %.2f s, block production "
                "%.2f s); chain height %llu\n\n",
                included, static_cast<std::size_t>(perBlock), seconds, admitSeconds,
                seconds - admitSeconds, static_cast<unsigned long long>((*chain)->height()));
    chain->reset();

    // Submit → final over JSON-RPC, with the node's own block producer.
    QTemporaryDir latencyDir;
    if (auto created = node::Chain::initialize(latencyDir.path().toStdString(), genesisFor(1, validator)); !created)
        return failWith("genesis", created.error());
    node::NodeRunnerOptions options;
    options.dataDir = latencyDir.path().toStdString();
    options.rpcPort = 0;
    options.validatorKey = validator;
    auto runner = node::NodeRunner::start(options);
    if (!runner)
        return failWith("node", runner.error());
    QNetworkAccessManager network;
    const int samples = quick ? 5 : 50;
    std::vector<double> latencies;
    auto recipient = addressOf(keyFor(77));
    for (int i = 0; i < samples; ++i) {
        auto raw = sign(keyFor(1), static_cast<std::uint64_t>(i), recipient, UInt256(1), {}, 21'000);
        QElapsedTimer timer;
        timer.start();
        auto sent = rpc(network, (*runner)->rpcPort(), QStringLiteral("eth_sendRawTransaction"),
                        {QString::fromStdString(codec::toHex(raw, true))});
        auto hash = sent.value(QStringLiteral("result")).toString();
        if (hash.isEmpty()) {
            std::fprintf(stderr, "ls-bench-chain: send failed: %s\n", QJsonDocument(sent).toJson().constData());
            return 1;
        }
        while (!rpc(network, (*runner)->rpcPort(), QStringLiteral("eth_getTransactionReceipt"), {hash})
                    .value(QStringLiteral("result"))
                    .isObject()) {
            QEventLoop wait;
            QTimer::singleShot(1, &wait, &QEventLoop::quit);
            wait.exec();
        }
        latencies.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    std::sort(latencies.begin(), latencies.end());
    std::printf("%-52s median %.1f ms, p95 %.1f ms, max %.1f ms (%d samples; target <= 1000 ms)\n",
                "submit -> final (HTTP, loopback, 20 ms batching)", latencies[latencies.size() / 2],
                latencies[latencies.size() * 95 / 100], latencies.back(), samples);
    return 0;
}
