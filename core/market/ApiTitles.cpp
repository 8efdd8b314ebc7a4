#include "core/market/ApiTitles.h"

#include "core/codec/Hex.h"
#include "core/market/TitleMetadataDocument.h"

#include <algorithm>

namespace ls::market {
namespace {

api::DownloadState apiState(library::DownloadState state)
{
    switch (state) {
    case library::DownloadState::None:
        return api::DownloadState::None;
    case library::DownloadState::Downloading:
        return api::DownloadState::Downloading;
    case library::DownloadState::Complete:
        return api::DownloadState::Complete;
    case library::DownloadState::Removed:
        return api::DownloadState::Removed;
    }
    return api::DownloadState::None;
}

} // namespace

api::LibraryTitle apiTitle(const library::LibraryEntry& entry, const std::string& me)
{
    api::LibraryTitle out;
    out.titleId = entry.title.titleId;
    out.author = entry.title.author.toChecksumString();
    out.authoredHere = out.author == me;
    out.hasKey = entry.hasKey;
    out.metadataInfohash = codec::toHex(entry.title.metadataInfohash, true);
    const auto& json = entry.title.metadataJson;
    if (auto document = TitleMetadataDocument::decode(asBytes(json))) {
        out.title = std::move(document->title);
        out.authors = std::move(document->authors);
        out.subject = std::move(document->subject);
        out.blurb = std::move(document->blurb);
        out.contents = std::move(document->contents);
        out.mediaType = std::move(document->mediaType);
        out.coverMediaType = std::move(document->coverMediaType);
        out.cover = std::move(document->cover);
    }
    for (const library::TitleVersion& version : entry.versions) {
        api::LibraryVersion v;
        v.number = version.number;
        v.contentInfohash = codec::toHex(version.contentInfohash, true);
        v.size = version.size;
        v.note = version.note;
        v.addedAtMs = static_cast<std::uint64_t>(version.addedAtMs);
        auto download = std::find_if(entry.downloads.begin(), entry.downloads.end(),
            [&](const auto& d) { return d.version == version.number; });
        if (download != entry.downloads.end()) {
            v.download = apiState(download->state);
            v.bytesVerified = download->bytesVerified;
        }
        out.versions.push_back(std::move(v));
    }
    return out;
}

Result<std::vector<api::LibraryTitle>> apiTitles(library::Library& library, const std::string& me)
{
    auto entries = library.shelf().entries();
    if (!entries)
        return std::unexpected(entries.error());
    std::vector<api::LibraryTitle> out;
    out.reserve(entries->size());
    for (const auto& entry : *entries)
        out.push_back(apiTitle(entry, me));
    return out;
}

} // namespace ls::market
