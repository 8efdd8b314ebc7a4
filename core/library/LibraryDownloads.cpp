#include "core/library/LibraryDownloads.h"

#include "core/library/LibraryContext.h"
#include "core/library/LibraryRows.h"
#include "core/library/LibrarySql.h"
#include "core/storage/Transaction.h"

#include <optional>
#include <string>

namespace ls::library {
namespace {

std::string describe(std::uint64_t titleId, std::uint32_t version)
{
    return "version " + std::to_string(version) + " of title " + std::to_string(titleId);
}

std::string normalised(std::string_view containerFile)
{
    return std::filesystem::path(containerFile).lexically_normal().generic_string();
}

} // namespace

Result<void> LibraryDownloads::checkContainerFile(std::string_view containerFile)
{
    auto refuse = [&](const std::string& why) {
        return fail(ErrorKind::InvalidInput,
            "The container file name '" + std::string(containerFile) + "' " + why + ".");
    };
    if (containerFile.empty())
        return fail(ErrorKind::InvalidInput, "The container file name is empty.");
    if (auto text = sql::checkText(containerFile, kMaxPathBytes, "container file name"); !text)
        return text;
    if (containerFile.find('\0') != std::string_view::npos)
        return refuse("contains a NUL character");
    std::filesystem::path path(containerFile);
    if (path.has_root_path())
        return refuse("must be relative to the profile directory");
    for (const auto& part : path)
        if (part == "..")
            return refuse("must stay inside the profile directory");
    auto normal = path.lexically_normal();
    if (!normal.has_filename() || normal == ".")
        return refuse("does not name a file");
    return {};
}

std::filesystem::path LibraryDownloads::containerPath(const VersionDownload& download) const
{
    return m_context->directory / std::filesystem::path(download.containerFile);
}

Result<VersionDownload> LibraryDownloads::download(std::uint64_t titleId, std::uint32_t version)
{
    auto id = sql::toInteger(titleId, "title id");
    if (!id)
        return std::unexpected(id.error());
    std::optional<std::uint64_t> size;
    auto known = sql::forEachRow(
        m_context->database, "SELECT size FROM title_version WHERE title_id = ?1 AND version = ?2",
        [&](storage::Statement& row) -> Result<void> {
            auto value = sql::unsignedColumn(row, 0, "a version's size");
            if (!value)
                return std::unexpected(value.error());
            size = *value;
            return {};
        },
        *id, version);
    if (!known)
        return std::unexpected(known.error());
    if (!size)
        return fail(
            ErrorKind::NotFound, "The library does not know " + describe(titleId, version) + ".");

    VersionDownload found { titleId, version, DownloadState::None, {}, *size, 0, {}, 0 };
    auto rows = sql::forEachRow(
        m_context->database,
        std::string(rows::kDownloadColumns) + "WHERE title_id = ?1 AND version = ?2",
        [&](storage::Statement& row) -> Result<void> {
            auto download = rows::readDownload(row);
            if (!download)
                return std::unexpected(download.error());
            found = std::move(*download);
            return {};
        },
        *id, version);
    if (!rows)
        return std::unexpected(rows.error());
    return found;
}

Result<std::vector<VersionDownload>> LibraryDownloads::downloads(std::uint64_t titleId)
{
    auto id = sql::toInteger(titleId, "title id");
    if (!id)
        return std::unexpected(id.error());
    std::vector<VersionDownload> out;
    auto rows = sql::forEachRow(
        m_context->database,
        std::string(rows::kDownloadColumns) + "WHERE title_id = ?1 ORDER BY version",
        [&](storage::Statement& row) -> Result<void> {
            auto download = rows::readDownload(row);
            if (!download)
                return std::unexpected(download.error());
            out.push_back(std::move(*download));
            return {};
        },
        *id);
    if (!rows)
        return std::unexpected(rows.error());
    return out;
}

Result<VersionDownload> LibraryDownloads::begin(std::uint64_t titleId, std::uint32_t version,
    std::string_view containerFile, std::uint64_t totalSize)
{
    if (auto valid = checkContainerFile(containerFile); !valid)
        return std::unexpected(valid.error());
    auto total = sql::toInteger(totalSize, "container size");
    if (!total)
        return std::unexpected(total.error());
    auto transaction = storage::Transaction::begin(m_context->database);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto current = download(titleId, version);
    if (!current)
        return std::unexpected(current.error());
    std::string file = normalised(containerFile);
    bool resumable
        = current->state == DownloadState::Downloading || current->state == DownloadState::Complete;
    if (resumable && current->containerFile == file && current->totalSize == totalSize)
        return current;

    VersionDownload started { titleId, version, DownloadState::Downloading, file, totalSize, 0, {},
        m_context->clock() };
    auto written = sql::execute(m_context->database,
        "INSERT OR REPLACE INTO download (title_id, version, state, container_path, total_size, "
        "bytes_verified, piece_bitfield, updated_at_ms) VALUES (?1, ?2, ?3, ?4, ?5, 0, ?6, ?7)",
        static_cast<std::int64_t>(titleId), version, static_cast<int>(started.state), file, *total,
        Bytes {}, started.updatedAtMs);
    if (!written)
        return std::unexpected(written.error());
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    return started;
}

Result<VersionDownload> LibraryDownloads::requireStarted(
    std::uint64_t titleId, std::uint32_t version)
{
    auto current = download(titleId, version);
    if (!current)
        return current;
    if (current->state != DownloadState::Downloading)
        return fail(ErrorKind::InvalidInput,
            "The library is not downloading " + describe(titleId, version) + ".");
    return current;
}

Result<void> LibraryDownloads::recordProgress(std::uint64_t titleId, std::uint32_t version,
    std::uint64_t bytesVerified, ByteView pieceBitfield)
{
    if (pieceBitfield.size() > kMaxBitfieldBytes)
        return fail(ErrorKind::InvalidInput, "The piece bitfield is too large.");
    auto transaction = storage::Transaction::begin(m_context->database);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto current = requireStarted(titleId, version);
    if (!current)
        return std::unexpected(current.error());
    if (bytesVerified > current->totalSize)
        return fail(ErrorKind::InvalidInput,
            "Cannot record " + std::to_string(bytesVerified) + " verified bytes of "
                + describe(titleId, version) + ", which has " + std::to_string(current->totalSize)
                + ".");
    auto written = sql::execute(m_context->database,
        "UPDATE download SET bytes_verified = ?3, piece_bitfield = ?4, updated_at_ms = ?5 "
        "WHERE title_id = ?1 AND version = ?2",
        static_cast<std::int64_t>(titleId), version, static_cast<std::int64_t>(bytesVerified),
        pieceBitfield, m_context->clock());
    if (!written)
        return std::unexpected(written.error());
    return transaction->commit();
}

Result<void> LibraryDownloads::markComplete(
    std::uint64_t titleId, std::uint32_t version, ByteView pieceBitfield)
{
    if (pieceBitfield.size() > kMaxBitfieldBytes)
        return fail(ErrorKind::InvalidInput, "The piece bitfield is too large.");
    auto transaction = storage::Transaction::begin(m_context->database);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto current = requireStarted(titleId, version);
    if (!current)
        return std::unexpected(current.error());
    auto written = sql::execute(m_context->database,
        "UPDATE download SET state = ?3, bytes_verified = total_size, piece_bitfield = ?4, "
        "updated_at_ms = ?5 WHERE title_id = ?1 AND version = ?2",
        static_cast<std::int64_t>(titleId), version, static_cast<int>(DownloadState::Complete),
        pieceBitfield, m_context->clock());
    if (!written)
        return std::unexpected(written.error());
    return transaction->commit();
}

Result<VersionDownload> LibraryDownloads::markRemoved(std::uint64_t titleId, std::uint32_t version)
{
    auto transaction = storage::Transaction::begin(m_context->database);
    if (!transaction)
        return std::unexpected(transaction.error());
    auto current = download(titleId, version);
    if (!current)
        return current;
    if (current->state == DownloadState::None)
        return fail(ErrorKind::NotFound,
            "There is no local copy of " + describe(titleId, version) + " to remove.");
    if (current->state == DownloadState::Removed)
        return current;
    auto written = sql::execute(m_context->database,
        "UPDATE download SET state = ?3, bytes_verified = 0, piece_bitfield = ?4, "
        "updated_at_ms = ?5 WHERE title_id = ?1 AND version = ?2",
        static_cast<std::int64_t>(titleId), version, static_cast<int>(DownloadState::Removed),
        Bytes {}, m_context->clock());
    if (!written)
        return std::unexpected(written.error());
    if (auto committed = transaction->commit(); !committed)
        return std::unexpected(committed.error());
    return current;
}

} // namespace ls::library
