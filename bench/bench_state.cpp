// ls-bench-state: the chain state tree (core/node/state) under the load DESIGN.md §8 sets — about
// 10,000 purchases per second touching ~6 entries each — next to anchors measured in the same run:
//   leaf updates/s, batches of 5,000, tree of N entries   vs raw keccak256 of 65-byte inputs/s
//                                                            (the ratio is keccak-equivalents of
//                                                            work per update)
//                                                         vs plain SQLite: the same rows inserted
//                                                            in one transaction per batch (the
//                                                            cost of storing entries, no tree)
//   proof generation and verification, average proof size at N entries
// Usage: ls-bench-state [--quick] [--entries N] [--batches B] [--cache-mib M]   (--quick: tiny
// tree, proves the code paths work)
#include "core/crypto/Keccak.h"
#include "core/node/state/SparseMerkleTree.h"
#include "core/protocol/StateProof.h"
#include "core/storage/Database.h"
#include "core/storage/Statement.h"
#include "core/storage/Transaction.h"

#include "bench/BenchTimer.h"
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

using namespace ls;

namespace {

using Clock = std::chrono::steady_clock;

volatile std::uint8_t g_sink; // keeps results observable so the optimiser cannot drop the work

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

Hash256 randomHash(std::mt19937_64& rng)
{
    Hash256 h;
    for (std::size_t i = 0; i < h.size(); i += 8) {
        std::uint64_t word = rng();
        std::memcpy(h.data() + i, &word, 8);
    }
    return h;
}

// ~64 bytes: the size of an account entry's RLP (nonce, balance, a hash or two).
Bytes randomValue(std::mt19937_64& rng)
{
    Bytes value(64);
    for (std::size_t i = 0; i < value.size(); i += 8) {
        std::uint64_t word = rng();
        std::memcpy(value.data() + i, &word, 8);
    }
    return value;
}

template <typename T> T must(Result<T> result, const char* what)
{
    if (!result) {
        std::fprintf(stderr, "%s failed: %s\n", what, result.error().message.c_str());
        std::exit(1);
    }
    return std::move(*result);
}

void must(Result<void> result, const char* what)
{
    if (!result) {
        std::fprintf(stderr, "%s failed: %s\n", what, result.error().message.c_str());
        std::exit(1);
    }
}

void row(const char* what, double ours, const char* unit, const char* anchorName, double anchor,
    const char* anchorUnit)
{
    std::printf("%-44s %12.0f %-9s | %-36s %12.0f %-9s | ratio %.3f\n", what, ours, unit,
        anchorName, anchor, anchorUnit, ours / anchor);
}

double processCpuSeconds()
{
    timespec now {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

std::uintmax_t databaseBytes(const std::filesystem::path& path)
{
    std::error_code ignored;
    std::uintmax_t total = std::filesystem::file_size(path, ignored);
    auto wal = std::filesystem::file_size(path.string() + "-wal", ignored);
    return total + (ignored ? 0 : wal);
}

} // namespace

int main(int argc, char** argv)
{
    bool quick = false;
    std::size_t entries = 1'000'000;
    node::SparseMerkleTreeOptions treeOptions;
    std::size_t measuredBatches = 20;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--quick") == 0)
            quick = true;
        else if (std::strcmp(argv[i], "--entries") == 0 && i + 1 < argc)
            entries = static_cast<std::size_t>(std::strtoull(argv[++i], nullptr, 10));
        else if (std::strcmp(argv[i], "--batches") == 0 && i + 1 < argc)
            measuredBatches = static_cast<std::size_t>(std::strtoull(argv[++i], nullptr, 10));
        else if (std::strcmp(argv[i], "--cache-mib") == 0 && i + 1 < argc)
            treeOptions.cacheBytes = static_cast<std::size_t>(std::strtoull(argv[++i], nullptr, 10))
                << 20;
    }
    if (quick)
        entries = 20'000;
    constexpr std::size_t kBatch = 5'000;
    if (quick)
        measuredBatches = 2;
    const std::size_t proofs = quick ? 500 : 20'000;

    auto dir
        = std::filesystem::temp_directory_path() / ("ls-bench-state-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    std::printf("ls-bench-state (%s run): %zu entries, batches of %zu, files in %s\n\n",
        quick ? "quick" : "full", entries, kBatch, dir.c_str());

    // --- anchor: raw keccak256 of 65-byte inputs (one leaf or internal-node hash) -----------
    std::array<std::uint8_t, 65> input {};
    double keccakPerSecond = ls::bench::bestRate(
        [&] {
            for (int i = 0; i < 1000; ++i) {
                input[1] = static_cast<std::uint8_t>(i);
                g_sink = crypto::keccak256(input)[0];
            }
        },
        1000, quick ? 0.01 : 0.5);

    // --- grow the tree --------------------------------------------------------------------
    std::mt19937_64 rng(42);
    auto treePath = dir / "state.db";
    auto db = must(storage::Database::open(treePath), "open");
    auto tree = must(node::SparseMerkleTree::open(db, treeOptions), "tree open");
    std::vector<Hash256> keys;
    keys.reserve(entries + measuredBatches * kBatch);
    std::uint64_t version = 0;
    auto growStart = Clock::now();
    std::vector<node::StateUpdate> batch;
    while (keys.size() < entries) {
        batch.clear();
        for (std::size_t i = 0; i < kBatch && keys.size() < entries; ++i) {
            keys.push_back(randomHash(rng));
            batch.push_back({ keys.back(), randomValue(rng) });
        }
        auto txn = must(storage::Transaction::begin(db), "begin");
        must(tree.applyBatch(txn, ++version, batch), "grow batch");
        must(txn.commit(), "commit");
    }
    double growRate = static_cast<double>(entries) / secondsSince(growStart);
    std::uint64_t grownVersion = version;

    // --- measure: batches of updates to existing entries (with 10% new ones) ----------------
    must(db.exec("PRAGMA wal_checkpoint(TRUNCATE)"), "checkpoint");
    auto sizeBefore = databaseBytes(treePath);
    double treeSeconds = 0;
    double commitSeconds = 0;
    double cpuBefore = processCpuSeconds();
    for (std::size_t b = 0; b < measuredBatches; ++b) {
        batch.clear();
        std::vector<bool> taken(keys.size(), false);
        while (batch.size() < kBatch) {
            if (rng() % 10 == 0) {
                keys.push_back(randomHash(rng));
                taken.push_back(true);
                batch.push_back({ keys.back(), randomValue(rng) });
                continue;
            }
            std::size_t index = rng() % keys.size();
            if (taken[index])
                continue;
            taken[index] = true;
            batch.push_back({ keys[index], randomValue(rng) });
        }
        auto start = Clock::now();
        auto txn = must(storage::Transaction::begin(db), "begin");
        must(tree.applyBatch(txn, ++version, batch), "update batch");
        auto commitStart = Clock::now();
        must(txn.commit(), "commit");
        commitSeconds += secondsSince(commitStart);
        treeSeconds += secondsSince(start);
    }
    double cpuPerUpdate = (processCpuSeconds() - cpuBefore) * 1e6;
    double updates = static_cast<double>(measuredBatches * kBatch);
    double updateRate = updates / treeSeconds;
    cpuPerUpdate /= updates;
    must(db.exec("PRAGMA wal_checkpoint(TRUNCATE)"), "checkpoint");
    double bytesPerUpdate = static_cast<double>(databaseBytes(treePath) - sizeBefore) / updates;

    // --- anchor: the same rows, plain SQLite, one transaction per batch ---------------------
    auto plainPath = dir / "plain.db";
    auto plain = must(storage::Database::open(plainPath), "open plain");
    must(plain.exec("CREATE TABLE entry(id INTEGER PRIMARY KEY, path BLOB NOT NULL, "
                    "value BLOB NOT NULL)"),
        "create plain");
    double plainSeconds = 0;
    std::int64_t plainId = 0;
    for (std::size_t b = 0; b < measuredBatches; ++b) {
        std::vector<std::pair<Hash256, Bytes>> rows;
        for (std::size_t i = 0; i < kBatch; ++i)
            rows.emplace_back(randomHash(rng), randomValue(rng));
        auto start = Clock::now();
        auto txn = must(storage::Transaction::begin(plain), "begin plain");
        auto insert = must(
            plain.cached("INSERT INTO entry(id, path, value) VALUES(?1, ?2, ?3)"), "prepare plain");
        for (const auto& [path, value] : rows) {
            must(insert->bindAll(++plainId, path, value), "bind plain");
            must(insert->run(), "insert plain");
        }
        must(txn.commit(), "commit plain");
        plainSeconds += secondsSince(start);
    }
    double plainRate = updates / plainSeconds;

    // --- proofs -----------------------------------------------------------------------------
    Hash256 root = must(tree.root(version), "root");
    std::vector<protocol::StateProof> made;
    std::vector<Hash256> asked;
    std::vector<Bytes> values;
    made.reserve(proofs);
    for (std::size_t i = 0; i < proofs; ++i)
        asked.push_back(keys[rng() % entries]);
    for (const auto& key : asked)
        values.push_back(*must(tree.get(version, key), "get"));
    auto proveStart = Clock::now();
    for (const auto& key : asked)
        made.push_back(must(tree.prove(version, key), "prove"));
    double proveMicros = secondsSince(proveStart) * 1e6 / static_cast<double>(proofs);
    std::size_t encodedBytes = 0, siblings = 0;
    for (const auto& proof : made) {
        encodedBytes += proof.encode().size();
        siblings += proof.depth();
    }
    auto verifyStart = Clock::now();
    for (std::size_t i = 0; i < proofs; ++i)
        must(made[i].verifyInclusion(root, asked[i], values[i]), "verify");
    double verifyMicros = secondsSince(verifyStart) * 1e6 / static_cast<double>(proofs);
    auto historicalStart = Clock::now();
    for (std::size_t i = 0; i < proofs; ++i)
        g_sink = must(tree.prove(grownVersion, asked[i]), "historical prove").encode()[0];
    double historicalMicros = secondsSince(historicalStart) * 1e6 / static_cast<double>(proofs);

    // --- report -------------------------------------------------------------------------------
    auto stats = tree.stats();
    row("tree: leaf updates/s (5,000 per batch+commit)", updateRate, "upd/s",
        "keccak256, 65-byte inputs", keccakPerSecond, "hash/s");
    std::printf(
        "%-44s %12.1f keccak-equivalents of time per update\n", "", keccakPerSecond / updateRate);
    row("tree: leaf updates/s (5,000 per batch+commit)", updateRate, "upd/s",
        "plain SQLite insert, same rows", plainRate, "rows/s");
    std::printf("%-44s %12.2f us     (%.1f keccak-equivalents; all threads, so not inflated "
                "when a busy machine withholds the second core)\n",
        "tree: CPU time per update", cpuPerUpdate, cpuPerUpdate * keccakPerSecond / 1e6);
    std::printf("%-44s %12.0f %%      (fsync of the WAL at each commit, Durability::Full)\n",
        "tree: share of the time spent committing", 100.0 * commitSeconds / treeSeconds);
    std::printf("%-44s %12.0f ins/s  (growing to %zu entries)\n", "tree: inserts/s while growing",
        growRate, entries);
    std::printf("%-44s %12.0f bytes  (database file growth per update)\n", "tree: storage written",
        bytesPerUpdate);
    std::printf(
        "%-44s %12.1f us     (latest version, warm cache)\n", "proof generation", proveMicros);
    std::printf("%-44s %12.1f us     (version %llu, before the measured batches)\n",
        "proof generation, historical", historicalMicros,
        static_cast<unsigned long long>(grownVersion));
    row("proof verification", 1e6 / verifyMicros, "proofs/s", "keccak256, 65-byte inputs",
        keccakPerSecond, "hash/s");
    std::printf("%-44s %12.1f bytes  (%.1f siblings on average, %zu keys)\n", "average proof size",
        static_cast<double>(encodedBytes) / static_cast<double>(proofs),
        static_cast<double>(siblings) / static_cast<double>(proofs), keys.size());
    std::printf("%-44s %12zu nodes  (%.0f MiB; hits %llu, misses %llu)\n", "node cache",
        stats.cachedNodes, static_cast<double>(stats.cacheBytes) / (1 << 20),
        static_cast<unsigned long long>(stats.cacheHits),
        static_cast<unsigned long long>(stats.cacheMisses));

    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
    return 0;
}
