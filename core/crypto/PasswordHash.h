#pragma once

#include "core/crypto/SecureMemory.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>
#include <span>

// Argon2id (libsodium crypto_pwhash, algorithm ARGON2ID13, one lane) turning a passphrase into a
// key. Parameters are explicit and stored next to whatever they protect, so files created with
// one preset stay readable after the defaults change.
namespace ls::crypto::pwhash {

inline constexpr std::size_t kSaltSize = 16;
using Salt = FixedBytes<kSaltSize>;

struct Params {
    std::uint64_t opsLimit = 0; // passes over memory
    std::uint64_t memLimit = 0; // bytes

    // The default for wallets: libsodium's MODERATE (3 passes, 256 MiB), about a second on a
    // desktop, which makes offline guessing expensive while unlocking stays bearable.
    static Params moderate();
    // libsodium's INTERACTIVE (2 passes, 64 MiB): for tests and for re-deriving often.
    static Params interactive();

    friend bool operator==(const Params&, const Params&) = default;
};

// Upper bounds accepted from files: a hostile key file must not make the app hang for minutes or
// allocate more memory than a desktop can spare. All are well above the presets; the work bound
// (passes × memory) equals libsodium's SENSITIVE preset, a few seconds on a desktop.
inline constexpr std::uint64_t kMaxOpsLimit = 16;
inline constexpr std::uint64_t kMaxMemLimit = std::uint64_t{1} << 30; // 1 GiB
inline constexpr std::uint64_t kMaxWork = std::uint64_t{4} << 30;     // opsLimit × memLimit

// Checks params against libsodium's minimums and the caps above; the message says which is off.
Result<void> validate(const Params& params);

Salt randomSalt();

// Derives out.size() bytes (16 or more) from `passphrase`. Fails on invalid params or when the
// memory cannot be allocated.
Result<void> derive(std::span<std::uint8_t> out, ByteView passphrase, const Salt& salt,
                    const Params& params);

// The common case: a 32-byte symmetric key (e.g. for aead).
Result<Secret<32>> deriveKey(ByteView passphrase, const Salt& salt, const Params& params);

} // namespace ls::crypto::pwhash
