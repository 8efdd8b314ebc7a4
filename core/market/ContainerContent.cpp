#include "core/market/ContainerContent.h"

namespace ls::market {

ContainerContent::ContainerContent(const QString& path)
    : m_file(path)
    , m_source(m_file)
{
}

Result<std::unique_ptr<api::VersionContent>> ContainerContent::open(
    library::Library& library, std::uint64_t titleId, std::uint32_t version)
{
    const std::string name
        = "title " + std::to_string(titleId) + " version " + std::to_string(version);
    auto download = library.downloads().download(titleId, version);
    if (!download)
        return std::unexpected(download.error());
    if (download->state != library::DownloadState::Complete)
        return fail(ErrorKind::NotFound, name + " is not downloaded yet: fetch it first");
    auto key = library.titles().key(titleId);
    if (!key)
        return fail(key.error().kind,
            key.error().kind == ErrorKind::NotFound
                ? "The key of " + name + " has not been delivered yet: fetch it first"
                : key.error().message);
    auto versionKey = key->versionKey(version);
    if (!versionKey)
        return std::unexpected(versionKey.error());
    std::unique_ptr<ContainerContent> content(new ContainerContent(
        QString::fromStdString(library.downloads().containerPath(*download).string())));
    if (!content->m_file.open(QIODevice::ReadOnly))
        return fail(ErrorKind::NotFound,
            "Cannot read the container of " + name + ": "
                + content->m_file.errorString().toStdString() + " (fetch it again)");
    auto reader = library::ContainerReader::open(content->m_source, *versionKey);
    if (!reader)
        return std::unexpected(reader.error());
    if (reader->header().titleId != titleId || reader->header().version != version)
        return fail(ErrorKind::Verification, "The container on disk is not " + name);
    content->m_reader.emplace(std::move(*reader));
    return std::unique_ptr<api::VersionContent>(std::move(content));
}

Result<void> ContainerContent::read(std::uint64_t offset, std::span<std::uint8_t> out)
{
    if (offset > size() || out.size() > size() - offset)
        return fail(ErrorKind::InvalidInput, "A read past the end of the content");
    return m_reader->read(offset, out);
}

} // namespace ls::market
