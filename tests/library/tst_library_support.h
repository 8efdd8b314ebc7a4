#pragma once

// Shared by the tst_library_* tests: a temporary profile, a fake clock, sample titles and small
// helpers for looking at the database file directly.

#include "core/library/Library.h"
#include "core/storage/Database.h"
#include "core/storage/Statement.h"

#include <QTemporaryDir>
#include <QTest>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

namespace ls::library::testing {

inline ByteView text(const char* passphrase)
{
    return asBytes(passphrase);
}

// Starts at a fixed time and advances one second per reading, so every stamp is distinct and
// known.
struct FakeClock {
    std::shared_ptr<std::int64_t> now = std::make_shared<std::int64_t>(1'700'000'000'000);
    Clock clock() const
    {
        return [now = now] { return *now += 1000; };
    }
};

inline LibraryOptions lightOptions(const FakeClock& clock = {})
{
    LibraryOptions options;
    options.kdfParams = crypto::pwhash::Params::interactive();
    options.clock = clock.clock();
    return options;
}

inline std::filesystem::path profileOf(const QTemporaryDir& dir)
{
    return std::filesystem::path(dir.path().toStdString());
}

// A deterministic title key per title id (so a test can check what comes back).
inline TitleKey sampleKey(std::uint64_t titleId)
{
    FixedBytes<32> bytes {};
    for (std::size_t i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<std::uint8_t>(titleId * 31 + i * 7 + 1);
    return TitleKey::fromBytes(bytes).value();
}

inline OwnedTitle sampleTitle(std::uint64_t titleId)
{
    OwnedTitle title;
    title.titleId = titleId;
    FixedBytes<20> author {};
    author.fill(static_cast<std::uint8_t>(0xa0 + titleId % 16));
    title.author = crypto::Address(author);
    title.metadataInfohash.fill(static_cast<std::uint8_t>(titleId));
    title.keyCommitment = sampleKey(titleId).commitment();
    title.metadataJson = R"({"title":"Book )" + std::to_string(titleId)
        + R"(","authors":["Ada"],"subject":"maths"})";
    title.licence = Licence { 1, codec::UInt256(2'500'000'000'000'000'000ULL), 1'690'000'000'000 };
    return title;
}

inline TitleVersion sampleVersion(std::uint64_t titleId, std::uint32_t number)
{
    TitleVersion version;
    version.number = number;
    version.contentInfohash.fill(static_cast<std::uint8_t>(titleId * 16 + number));
    version.size = 1'000'000 + number;
    version.note = "edition " + std::to_string(number);
    version.addedAtMs = 1'690'000'000'000 + number;
    return version;
}

inline std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::string bytes;
    char buffer[65536];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0)
        bytes.append(buffer, static_cast<std::size_t>(in.gcount()));
    return bytes;
}

inline void writeFile(const std::filesystem::path& path, const std::string& bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A raw connection to library.db, for looking under the Library API (and for tampering).
inline storage::Database rawDatabase(const std::filesystem::path& profile)
{
    auto db = storage::Database::open(Library::databaseFile(profile));
    if (!db)
        qFatal("raw open failed: %s", db.error().message.c_str());
    return std::move(*db);
}

inline Bytes blobOf(storage::Database& db, const std::string& sql)
{
    auto select = db.prepare(sql);
    if (!select || !select->step().value_or(false))
        qFatal("query failed: %s", sql.c_str());
    ByteView blob = select->columnBlob(0);
    return Bytes(blob.begin(), blob.end());
}

inline std::int64_t integerOf(storage::Database& db, const std::string& sql)
{
    auto select = db.prepare(sql);
    if (!select || !select->step().value_or(false))
        qFatal("query failed: %s", sql.c_str());
    return select->columnInt64(0);
}

inline void execOrFail(storage::Database& db, const std::string& sql)
{
    if (auto done = db.exec(sql); !done)
        qFatal("exec failed: %s", done.error().message.c_str());
}

} // namespace ls::library::testing

// Readable failures: QVERIFY2 with the error message of a Result.
#define LS_VERIFY_OK(result)                                                                       \
    do {                                                                                           \
        const auto& lsResult_ = (result);                                                          \
        QVERIFY2(lsResult_.has_value(),                                                            \
            lsResult_.has_value() ? "" : lsResult_.error().message.c_str());                       \
    } while (false)
