#include "core/library/ContainerStream.h"

#include <algorithm>
#include <span>

namespace ls::library {

ContainerStream::ContainerStream(std::unique_ptr<ContainerSource> source, QObject* parent)
    : QIODevice(parent)
    , m_source(std::move(source))
{
}

ContainerStream::~ContainerStream() = default;

Result<std::unique_ptr<ContainerStream>> ContainerStream::open(
    std::unique_ptr<ContainerSource> source, const VersionKey& key, QObject* parent)
{
    if (!source)
        return fail(ErrorKind::Internal, "a container stream needs a source");
    auto reader = ContainerReader::open(*source, key);
    if (!reader)
        return std::unexpected(reader.error());
    std::unique_ptr<ContainerStream> stream(new ContainerStream(std::move(source), parent));
    stream->m_reader.emplace(std::move(*reader)); // still reads the same source object
    // Unbuffered: QIODevice would otherwise keep its own (unwiped) copy of plaintext read ahead.
    stream->QIODevice::open(QIODevice::ReadOnly | QIODevice::Unbuffered);
    return stream;
}

qint64 ContainerStream::size() const
{
    return static_cast<qint64>(m_reader->plaintextSize());
}

bool ContainerStream::seek(qint64 position)
{
    if (position < 0 || position > size())
        return false;
    return QIODevice::seek(position);
}

qint64 ContainerStream::readData(char* data, qint64 maxSize)
{
    const qint64 position = pos();
    const qint64 wanted = std::min(maxSize, size() - position);
    if (wanted <= 0)
        return 0; // the end of the content
    auto read = m_reader->read(static_cast<std::uint64_t>(position),
        std::span<std::uint8_t>(
            reinterpret_cast<std::uint8_t*>(data), static_cast<std::size_t>(wanted)));
    if (!read) {
        m_lastError = read.error();
        setErrorString(QString::fromStdString(read.error().message));
        return -1;
    }
    return wanted;
}

qint64 ContainerStream::writeData(const char*, qint64)
{
    setErrorString(QStringLiteral("A title's content is read-only."));
    return -1;
}

} // namespace ls::library
