#include "core/library/Library.h"

#include "core/library/LibraryContext.h"
#include "core/library/LibrarySchema.h"
#include "core/library/MasterKeyRecord.h"
#include "core/storage/Database.h"
#include "core/util/ProfilePaths.h"

#include <chrono>
#include <string>
#include <system_error>
#include <utility>

namespace ls::library {
namespace {

std::int64_t systemMilliseconds()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
        std::chrono::system_clock::now().time_since_epoch())
        .count();
}

std::unexpected<Error> withContext(const std::filesystem::path& file, const Error& error)
{
    return fail(error.kind, "Cannot open the library '" + file.string() + "': " + error.message);
}

// A library that could not be created leaves no file behind, so the next attempt starts clean.
void removeDatabaseFiles(const std::filesystem::path& file)
{
    std::error_code ignored;
    for (const char* suffix : { "", "-wal", "-shm" })
        std::filesystem::remove(file.string() + suffix, ignored);
}

// Creates the tables and stores the wrapped master key in one transaction. False when another
// program created the library since we looked: theirs must not be overwritten.
Result<bool> createLibrary(storage::Database& database, const MasterKeyRecord& record)
{
    auto transaction = storage::Transaction::begin(database);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto version = LibrarySchema::readVersion(database);
    if (!version)
        return std::unexpected(version.error());
    if (*version != 0)
        return false;
    auto migrated = LibrarySchema::migrate(database);
    if (!migrated)
        return std::unexpected(migrated.error());
    if (auto stored = record.store(database); !stored)
        return std::unexpected(stored.error());
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    return true;
}

Result<MasterKey> openExisting(storage::Database& database, ByteView passphrase, int version)
{
    // The passphrase is checked before any upgrade, so a wrong one leaves the file untouched. The
    // master_key table is part of schema 1 and MasterKeyRecord::load reads every version since.
    auto record = MasterKeyRecord::load(database);
    if (!record)
        return std::unexpected(record.error());
    auto masterKey = record->unlock(passphrase);
    if (!masterKey)
        return std::unexpected(masterKey.error());
    if (version < LibrarySchema::currentVersion()) {
        auto migrated = LibrarySchema::migrate(database);
        if (!migrated)
            return std::unexpected(migrated.error());
    }
    if (auto tables = LibrarySchema::checkTables(database); !tables)
        return std::unexpected(tables.error());
    return masterKey;
}

} // namespace

std::filesystem::path Library::databaseFile(const std::filesystem::path& profileDirectory)
{
    return profileDirectory / kFileName;
}

bool Library::exists(const std::filesystem::path& profileDirectory)
{
    std::error_code error;
    return std::filesystem::is_regular_file(databaseFile(profileDirectory), error);
}

Result<Library> Library::open(
    const ProfilePaths& profile, ByteView passphrase, const LibraryOptions& options)
{
    return open(profile.directory(), passphrase, options);
}

Result<Library> Library::open(const std::filesystem::path& profileDirectory, ByteView passphrase,
    const LibraryOptions& options)
{
    const auto file = databaseFile(profileDirectory);
    if (passphrase.empty())
        return fail(ErrorKind::InvalidInput, "The library passphrase must not be empty.");
    std::error_code error;
    if (!std::filesystem::is_directory(profileDirectory, error))
        return fail(ErrorKind::NotFound,
            "The profile directory '" + profileDirectory.string() + "' does not exist.");
    const bool existed = exists(profileDirectory);
    if (!existed && !options.createIfMissing)
        return fail(ErrorKind::NotFound, "There is no library at '" + file.string() + "'.");

    auto database = storage::Database::open(file);
    if (!database)
        return withContext(file, database.error());
    if (!existed) {
        // Reading state and wrapped keys are private; the profile directory is 0700 already.
        std::filesystem::permissions(file,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write,
            std::filesystem::perm_options::replace, error);
    }
    if (auto intact = database->integrityCheck(); !intact) {
        // storage words every kind of corruption with "damaged" (problems reported by the check,
        // SQLITE_CORRUPT, SQLITE_NOTADB); anything else (a lock, a read error) is not damage.
        if (intact.error().message.find("damaged") == std::string::npos)
            return withContext(file, intact.error());
        return fail(ErrorKind::Io,
            "The library '" + file.string() + "' is damaged and was not opened ("
                + intact.error().message
                + "). Move the file aside to start a new library; your licences stay on the "
                  "chain and the titles can be downloaded again.");
    }

    auto version = LibrarySchema::readVersion(*database);
    if (!version)
        return withContext(file, version.error());

    Clock clock = options.clock ? options.clock : Clock(&systemMilliseconds);
    if (*version == 0) {
        // New (or created and killed before its first commit): make the master key, wrap it,
        // and create the tables with it in one transaction.
        auto masterKey = MasterKey::generate();
        if (!masterKey)
            return std::unexpected(masterKey.error());
        auto record = MasterKeyRecord::seal(*masterKey, passphrase, options.kdfParams);
        auto created = record ? createLibrary(*database, *record)
                              : Result<bool>(std::unexpected(record.error()));
        if (!created) {
            if (!existed) {
                database = std::unexpected(created.error()); // closes it before the files go
                removeDatabaseFiles(file);
            }
            return withContext(file, created.error());
        }
        if (*created)
            return Library(std::make_unique<LibraryContext>(
                std::move(*database), std::move(*masterKey), std::move(clock), profileDirectory));
        version = LibrarySchema::readVersion(*database);
        if (!version)
            return withContext(file, version.error());
    }

    auto masterKey = openExisting(*database, passphrase, *version);
    if (!masterKey) {
        if (masterKey.error().kind == ErrorKind::WrongPassphrase)
            return std::unexpected(masterKey.error());
        return withContext(file, masterKey.error());
    }
    return Library(std::make_unique<LibraryContext>(
        std::move(*database), std::move(*masterKey), std::move(clock), profileDirectory));
}

Library::Library(std::unique_ptr<LibraryContext> context)
    : m_context(std::move(context))
{
}
Library::Library(Library&&) noexcept = default;
Library& Library::operator=(Library&&) noexcept = default;
Library::~Library() = default;

Result<void> Library::changePassphrase(
    ByteView oldPassphrase, ByteView newPassphrase, std::optional<crypto::pwhash::Params> params)
{
    if (newPassphrase.empty())
        return fail(ErrorKind::InvalidInput, "The new passphrase must not be empty.");
    auto& database = m_context->database;
    auto current = MasterKeyRecord::load(database);
    if (!current)
        return std::unexpected(current.error());
    // Unlocking proves the old passphrase; the key it yields is the one already in memory.
    auto unlocked = current->unlock(oldPassphrase);
    if (!unlocked)
        return std::unexpected(unlocked.error());
    auto replacement
        = MasterKeyRecord::seal(*unlocked, newPassphrase, params.value_or(current->kdfParams()));
    if (!replacement)
        return std::unexpected(replacement.error());

    // Argon2id ran outside the transaction; inside it, make sure nobody changed the passphrase
    // meanwhile, or their change would be silently lost.
    auto transaction = storage::Transaction::begin(database);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto again = MasterKeyRecord::load(database);
    if (!again)
        return std::unexpected(again.error());
    if (!again->sameStoredBytes(*current))
        return fail(ErrorKind::Io,
            "The library passphrase was changed by another program at the same time; nothing "
            "was changed here.");
    if (auto stored = replacement->store(database); !stored)
        return stored;
    return transaction->commit();
}

LibraryTitles Library::titles()
{
    return LibraryTitles(*m_context);
}

LibraryDownloads Library::downloads()
{
    return LibraryDownloads(*m_context);
}

LibraryReading Library::reading()
{
    return LibraryReading(*m_context);
}

LibraryShelf Library::shelf()
{
    return LibraryShelf(*m_context);
}

Result<storage::Transaction> Library::beginTransaction()
{
    return storage::Transaction::begin(m_context->database);
}

Result<void> Library::removeLocalCopy(std::uint64_t titleId, std::uint32_t version)
{
    auto downloads = this->downloads();
    // The state is committed first: if the process dies before the file is gone, the library
    // says "removed" and a later download overwrites the leftover file, never the other way
    // round (a "complete" copy that is missing).
    auto before = downloads.markRemoved(titleId, version);
    if (!before)
        return std::unexpected(before.error());
    if (before->containerFile.empty())
        return {};
    auto path = downloads.containerPath(*before);
    std::error_code error;
    std::filesystem::remove(path, error);
    if (error)
        return fail(ErrorKind::Io,
            "The local copy was marked removed, but its file '" + path.string()
                + "' could not be deleted: " + error.message() + ". Delete it by hand.");
    return {};
}

Result<void> Library::checkIntegrity()
{
    return m_context->database.integrityCheck();
}

const std::filesystem::path& Library::profileDirectory() const
{
    return m_context->directory;
}

std::filesystem::path Library::file() const
{
    return databaseFile(m_context->directory);
}

Result<crypto::pwhash::Params> Library::kdfParams()
{
    auto record = MasterKeyRecord::load(m_context->database);
    if (!record)
        return std::unexpected(record.error());
    return record->kdfParams();
}

} // namespace ls::library
