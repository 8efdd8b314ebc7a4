#pragma once

#include "core/crypto/Secp256k1.h"
#include "core/library/Library.h"
#include "core/util/Error.h"
#include "core/wallet/KeystoreWallet.h"

#include <filesystem>

namespace ls::market {

// What the content side of a profile needs for a session, unlocked with the one passphrase the
// user knows: the library (whose passphrase is the wallet's, docs/library.md) and the wallet's
// account key, which the swarm proves its account with and buyers open delivered keys with.
struct UnlockedContent {
    library::Library library;
    crypto::PrivateKey accountKey;
};

// Unlocks the key file (WrongPassphrase when the passphrase is wrong: nothing is opened), then
// opens the library in `profileDirectory`, creating it with the key file's Argon2id cost when
// missing. Runs Argon2id twice: call it off the GUI thread.
Result<UnlockedContent> unlockContent(const std::filesystem::path& profileDirectory,
    const std::filesystem::path& keystoreFile, ByteView passphrase);

using wallet::unlockAccountKey;

} // namespace ls::market
