#include "core/swarm/ResumeStore.h"

#include "core/codec/Hex.h"
#include "core/util/AtomicFile.h"

#include <system_error>

namespace ls::swarm {

std::filesystem::path ResumeStore::pathFor(const Hash256& infohash) const
{
    return m_directory / (codec::toHex(infohash) + ".resume");
}

std::optional<Bytes> ResumeStore::load(const Hash256& infohash) const
{
    const auto path = pathFor(infohash);
    std::error_code error;
    if (!std::filesystem::is_regular_file(path, error))
        return std::nullopt;
    auto bytes = readFileLimited(path, kMaxFileSize);
    if (!bytes || bytes->empty())
        return std::nullopt;
    return std::move(*bytes);
}

Result<void> ResumeStore::save(const Hash256& infohash, ByteView resumeData) const
{
    std::error_code error;
    std::filesystem::create_directories(m_directory, error);
    if (error)
        return fail(ErrorKind::Io,
            "Could not create the resume directory " + m_directory.string() + ": "
                + error.message());
    return writeFileAtomically(pathFor(infohash), resumeData);
}

void ResumeStore::erase(const Hash256& infohash) const
{
    std::error_code ignored; // nothing to erase is fine
    std::filesystem::remove(pathFor(infohash), ignored);
}

} // namespace ls::swarm
