#include "core/market/PublishRecords.h"

#include "core/codec/Hex.h"
#include "core/market/ContentPaths.h"
#include "core/market/TitleMetadataDocument.h"
#include "core/util/AtomicFile.h"

namespace ls::market::records {

Result<void> storeTitle(library::Library& library, const PublishJob& job,
    const library::TitleKey& titleKey, const std::string& author,
    const std::filesystem::path& profile)
{
    auto titles = library.titles();
    auto transaction = library.beginTransaction();
    if (!transaction)
        return std::unexpected(transaction.error());
    auto present = titles.contains(job.titleId);
    if (!present)
        return std::unexpected(present.error());
    if (!*present) {
        auto account = crypto::Address::parse(author);
        auto metadataHash = codec::fromHexFixed<32>(job.metadataInfohash);
        auto commitment = codec::fromHexFixed<32>(job.keyCommitment);
        auto json = readFileLimited(content::directory(profile) / job.metadataFile,
            TitleMetadataDocument::kMaxDocumentBytes);
        auto document = json ? TitleMetadataDocument::decode(*json)
                             : Result<TitleMetadataDocument>(std::unexpected(json.error()));
        if (!account || !metadataHash || !commitment || !document)
            return fail(
                ErrorKind::InvalidInput, "The publication's metadata file or record is damaged");
        library::OwnedTitle title;
        title.titleId = job.titleId;
        title.author = *account;
        title.metadataInfohash = *metadataHash;
        title.keyCommitment = *commitment;
        // Without the sample: the library keeps at most 1 MiB of metadata, and the sample is the
        // catalog's to show.
        const Bytes kept = document->libraryCopy(*json);
        title.metadataJson.assign(kept.begin(), kept.end());
        if (auto added = titles.add(title); !added)
            return std::unexpected(added.error());
    }
    auto has = titles.hasKey(job.titleId);
    if (!has)
        return std::unexpected(has.error());
    if (!*has)
        if (auto stored = titles.storeKey(job.titleId, titleKey); !stored)
            return stored;
    return transaction->commit();
}

Result<void> storeVersion(
    library::Library& library, const PublishJob& job, const api::VersionInfo& version)
{
    auto infohash = codec::fromHexFixed<32>(version.contentInfohash);
    if (!infohash)
        return std::unexpected(infohash.error());
    library::TitleVersion record { version.number, *infohash, version.size, version.note,
        static_cast<std::int64_t>(version.addedAtMs) };
    auto transaction = library.beginTransaction();
    if (!transaction)
        return std::unexpected(transaction.error());
    if (auto added = library.titles().addVersions(job.titleId, { &record, 1 }); !added)
        return added;
    auto downloads = library.downloads();
    if (auto begun = downloads.begin(job.titleId, version.number,
            content::relativeContentPath(job.containerFile), version.size);
        !begun)
        return std::unexpected(begun.error());
    if (auto complete = downloads.markComplete(job.titleId, version.number,
            content::fullBitfield(version.size, content::pieceSizeFor(version.size)));
        !complete)
        return complete;
    return transaction->commit();
}

} // namespace ls::market::records
