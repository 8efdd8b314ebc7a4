#include "core/market/StreamingContent.h"

#include "core/library/MediaOpening.h"

#include <algorithm>

namespace ls::market {

StreamingContent::StreamingContent(std::shared_ptr<OpenStreams> streams,
    std::unique_ptr<OpenStreams::Registration> registration, std::stop_source stop)
    : m_streams(std::move(streams))
    , m_registration(std::move(registration))
    , m_stop(std::move(stop))
{
}

StreamingContent::~StreamingContent()
{
    m_stop.request_stop();
    m_reader.reset(); // before the source it reads
}

Result<std::unique_ptr<api::VersionContent>> StreamingContent::open(swarm::Swarm& swarm,
    std::shared_ptr<OpenStreams> streams, std::unique_ptr<OpenStreams::Registration> registration,
    std::stop_source stop, const Target& target, const library::VersionKey& key)
{
    const std::string name
        = "title " + std::to_string(target.titleId) + " version " + std::to_string(target.version);
    std::unique_ptr<StreamingContent> content(
        new StreamingContent(streams, std::move(registration), stop));
    const auto use = streams->use();
    if (!use)
        return fail(ErrorKind::NotFound, "The library was closed while " + name + " was opening.");
    swarm::TorrentContainerSource::Options options;
    options.stop = stop.get_token();
    auto source = swarm::TorrentContainerSource::open(swarm, target.infohash, std::move(options));
    if (!source)
        return std::unexpected(source.error());
    content->m_source = std::move(*source);
    auto reader = library::ContainerReader::open(*content->m_source, key);
    if (!reader)
        return std::unexpected(reader.error());
    if (reader->header().titleId != target.titleId || reader->header().version != target.version)
        return fail(ErrorKind::Verification, "The content being downloaded is not " + name);
    content->m_reader.emplace(std::move(*reader));
    return std::unique_ptr<api::VersionContent>(std::move(content));
}

Result<void> StreamingContent::read(std::uint64_t offset, std::span<std::uint8_t> out)
{
    if (offset > size() || out.size() > size() - offset)
        return fail(ErrorKind::InvalidInput, "A read past the end of the content");
    if (m_stop.stop_requested())
        return fail(ErrorKind::NotFound, "Reading the title was cancelled.");
    const auto use = m_streams->use();
    if (!use)
        return fail(ErrorKind::NotFound, "The library was closed: open the title again.");
    return m_reader->read(offset, out);
}

Result<void> StreamingContent::prefetchOpening()
{
    // Read in steps, so a cancel between them is seen without waiting for a whole range.
    constexpr std::uint64_t kStep = 256 * 1024;
    const std::uint64_t total = size();
    Bytes head(static_cast<std::size_t>(std::min(total, library::kMediaOpeningHead)));
    for (std::uint64_t done = 0; done < head.size(); done += kStep) {
        const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(kStep, head.size() - done));
        if (auto read = this->read(done, { head.data() + done, n }); !read)
            return read;
    }
    Bytes buffer(static_cast<std::size_t>(kStep));
    for (const library::ByteRange& range : library::mediaOpeningRanges(head, total)) {
        if (range.offset + range.length <= head.size())
            continue; // read above
        for (std::uint64_t done = 0; done < range.length; done += kStep) {
            const auto n = static_cast<std::size_t>(std::min(kStep, range.length - done));
            if (auto read = this->read(range.offset + done, { buffer.data(), n }); !read)
                return read;
        }
    }
    return {};
}

} // namespace ls::market
