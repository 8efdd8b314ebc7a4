// libFuzzer target: arbitrary bytes as a key file (Keystore::parse), and for files that parse,
// a serialise/parse round trip and an unlock attempt.
#include "core/crypto/Keystore.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>

namespace {

// parse() already caps Argon2id at 1 GiB and a few seconds; that is right for the app but far
// too slow per fuzz input, so only cheap files get an unlock attempt (the seed corpus uses
// opslimit 1, memlimit 8 KiB and the passphrase below).
constexpr std::uint64_t kFuzzMaxOps = 2;
constexpr std::uint64_t kFuzzMaxMem = 64 * 1024;

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using namespace ls;
    using namespace ls::crypto;

    auto parsed = Keystore::parse(ByteView(data, size));
    if (!parsed)
        return 0;

    // Whatever parses must serialise to something that parses back to the same document.
    Bytes serialized = parsed->serialize();
    auto again = Keystore::parse(serialized);
    if (!again || again->serialize() != serialized)
        std::abort();

    auto params = parsed->kdfParams();
    if (params.opsLimit <= kFuzzMaxOps && params.memLimit <= kFuzzMaxMem) {
        auto secret = parsed->unlock(asBytes("fuzz"));
        // A decrypted private key must match the address the file shows.
        if (secret && parsed->kind() == KeystorePayload::PrivateKey) {
            auto key = PrivateKey::fromBytes(secret->view());
            if (!key || Address::fromPublicKey(key->publicKey()) != parsed->address())
                std::abort();
        }
    }
    return 0;
}
