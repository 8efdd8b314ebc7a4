#pragma once

#include "core/crypto/PasswordHash.h"
#include "core/library/LibraryDownloads.h"
#include "core/library/LibraryReading.h"
#include "core/library/LibraryShelf.h"
#include "core/library/LibraryTitles.h"
#include "core/library/LibraryTypes.h"
#include "core/storage/Transaction.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>

namespace ls {
class ProfilePaths;
}

namespace ls::library {

struct LibraryContext;

struct LibraryOptions {
    // Argon2id cost for a new library (and the default for a new passphrase): moderate for users,
    // interactive for tests and small machines, like the wallet's KeyFileStrength.
    crypto::pwhash::Params kdfParams = crypto::pwhash::Params::moderate();
    // When false, a missing library is ErrorKind::NotFound instead of being created.
    bool createIfMissing = true;
    // Stamps changes; the system clock when empty.
    Clock clock;
};

// The local library of one profile (DESIGN.md §5, docs/library.md): `library.db` in the profile
// directory, an SQLite database in WAL mode with full durability, whose schema is versioned and
// migrated on open. Title keys are stored wrapped under a random master key, itself wrapped under
// the user's passphrase; the master key stays in (wiped) memory while the library is open.
//
// Opening checks the file's integrity, refuses a database from a newer build, and checks the
// passphrase before writing anything. Every change commits atomically, so the file survives the
// process being killed at any moment. Opening and changing the passphrase run Argon2id (about a
// second at the default cost): call them off the GUI thread.
//
// Not thread-safe: use one Library from one thread (open another for another thread).
class Library {
public:
    static constexpr std::string_view kFileName = "library.db";

    static std::filesystem::path databaseFile(const std::filesystem::path& profileDirectory);
    static bool exists(const std::filesystem::path& profileDirectory);

    // Opens the library in `profileDirectory` (which must exist), creating it under `passphrase`
    // when missing and allowed. Errors: WrongPassphrase (nothing changed), Unsupported (written by
    // a newer build), Io with "damaged" (failed integrity check), InvalidInput (not a library),
    // NotFound (missing and createIfMissing is false).
    static Result<Library> open(const std::filesystem::path& profileDirectory, ByteView passphrase,
        const LibraryOptions& options = {});
    static Result<Library> open(
        const ProfilePaths& profile, ByteView passphrase, const LibraryOptions& options = {});

    Library(Library&&) noexcept;
    Library& operator=(Library&&) noexcept;
    Library(const Library&) = delete;
    Library& operator=(const Library&) = delete;
    ~Library();

    // Re-wraps the master key under `newPassphrase` (fresh salt and nonce; Argon2id parameters
    // kept unless given). Title keys are untouched. A wrong `oldPassphrase` changes nothing.
    Result<void> changePassphrase(ByteView oldPassphrase, ByteView newPassphrase,
        std::optional<crypto::pwhash::Params> params = std::nullopt);

    // The table views. They refer to this Library and must not outlive it.
    LibraryTitles titles();
    LibraryDownloads downloads();
    LibraryReading reading();
    LibraryShelf shelf();

    // Groups several changes (say, a purchase: title, versions, key) into one atomic commit.
    // Calls made while it is open join it; it rolls back unless committed.
    Result<storage::Transaction> beginTransaction();

    // Marks the local copy of a version removed (licence, key, reading state kept), then deletes
    // its container file. If the deletion fails the state stays Removed and the error says which
    // file to delete by hand.
    Result<void> removeLocalCopy(std::uint64_t titleId, std::uint32_t version);

    // PRAGMA integrity_check again (open already ran it).
    Result<void> checkIntegrity();

    const std::filesystem::path& profileDirectory() const;
    std::filesystem::path file() const;
    // The Argon2id parameters the passphrase is currently stretched with.
    Result<crypto::pwhash::Params> kdfParams();

private:
    explicit Library(std::unique_ptr<LibraryContext> context);

    std::unique_ptr<LibraryContext> m_context;
};

} // namespace ls::library
