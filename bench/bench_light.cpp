// ls-bench-light: the light client's verification work (core/light), each next to an anchor
// measured in the same run (ours and anchor alternated, best of each kept):
//   commits verified/s: sequential verification (light::verifyAdjacent, which checks the
//     header links and protocol::Commit::verify) along a chain of blocks built and signed here,
//     with 1 and with 4 validators
//       vs raw libsecp256k1 recovery (parse + secp256k1_ecdsa_recover) of the same signatures,
//          counted per commit — recovery is what Commit::verify does for each signature;
//   state proof checks (light::checkStateProof, inclusion and non-inclusion) in a state of N
//     accounts (10^6 by default) built with the node's SparseMerkleTree
//       vs raw keccak-256 calls, as many as each proof needs;
//   receipt proof checks (light::checkReceiptProof) in a block of 2,048 receipts
//       vs raw keccak-256 calls, as many as each proof needs.
// Usage: ls-bench-light [--quick] [--keys N] [--blocks N]   (--quick: small sizes, a few seconds)
#include "core/codec/RlpEncoder.h"
#include "core/crypto/Keccak.h"
#include "core/crypto/Secp256k1.h"
#include "core/light/ProofChecks.h"
#include "core/light/Verifier.h"
#include "core/node/state/SparseMerkleTree.h"
#include "core/protocol/Commit.h"
#include "core/protocol/MerkleList.h"
#include "core/protocol/VoteSignBytes.h"
#include "core/storage/Database.h"
#include "core/storage/Transaction.h"

#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include "bench/BenchTimer.h"
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <string>
#include <vector>

using namespace ls;
using ls::bench::compare;

namespace {

constexpr std::uint64_t kChainId = 16300;

volatile std::uint8_t g_sink; // keeps results observable so the optimiser cannot drop the work

template <typename T, typename E> T must(std::expected<T, E> result, const char* what)
{
    if (!result) {
        std::fprintf(stderr, "%s failed: %s\n", what, result.error().message.c_str());
        std::exit(1);
    }
    return std::move(*result);
}

template <typename E> void must(std::expected<void, E> result, const char* what)
{
    if (!result) {
        std::fprintf(stderr, "%s failed: %s\n", what, result.error().message.c_str());
        std::exit(1);
    }
}

void print(const char* what, double ours, const char* unit, const char* anchorName, double anchor)
{
    std::printf("%-46s %11.0f %-9s | %-40s %11.0f | ratio %.3f\n", what, ours, unit, anchorName,
        anchor, ours / anchor);
}

Hash256 randomHash(std::mt19937_64& rng)
{
    Hash256 h;
    for (std::size_t i = 0; i < h.size(); i += 8) {
        const std::uint64_t word = rng();
        std::memcpy(h.data() + i, &word, 8);
    }
    return h;
}

crypto::Address randomAddress(std::mt19937_64& rng)
{
    const Hash256 h = randomHash(rng);
    FixedBytes<20> bytes {};
    std::memcpy(bytes.data(), h.data(), bytes.size());
    return crypto::Address(bytes);
}

// A trusted block whose header carries the given roots (what the proof checks read).
light::TrustedState trustedWith(const Hash256& stateRoot, const Hash256& receiptsRoot)
{
    protocol::Header header;
    header.chainId = kChainId;
    header.height = 7;
    header.stateRoot = stateRoot;
    header.receiptsRoot = receiptsRoot;
    auto set = must(protocol::ValidatorSet::create({ { crypto::Address(), 1 } }), "set");
    header.validatorsHash = header.nextValidatorsHash = set.hash();
    return light::TrustedState({ header, {}, set });
}

// ---- (a) commits ------------------------------------------------------------------------------

struct SignedChain {
    light::TrustedState genesis;
    std::vector<protocol::LightBlock> blocks; // heights 1…n
};

SignedChain buildChain(std::size_t validators, std::size_t length, std::mt19937_64& rng)
{
    std::vector<crypto::PrivateKey> keys;
    std::vector<protocol::Validator> members;
    for (std::size_t i = 0; i < validators; ++i) {
        keys.push_back(must(
            crypto::PrivateKey::fromBytes(Bytes(32, static_cast<std::uint8_t>(i + 1))), "key"));
        members.push_back({ crypto::Address::fromPublicKey(keys.back().publicKey()), 10 });
    }
    const auto set = must(protocol::ValidatorSet::create(members), "set");
    protocol::Header header;
    header.chainId = kChainId;
    header.timeMs = 1'795'000'000'000;
    header.stateRoot = randomHash(rng);
    header.validatorsHash = header.nextValidatorsHash = set.hash();
    const protocol::LightBlock genesisBlock { header, {}, set };
    SignedChain chain { must(light::anchorGenesis(kChainId, header.hash(), genesisBlock), "anchor"),
        {} };
    for (std::size_t i = 1; i <= length; ++i) {
        header.parentHash = header.hash();
        header.height = i;
        header.timeMs += 1000;
        header.txRoot = randomHash(rng);
        header.receiptsRoot = randomHash(rng);
        header.stateRoot = randomHash(rng);
        header.proposer = set.at(i % validators).address;
        chain.blocks.push_back(
            { header, must(protocol::Commit::sign(header, 0, set, keys), "sign"), set });
    }
    return chain;
}

void benchCommits(
    std::size_t validators, std::size_t length, double seconds, secp256k1_context* raw)
{
    std::mt19937_64 rng(validators);
    const SignedChain chain = buildChain(validators, length, rng);

    // The anchor's inputs: each signature parsed from its 65 bytes, with its vote digest.
    struct RawSignature {
        std::array<std::uint8_t, 64> compact;
        int recoveryId;
        Hash256 digest;
    };
    std::vector<RawSignature> signatures;
    for (const protocol::LightBlock& block : chain.blocks)
        for (const protocol::CommitSignature& entry : block.commit.signatures) {
            const auto bytes = entry.signature.toBytes();
            RawSignature sig {};
            std::memcpy(sig.compact.data(), bytes.data(), 64);
            sig.recoveryId = bytes[64];
            sig.digest = protocol::voteSignBytes(
                kChainId, block.header.height, block.commit.round, block.commit.blockHash);
            signatures.push_back(sig);
        }

    auto rates = compare(
        [&] {
            light::TrustedState trusted = chain.genesis;
            for (const protocol::LightBlock& block : chain.blocks)
                trusted = must(light::verifyAdjacent(trusted, block), "verifyAdjacent");
            g_sink = trusted.hash()[0];
        },
        [&] {
            for (const RawSignature& sig : signatures) {
                secp256k1_ecdsa_recoverable_signature parsed;
                secp256k1_pubkey key;
                const int ok = secp256k1_ecdsa_recoverable_signature_parse_compact(
                                   raw, &parsed, sig.compact.data(), sig.recoveryId)
                    & secp256k1_ecdsa_recover(raw, &key, &parsed, sig.digest.data());
                g_sink = static_cast<std::uint8_t>(ok + key.data[0]);
            }
        },
        static_cast<double>(length), seconds);
    const std::string what = "commits verified/s, " + std::to_string(validators) + " validator"
        + (validators > 1 ? "s" : "") + ", sequential";
    const std::string anchor
        = "raw secp256k1 recover x" + std::to_string(validators) + " per commit";
    print(what.c_str(), rates.ours, "commits/s", anchor.c_str(), rates.anchor);
    std::printf("%-46s %11.1f us per commit; raw recover %.0f /s; DESIGN target >= 10,000 "
                "commits/s: %s\n",
        "", 1e6 / rates.ours, rates.anchor * static_cast<double>(validators),
        rates.ours >= 10'000 ? "met" : "NOT met");
}

// ---- (b) proofs -------------------------------------------------------------------------------

Bytes accountValue(std::uint64_t nonce, std::uint64_t balance)
{
    codec::RlpEncoder rlp; // [nonce, balance], as docs/protocol.md §3 stores an account
    rlp.beginList();
    rlp.addUInt(nonce);
    rlp.addUInt(balance);
    rlp.endList();
    return rlp.finish();
}

// `count` raw keccak-256 calls over 65-byte inputs (a leaf or internal node of either tree).
void rawKeccaks(std::size_t count, std::array<std::uint8_t, 65>& input)
{
    for (std::size_t i = 0; i < count; ++i) {
        input[1] = static_cast<std::uint8_t>(i);
        g_sink = crypto::keccak256(input)[0];
    }
}

void benchStateProofs(std::size_t keys, std::size_t samples, double seconds)
{
    std::mt19937_64 rng(42);
    auto db = must(storage::Database::openInMemory(), "database");
    auto tree = must(node::SparseMerkleTree::open(db), "tree");
    std::vector<crypto::Address> accounts;
    accounts.reserve(keys);
    const auto growStart = std::chrono::steady_clock::now();
    std::uint64_t version = 0;
    while (accounts.size() < keys) {
        std::vector<node::StateUpdate> batch;
        for (std::size_t i = 0; i < 100'000 && accounts.size() < keys; ++i) {
            accounts.push_back(randomAddress(rng));
            batch.push_back({ light::StateKey::account(accounts.back()).path(),
                accountValue(rng() % 1000, rng()) });
        }
        auto transaction = must(storage::Transaction::begin(db), "begin");
        must(tree.applyBatch(transaction, ++version, batch), "apply");
        must(transaction.commit(), "commit");
    }
    const double growSeconds
        = std::chrono::duration<double>(std::chrono::steady_clock::now() - growStart).count();
    const light::TrustedState at = trustedWith(must(tree.root(version), "root"), {});

    for (const bool present : { true, false }) {
        std::vector<light::StateKey> asked;
        std::vector<light::StateProofInfo> answers;
        std::size_t hashes = 0; // raw keccak calls the checks need, in total
        for (std::size_t i = 0; i < samples; ++i) {
            asked.push_back(
                light::StateKey::account(present ? accounts[rng() % keys] : randomAddress(rng)));
            const Hash256 path = asked.back().path();
            auto proof = must(tree.prove(version, path), "prove");
            auto value = must(tree.get(version, path), "get");
            // The entry's path, then: value hash + leaf (inclusion) or the neighbour's leaf
            // (non-inclusion), and one internal node per sibling.
            hashes += 1 + proof.depth() + (value ? 2 : (proof.terminal ? 1 : 0));
            answers.push_back({ at.height(), std::move(value), std::move(proof) });
        }
        std::array<std::uint8_t, 65> input {};
        auto rates = compare(
            [&] {
                for (std::size_t i = 0; i < samples; ++i) {
                    auto value = must(
                        light::checkStateProof(at, asked[i], answers[i], "balance"), "check");
                    g_sink = static_cast<std::uint8_t>(value.has_value());
                }
            },
            [&] { rawKeccaks(hashes, input); }, static_cast<double>(samples), seconds);
        double depth = 0;
        for (const auto& answer : answers)
            depth += static_cast<double>(answer.proof.depth());
        print(present ? "state proof checks/s, inclusion" : "state proof checks/s, non-inclusion",
            rates.ours, "proofs/s", "raw keccak-256, same hash count", rates.anchor);
        std::printf("%-46s %11.2f us per proof; %zu accounts, %.1f siblings on average\n", "",
            1e6 / rates.ours, keys, depth / static_cast<double>(samples));
    }
    std::printf("%-46s %11.1f s to build the state (%.0f inserts/s)\n", "", growSeconds,
        static_cast<double>(keys) / growSeconds);
}

void benchReceiptProofs(std::size_t receiptsInBlock, std::size_t samples, double seconds)
{
    std::mt19937_64 rng(7);
    std::vector<protocol::Receipt> receipts;
    std::vector<Bytes> encodings;
    for (std::size_t i = 0; i < receiptsInBlock; ++i) {
        protocol::Receipt receipt;
        receipt.txHash = randomHash(rng);
        receipt.gasUsed = 131'000;
        receipt.cumulativeGasUsed = 131'000 * (i + 1);
        receipt.effectiveGasPrice = codec::UInt256(1'000'000'000);
        // A purchase's event: contract address, signature topic, title id and buyer, amounts.
        receipt.logs.push_back({ randomAddress(rng),
            { randomHash(rng), randomHash(rng), randomHash(rng) }, Bytes(64, 0x11) });
        encodings.push_back(receipt.encode());
        receipts.push_back(std::move(receipt));
    }
    const light::TrustedState at = trustedWith({}, protocol::MerkleList::root(encodings));
    std::vector<light::ReceiptProofInfo> answers;
    std::vector<Bytes> leafInputs; // 0x00 ‖ receipt, for the anchor's leaf hash
    std::size_t nodes = 0;
    for (std::size_t i = 0; i < samples; ++i) {
        const std::size_t index = rng() % receiptsInBlock;
        auto proof = must(protocol::MerkleList::proveIndex(encodings, index), "prove");
        nodes += proof.path.size();
        answers.push_back(
            { at.height(), index, encodings[index], receipts[index], std::move(proof) });
        leafInputs.push_back(Bytes { 0x00 });
        leafInputs.back().insert(
            leafInputs.back().end(), encodings[index].begin(), encodings[index].end());
    }
    std::array<std::uint8_t, 65> input {};
    auto rates = compare(
        [&] {
            for (const light::ReceiptProofInfo& answer : answers)
                g_sink = static_cast<std::uint8_t>(
                    must(light::checkReceiptProof(at, answer.receipt.txHash, answer), "check")
                        .index);
        },
        [&] {
            for (const Bytes& leaf : leafInputs)
                g_sink = crypto::keccak256(leaf)[0];
            rawKeccaks(nodes, input);
        },
        static_cast<double>(samples), seconds);
    print("receipt proof checks/s", rates.ours, "proofs/s", "raw keccak-256, same hash count",
        rates.anchor);
    std::printf("%-46s %11.2f us per proof; block of %zu receipts (%zu bytes each)\n", "",
        1e6 / rates.ours, receiptsInBlock, encodings.front().size());
}

} // namespace

int main(int argc, char** argv)
{
    bool quick = false;
    std::size_t keys = 1'000'000;
    std::size_t blocks = 1'000;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--quick") == 0)
            quick = true;
        else if (std::strcmp(argv[i], "--keys") == 0 && i + 1 < argc)
            keys = static_cast<std::size_t>(std::strtoull(argv[++i], nullptr, 10));
        else if (std::strcmp(argv[i], "--blocks") == 0 && i + 1 < argc)
            blocks = static_cast<std::size_t>(std::strtoull(argv[++i], nullptr, 10));
    }
    if (quick) {
        keys = 20'000;
        blocks = 50;
    }
    const double seconds = quick ? 0.02 : 0.3;
    std::printf("ls-bench-light (%s run; ours and anchor alternated 5 times, %.2fs each, best "
                "kept)\n\n",
        quick ? "quick" : "full", seconds);

    secp256k1_context* raw = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
    benchCommits(1, blocks, seconds, raw);
    benchCommits(4, blocks, seconds, raw);
    secp256k1_context_destroy(raw);
    benchStateProofs(keys, quick ? 500 : 5'000, seconds);
    benchReceiptProofs(2'048, quick ? 500 : 5'000, seconds);
    return 0;
}
