#include "core/library/LibraryTitles.h"

#include "core/library/LibraryContext.h"
#include "core/library/LibraryRows.h"
#include "core/library/LibrarySql.h"
#include "core/storage/Transaction.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <optional>
#include <string>

namespace ls::library {
namespace {

std::unexpected<Error> titleNotFound(std::uint64_t titleId)
{
    return fail(
        ErrorKind::NotFound, "Title " + std::to_string(titleId) + " is not in the library.");
}

Result<void> checkMetadata(const std::string& json)
{
    if (auto text = sql::checkText(json, LibraryTitles::kMaxMetadataBytes, "title's metadata");
        !text)
        return text;
    QJsonParseError error {};
    auto document = QJsonDocument::fromJson(
        QByteArray(json.data(), static_cast<qsizetype>(json.size())), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return fail(ErrorKind::InvalidInput,
            "The title's metadata is not a JSON object"
                + (error.error != QJsonParseError::NoError
                        ? " (" + error.errorString().toStdString() + " at byte "
                            + std::to_string(error.offset) + ")"
                        : std::string())
                + ".");
    return {};
}

} // namespace

Result<OwnedTitle> LibraryTitles::add(
    const OwnedTitle& title, std::span<const TitleVersion> versions)
{
    auto id = sql::toInteger(title.titleId, "title id");
    if (!id)
        return std::unexpected(id.error());
    if (auto valid = checkMetadata(title.metadataJson); !valid)
        return std::unexpected(valid.error());
    auto& database = m_context->database;
    auto transaction = storage::Transaction::begin(database);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto present = contains(title.titleId);
    if (!present)
        return std::unexpected(present.error());
    if (*present)
        return fail(ErrorKind::InvalidInput,
            "Title " + std::to_string(title.titleId) + " is already in the library.");

    OwnedTitle stored = title;
    stored.addedAtMs = m_context->clock();
    auto inserted = sql::execute(database,
        "INSERT INTO title (title_id, author, metadata_infohash, key_commitment, metadata_json, "
        "licence_version, licence_price, licence_time_ms, added_at_ms) "
        "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        *id, stored.author.bytes(), stored.metadataInfohash, stored.keyCommitment,
        stored.metadataJson, stored.licence.versionAtPurchase, stored.licence.price.toBigEndian(),
        stored.licence.purchasedAtMs, stored.addedAtMs);
    if (!inserted)
        return std::unexpected(inserted.error());
    if (auto added = addVersions(title.titleId, versions); !added)
        return std::unexpected(added.error());
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    return stored;
}

Result<void> LibraryTitles::update(const OwnedTitle& title)
{
    auto id = sql::toInteger(title.titleId, "title id");
    if (!id)
        return std::unexpected(id.error());
    if (auto valid = checkMetadata(title.metadataJson); !valid)
        return valid;
    auto changed = sql::execute(m_context->database,
        "UPDATE title SET author = ?2, metadata_infohash = ?3, key_commitment = ?4, "
        "metadata_json = ?5, licence_version = ?6, licence_price = ?7, licence_time_ms = ?8 "
        "WHERE title_id = ?1",
        *id, title.author.bytes(), title.metadataInfohash, title.keyCommitment, title.metadataJson,
        title.licence.versionAtPurchase, title.licence.price.toBigEndian(),
        title.licence.purchasedAtMs);
    if (!changed)
        return std::unexpected(changed.error());
    if (*changed == 0)
        return titleNotFound(title.titleId);
    return {};
}

Result<void> LibraryTitles::remove(std::uint64_t titleId)
{
    auto id = sql::toInteger(titleId, "title id");
    if (!id)
        return std::unexpected(id.error());
    // Versions, key and download states go with it (ON DELETE CASCADE), in the same statement.
    auto removed = sql::execute(m_context->database, "DELETE FROM title WHERE title_id = ?1", *id);
    if (!removed)
        return std::unexpected(removed.error());
    if (*removed == 0)
        return titleNotFound(titleId);
    return {};
}

Result<bool> LibraryTitles::contains(std::uint64_t titleId)
{
    auto id = sql::toInteger(titleId, "title id");
    if (!id)
        return std::unexpected(id.error());
    bool found = false;
    auto rows = sql::forEachRow(
        m_context->database, "SELECT 1 FROM title WHERE title_id = ?1",
        [&](storage::Statement&) -> Result<void> {
            found = true;
            return {};
        },
        *id);
    if (!rows)
        return std::unexpected(rows.error());
    return found;
}

Result<OwnedTitle> LibraryTitles::title(std::uint64_t titleId)
{
    auto id = sql::toInteger(titleId, "title id");
    if (!id)
        return std::unexpected(id.error());
    std::optional<OwnedTitle> found;
    auto rows = sql::forEachRow(
        m_context->database, std::string(rows::kTitleColumns) + "WHERE title_id = ?1",
        [&](storage::Statement& row) -> Result<void> {
            auto title = rows::readTitle(row);
            if (!title)
                return std::unexpected(title.error());
            found = std::move(*title);
            return {};
        },
        *id);
    if (!rows)
        return std::unexpected(rows.error());
    if (!found)
        return titleNotFound(titleId);
    return std::move(*found);
}

Result<std::uint64_t> LibraryTitles::count()
{
    std::uint64_t total = 0;
    auto rows = sql::forEachRow(m_context->database, "SELECT count(*) FROM title",
        [&](storage::Statement& row) -> Result<void> {
            total = static_cast<std::uint64_t>(row.columnInt64(0));
            return {};
        });
    if (!rows)
        return std::unexpected(rows.error());
    return total;
}

Result<void> LibraryTitles::addVersions(
    std::uint64_t titleId, std::span<const TitleVersion> versions)
{
    auto transaction = storage::Transaction::begin(m_context->database);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto present = contains(titleId);
    if (!present)
        return std::unexpected(present.error());
    if (!*present)
        return titleNotFound(titleId);
    for (const auto& version : versions) {
        if (auto note = sql::checkText(version.note, kMaxNoteBytes, "version note"); !note)
            return note;
        auto size = sql::toInteger(version.size, "version size");
        if (!size)
            return std::unexpected(size.error());
        auto known = this->version(titleId, version.number);
        if (known) {
            if (*known == version)
                continue;
            return fail(ErrorKind::InvalidInput,
                "Version " + std::to_string(version.number) + " of title " + std::to_string(titleId)
                    + " is already recorded with different facts; published versions never "
                      "change.");
        }
        if (known.error().kind != ErrorKind::NotFound)
            return std::unexpected(known.error());
        auto inserted = sql::execute(m_context->database,
            "INSERT INTO title_version (title_id, version, content_infohash, size, note, "
            "added_at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            static_cast<std::int64_t>(titleId), version.number, version.contentInfohash, *size,
            version.note, version.addedAtMs);
        if (!inserted)
            return std::unexpected(inserted.error());
    }
    return transaction->commit();
}

Result<std::vector<TitleVersion>> LibraryTitles::versions(std::uint64_t titleId)
{
    auto id = sql::toInteger(titleId, "title id");
    if (!id)
        return std::unexpected(id.error());
    std::vector<TitleVersion> out;
    auto rows = sql::forEachRow(
        m_context->database,
        std::string(rows::kVersionColumns) + "WHERE title_id = ?1 ORDER BY version",
        [&](storage::Statement& row) -> Result<void> {
            auto version = rows::readVersion(row);
            if (!version)
                return std::unexpected(version.error());
            out.push_back(std::move(*version));
            return {};
        },
        *id);
    if (!rows)
        return std::unexpected(rows.error());
    return out;
}

Result<TitleVersion> LibraryTitles::version(std::uint64_t titleId, std::uint32_t number)
{
    auto id = sql::toInteger(titleId, "title id");
    if (!id)
        return std::unexpected(id.error());
    std::optional<TitleVersion> found;
    auto rows = sql::forEachRow(
        m_context->database,
        std::string(rows::kVersionColumns) + "WHERE title_id = ?1 AND version = ?2",
        [&](storage::Statement& row) -> Result<void> {
            auto version = rows::readVersion(row);
            if (!version)
                return std::unexpected(version.error());
            found = std::move(*version);
            return {};
        },
        *id, number);
    if (!rows)
        return std::unexpected(rows.error());
    if (!found)
        return fail(ErrorKind::NotFound,
            "Version " + std::to_string(number) + " of title " + std::to_string(titleId)
                + " is not in the library.");
    return std::move(*found);
}

Result<void> LibraryTitles::storeKey(std::uint64_t titleId, const TitleKey& titleKey)
{
    auto owned = title(titleId);
    if (!owned)
        return std::unexpected(owned.error());
    if (auto genuine = titleKey.checkCommitment(owned->keyCommitment); !genuine)
        return genuine;
    Bytes wrapped = m_context->masterKey.wrapTitleKey(titleId, titleKey);
    auto stored = sql::execute(m_context->database,
        "INSERT OR REPLACE INTO title_key (title_id, wrapped_key, stored_at_ms) "
        "VALUES (?1, ?2, ?3)",
        static_cast<std::int64_t>(titleId), wrapped, m_context->clock());
    if (!stored)
        return std::unexpected(stored.error());
    return {};
}

Result<bool> LibraryTitles::hasKey(std::uint64_t titleId)
{
    auto id = sql::toInteger(titleId, "title id");
    if (!id)
        return std::unexpected(id.error());
    bool found = false;
    auto rows = sql::forEachRow(
        m_context->database, "SELECT 1 FROM title_key WHERE title_id = ?1",
        [&](storage::Statement&) -> Result<void> {
            found = true;
            return {};
        },
        *id);
    if (!rows)
        return std::unexpected(rows.error());
    return found;
}

Result<TitleKey> LibraryTitles::key(std::uint64_t titleId)
{
    auto id = sql::toInteger(titleId, "title id");
    if (!id)
        return std::unexpected(id.error());
    std::optional<Result<TitleKey>> unwrapped;
    auto rows = sql::forEachRow(
        m_context->database, "SELECT wrapped_key FROM title_key WHERE title_id = ?1",
        [&](storage::Statement& row) -> Result<void> {
            unwrapped = m_context->masterKey.unwrapTitleKey(titleId, row.columnBlob(0));
            return {};
        },
        *id);
    if (!rows)
        return std::unexpected(rows.error());
    if (!unwrapped)
        return fail(ErrorKind::NotFound,
            "The key of title " + std::to_string(titleId) + " has not been received yet.");
    return std::move(*unwrapped);
}

Result<void> LibraryTitles::removeKey(std::uint64_t titleId)
{
    auto id = sql::toInteger(titleId, "title id");
    if (!id)
        return std::unexpected(id.error());
    auto removed
        = sql::execute(m_context->database, "DELETE FROM title_key WHERE title_id = ?1", *id);
    if (!removed)
        return std::unexpected(removed.error());
    if (*removed == 0)
        return fail(ErrorKind::NotFound,
            "The library holds no key for title " + std::to_string(titleId) + ".");
    return {};
}

} // namespace ls::library
