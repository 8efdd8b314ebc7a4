// ls-bench-crypto: throughput of the cryptographic primitives every later module leans on, each
// next to an anchor measured in the same run on the same machine:
//   Keccak-256         vs libsodium SHA-256 (a well-tuned portable hash)
//   secp256k1 sign     vs raw libsecp256k1 secp256k1_ecdsa_sign_recoverable
//   secp256k1 recover  vs raw libsecp256k1 secp256k1_ecdsa_recover
//   AEAD encrypt       vs raw libsodium crypto_aead_xchacha20poly1305_ietf_encrypt_detached
//   AEAD decrypt       vs raw libsodium crypto_aead_xchacha20poly1305_ietf_decrypt_detached
// Usage: ls-bench-crypto [--quick]    (--quick: tiny run that only proves the code paths work)
#include "bench/BenchTimer.h"
#include "core/crypto/Aead.h"
#include "core/crypto/Keccak.h"
#include "core/crypto/PasswordHash.h"
#include "core/crypto/Random.h"
#include "core/crypto/Secp256k1.h"

#include <sodium.h>
#include <secp256k1.h>
#include <secp256k1_recovery.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

using namespace ls;
using ls::bench::compare;

namespace {

struct Row {
    std::string what;
    double ours;
    std::string unit;
    std::string anchorName;
    double anchor;
    std::string anchorUnit;
};

void print(const Row& row)
{
    std::printf("%-34s %12.2f %-9s | %-34s %12.2f %-9s | ratio %.2f\n", row.what.c_str(), row.ours,
                row.unit.c_str(), row.anchorName.c_str(), row.anchor, row.anchorUnit.c_str(),
                row.ours / row.anchor);
}

volatile std::uint8_t g_sink; // keeps results observable so the optimiser cannot drop the work

} // namespace

int main(int argc, char** argv)
{
    bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
    double seconds = quick ? 0.01 : 0.5;
    if (sodium_init() < 0)
        return 1;

    std::printf("ls-bench-crypto (%s run; ours and anchor alternated 5 times, %.2fs each, best kept)\n\n",
                quick ? "quick" : "full", seconds);

    // --- hashing: 1 MiB messages ---------------------------------------------------------
    Bytes message(1 << 20);
    crypto::randomBytes(message);
    double mib = static_cast<double>(message.size()) / (1 << 20);
    auto hashing = compare([&] { g_sink = crypto::keccak256(message)[0]; },
                           [&] {
                               unsigned char digest[crypto_hash_sha256_BYTES];
                               crypto_hash_sha256(digest, message.data(), message.size());
                               g_sink = digest[0];
                           },
                           mib, seconds);
    print({"Keccak-256, 1 MiB messages", hashing.ours, "MiB/s", "libsodium SHA-256", hashing.anchor,
           "MiB/s"});

    // --- secp256k1 ---------------------------------------------------------------------
    auto key = crypto::PrivateKey::generate();
    Hash256 digest = crypto::keccak256(asBytes("benchmark digest"));
    constexpr int kBatch = 64;
    secp256k1_context* raw = secp256k1_context_create(SECP256K1_CONTEXT_SIGN | SECP256K1_CONTEXT_VERIFY);
    auto signing = compare(
        [&] {
            for (int i = 0; i < kBatch; ++i) {
                digest[0] = static_cast<std::uint8_t>(i);
                g_sink = crypto::sign(key, digest).r[0];
            }
        },
        [&] {
            for (int i = 0; i < kBatch; ++i) {
                digest[0] = static_cast<std::uint8_t>(i);
                secp256k1_ecdsa_recoverable_signature sig;
                secp256k1_ecdsa_sign_recoverable(raw, &sig, digest.data(), key.secret().data(),
                                                 nullptr, nullptr);
                g_sink = sig.data[0];
            }
        },
        kBatch, seconds);
    print({"secp256k1 sign (recoverable)", signing.ours, "ops/s", "raw libsecp256k1 sign",
           signing.anchor, "ops/s"});

    std::vector<crypto::RecoverableSignature> signatures;
    std::vector<Hash256> digests;
    for (int i = 0; i < kBatch; ++i) {
        digest[0] = static_cast<std::uint8_t>(i);
        digests.push_back(digest);
        signatures.push_back(crypto::sign(key, digest));
    }
    std::vector<secp256k1_ecdsa_recoverable_signature> rawSignatures(kBatch);
    for (std::size_t i = 0; i < rawSignatures.size(); ++i) {
        auto bytes = signatures[i].toBytes();
        if (!secp256k1_ecdsa_recoverable_signature_parse_compact(raw, &rawSignatures[i], bytes.data(),
                                                                 bytes[64]))
            return 1;
    }
    auto recovering = compare(
        [&] {
            for (int i = 0; i < kBatch; ++i) {
                auto recovered = crypto::recover(digests[static_cast<std::size_t>(i)],
                                                 signatures[static_cast<std::size_t>(i)]);
                g_sink = recovered ? recovered->xy()[0] : 0;
            }
        },
        [&] {
            for (std::size_t i = 0; i < rawSignatures.size(); ++i) {
                secp256k1_pubkey pub;
                int ok = secp256k1_ecdsa_recover(raw, &pub, &rawSignatures[i], digests[i].data());
                g_sink = static_cast<std::uint8_t>(ok + pub.data[0]);
            }
        },
        kBatch, seconds);
    print({"secp256k1 recover (+ low-S check)", recovering.ours, "ops/s", "raw libsecp256k1 recover",
           recovering.anchor, "ops/s"});
    secp256k1_context_destroy(raw);

    // --- AEAD: 64 KiB chunks (the container's chunk size, DESIGN.md §4) ----------------
    auto aeadKey = crypto::aead::generateKey();
    auto nonce = crypto::aead::randomNonce();
    Bytes chunk(64 * 1024);
    crypto::randomBytes(chunk);
    Bytes ad(40, 0x5a);
    double gib = static_cast<double>(chunk.size()) / (1 << 30);
    crypto::aead::Tag tag{};
    auto encrypting = compare(
        [&] { tag = crypto::aead::encryptInPlace(aeadKey, nonce, chunk, ad); },
        [&] {
            crypto_aead_xchacha20poly1305_ietf_encrypt_detached(
                chunk.data(), tag.data(), nullptr, chunk.data(), chunk.size(), ad.data(),
                ad.size(), nullptr, nonce.data(), aeadKey.data());
        },
        gib, seconds);
    print({"XChaCha20-Poly1305 encrypt, 64 KiB", encrypting.ours, "GiB/s", "raw libsodium encrypt",
           encrypting.anchor, "GiB/s"});

    tag = crypto::aead::encryptInPlace(aeadKey, nonce, chunk, ad);
    Bytes ciphertext = chunk;
    auto decrypting = compare(
        [&] {
            std::memcpy(chunk.data(), ciphertext.data(), chunk.size());
            g_sink = crypto::aead::decryptInPlace(aeadKey, nonce, chunk, tag, ad).has_value();
        },
        [&] {
            std::memcpy(chunk.data(), ciphertext.data(), chunk.size());
            g_sink = static_cast<std::uint8_t>(crypto_aead_xchacha20poly1305_ietf_decrypt_detached(
                chunk.data(), nullptr, chunk.data(), chunk.size(), tag.data(), ad.data(),
                ad.size(), nonce.data(), aeadKey.data()));
        },
        gib, seconds);
    print({"XChaCha20-Poly1305 decrypt, 64 KiB", decrypting.ours, "GiB/s",
           "raw libsodium decrypt (+copy)", decrypting.anchor, "GiB/s"});

    // --- Argon2id: how long unlocking a keystore takes at the wallet default --------------
    if (!quick) {
        auto salt = crypto::pwhash::randomSalt();
        auto params = crypto::pwhash::Params::moderate();
        double unlocks = ls::bench::rateOnce(
            [&] {
                auto derived = crypto::pwhash::deriveKey(asBytes("benchmark passphrase"), salt, params);
                g_sink = derived ? derived->data()[0] : 0;
            },
            1, 2.0);
        std::printf("\nArgon2id at the wallet default (MODERATE, %llu MiB): %.0f ms per unlock\n",
                    static_cast<unsigned long long>(params.memLimit >> 20), 1000.0 / unlocks);
    }
    return 0;
}
