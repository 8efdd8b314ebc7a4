// ls-bench-chain: the node end to end on one validator (DESIGN.md §8).
//  1. Purchases per second through the whole pipeline — decode, sender recovery, admission into
//     the mempool, execution, state tree update, block signing and the SQLite commit — next to
//     raw libsecp256k1 recoveries per second on one thread, measured after every round of ours
//     (alternating, best of each kept, so a busy neighbour on the machine hits both sides alike).
//     Each round is 5,000-purchase blocks in which every buyer buys another title once, on the
//     same chain: the first round starts from a freshly opened database (cold caches); the
//     others are the steady state of a running node. Rounds admit either as a JSON-RPC batch does
//     (Chain::submitBatch: senders recovered on all cores, then admitted in order) or one
//     transaction at a time (Chain::submit), for comparison.
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
#include <ctime>
#include <functional>
#include <string>
#include <thread>

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

// Runs work(i) for i in [0, count) on every hardware thread (setup only: keys and signatures
// are the wallets' work, not the node's).
void parallelFor(std::size_t count, const std::function<void(std::size_t)>& work)
{
    unsigned threads = std::max(1U, std::thread::hardware_concurrency());
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            for (std::size_t i = t; i < count; i += threads)
                work(i);
        });
    for (auto& thread : pool)
        thread.join();
}

node::Genesis genesisFor(std::uint32_t buyers, const crypto::PrivateKey& validator)
{
    node::Genesis genesis;
    genesis.chainId = kChainId;
    genesis.timeMs = 1'795'000'000'000;
    genesis.validators = {{addressOf(validator), 10}};
    genesis.allocations.resize(buyers + 1);
    parallelFor(buyers + 1, [&](std::size_t i) { // 0: the author
        genesis.allocations[i] = {addressOf(keyFor(static_cast<std::uint32_t>(i))), pht(i == 0 ? 1000 : 100)};
    });
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

// The anchor: raw libsecp256k1 recoveries of the same transactions, one thread, nothing else.
class RawRecovery {
public:
    explicit RawRecovery(const std::vector<Bytes>& raws)
        : m_context(secp256k1_context_create(SECP256K1_CONTEXT_VERIFY))
    {
        for (const auto& raw : raws) {
            auto tx = *protocol::Transaction::decode(raw);
            auto bytes = tx.signature.toBytes();
            secp256k1_ecdsa_recoverable_signature signature;
            if (secp256k1_ecdsa_recoverable_signature_parse_compact(m_context, &signature, bytes.data(), bytes[64]))
                m_items.emplace_back(tx.signingHash(), signature);
        }
    }
    ~RawRecovery() { secp256k1_context_destroy(m_context); }

    double perSecond(double seconds)
    {
        volatile int sink = 0;
        return ls::bench::rateOnce(
            [&] {
                for (const auto& [digest, signature] : m_items) {
                    secp256k1_pubkey key;
                    sink = sink + secp256k1_ecdsa_recover(m_context, &key, &signature, digest.data());
                }
            },
            static_cast<double>(m_items.size()), seconds);
    }

private:
    secp256k1_context* m_context;
    std::vector<std::pair<Hash256, secp256k1_ecdsa_recoverable_signature>> m_items;
};

enum class Admission { Batch, OneByOne };

struct Round {
    Admission admission;
    double perSecond = 0;
    double seconds = 0;
    double admitSeconds = 0;
    double cpuSeconds = 0; // all of the process's threads: above `seconds` when both cores worked
    std::size_t included = 0;
};

double processCpuSeconds()
{
    return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

// The machine is shared: the load average says how much of it the figures had.
std::string loadAverage()
{
    std::FILE* file = std::fopen("/proc/loadavg", "r");
    if (!file)
        return "unknown";
    char text[64] = {};
    bool read = std::fgets(text, sizeof text, file) != nullptr;
    std::fclose(file);
    std::string line = read ? text : "unknown";
    auto third = line.find(' ', line.find(' ', line.find(' ') + 1) + 1);
    return line.substr(0, third);
}

// One round: the purchases in blocks of `perBlock`, each block's worth admitted then produced.
Result<Round> runRound(node::Chain& chain, const std::vector<Bytes>& purchases, std::size_t perBlock,
                       Admission admission, const crypto::PrivateKey& validator, std::uint64_t& now)
{
    using Clock = std::chrono::steady_clock;
    Round round{admission};
    auto start = Clock::now();
    double cpuStart = processCpuSeconds();
    for (std::size_t next = 0; next < purchases.size();) {
        std::size_t end = std::min(next + perBlock, purchases.size());
        auto admitStart = Clock::now();
        if (admission == Admission::Batch) {
            std::vector<ByteView> batch;
            for (; next < end; ++next)
                batch.emplace_back(purchases[next]);
            for (auto& submitted : chain.submitBatch(batch))
                if (!submitted)
                    return std::unexpected(submitted.error());
        } else {
            for (; next < end; ++next)
                if (auto submitted = chain.submit(purchases[next]); !submitted)
                    return std::unexpected(submitted.error());
        }
        round.admitSeconds += std::chrono::duration<double>(Clock::now() - admitStart).count();
        auto block = chain.produceBlock(validator, ++now);
        if (!block)
            return std::unexpected(block.error());
        round.included += block->transactions.size();
    }
    round.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    round.cpuSeconds = processCpuSeconds() - cpuStart;
    round.perSecond = static_cast<double>(round.included) / round.seconds;
    return round;
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
    std::printf("ls-bench-chain (%s run: rounds of %u purchases by distinct buyers, blocks of up to %u)\n\n",
                quick ? "quick" : "full", buyers, perBlock);

    QTemporaryDir dir;
    auto validator = keyFor(0xABCDEF);
    auto genesis = genesisFor(buyers, validator);
    if (auto created = node::Chain::initialize(dir.path().toStdString(), genesis); !created)
        return failWith("genesis", created.error());
    node::MempoolLimits limits;
    limits.maxTransactions = buyers + 100;
    auto chain = node::Chain::open(dir.path().toStdString(), limits);
    if (!chain)
        return failWith("open", chain.error());

    // One title per round (each buyer buys every title once, so every round is new purchases
    // on the same chain), then the purchases, signed up front: signing is the wallets' work.
    const std::vector<Admission> rounds = quick ? std::vector{Admission::Batch, Admission::OneByOne}
                                                : std::vector{Admission::Batch, Admission::Batch,
                                                              Admission::OneByOne, Admission::Batch};
    auto author = keyFor(0);
    auto word = [](std::uint8_t fill) { return AbiValue::bytes(Bytes(32, fill)); };
    auto price = pht(1);
    std::uint64_t authorNonce = 0;
    for (std::size_t r = 0; r < rounds.size(); ++r) {
        auto fill = static_cast<std::uint8_t>(16 * (r + 1));
        auto title = AbiValue::number(UInt256(r + 1));
        for (auto raw : {sign(author, authorNonce++, kCatalog, {}, catalogCall("publish(bytes32,bytes32,uint256,string,uint8)", {word(fill), word(fill + 1), AbiValue::number(price), AbiValue::string("bench"), AbiValue::number(UInt256(0))}), 500'000),
                         sign(author, authorNonce++, kCatalog, {}, catalogCall("addVersion(uint64,bytes32,uint64,string)", {title, word(fill + 2), AbiValue::number(UInt256(1000)), AbiValue::string("v1")}), 500'000)})
            if (auto submitted = (*chain)->submit(raw); !submitted)
                return failWith("setup", submitted.error());
    }
    if (auto block = (*chain)->produceBlock(validator, genesis.timeMs + 1); !block)
        return failWith("setup block", block.error());
    std::vector<std::vector<Bytes>> purchases(rounds.size());
    for (std::size_t r = 0; r < rounds.size(); ++r) {
        auto data = catalogCall("purchase(uint64,bytes32)", {AbiValue::number(UInt256(r + 1)), word(9)});
        purchases[r].resize(buyers);
        parallelFor(buyers, [&](std::size_t i) {
            purchases[r][i] = sign(keyFor(static_cast<std::uint32_t>(i + 1)), r, kCatalog, price, data, 200'000);
        });
    }

    // Ours and the anchor alternate: after each round of ours, the raw recoveries of that round's
    // transactions for a similar time.
    std::uint64_t now = genesis.timeMs + 10;
    std::vector<Round> results;
    std::string loadBefore = loadAverage();
    double anchor = 0;
    for (std::size_t r = 0; r < rounds.size(); ++r) {
        auto round = runRound(**chain, purchases[r], perBlock, rounds[r], validator, now);
        if (!round)
            return failWith("round", round.error());
        if (round->included != purchases[r].size()) {
            std::fprintf(stderr, "ls-bench-chain: only %zu of %zu purchases made it into blocks\n",
                         round->included, purchases[r].size());
            return 1;
        }
        results.push_back(*round);
        anchor = std::max(anchor, RawRecovery(purchases[r]).perSecond(std::max(0.05, round->seconds / 2)));
    }
    auto best = [&](Admission admission) {
        double rate = 0;
        for (const auto& round : results)
            if (round.admission == admission)
                rate = std::max(rate, round.perSecond);
        return rate;
    };
    std::printf("%-52s %10.0f /s | %-28s %10.0f /s | ratio %.2f\n",
                "purchases committed (recover+admit+execute+commit)", best(Admission::Batch),
                "raw secp256k1 recover, 1 thr", anchor, best(Admission::Batch) / anchor);
    std::printf("%-52s %10.0f /s | %-28s %10s    | ratio %.2f\n", "  the same, admitted one at a time (submit)",
                best(Admission::OneByOne), "", "", best(Admission::OneByOne) / anchor);
    for (std::size_t r = 0; r < results.size(); ++r)
        std::printf("  round %zu, %s%s: %.0f /s, %zu purchases in %.2f s (admission %.2f s, block "
                    "production %.2f s; %.2f s CPU)\n",
                    r + 1, results[r].admission == Admission::Batch ? "submitBatch" : "submit one by one",
                    r == 0 ? " (database just opened, caches cold)" : "", results[r].perSecond,
                    results[r].included, results[r].seconds, results[r].admitSeconds,
                    results[r].seconds - results[r].admitSeconds, results[r].cpuSeconds);
    std::printf("  %u hardware threads; chain height %llu; load average %s before, %s after; target "
                ">= 10000 /s on 2 cores\n\n",
                std::thread::hardware_concurrency(), static_cast<unsigned long long>((*chain)->height()),
                loadBefore.c_str(), loadAverage().c_str());
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
