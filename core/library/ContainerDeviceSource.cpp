#include "core/library/ContainerDeviceSource.h"

#include <QIODevice>

#include <limits>

namespace ls::library {

std::uint64_t ContainerDeviceSource::size() const
{
    qint64 size = m_device->size();
    return size < 0 ? 0 : static_cast<std::uint64_t>(size);
}

Result<void> ContainerDeviceSource::readAt(std::uint64_t offset, std::span<std::uint8_t> out)
{
    if (m_device->isSequential())
        return fail(ErrorKind::Internal, "a container can only be read from a seekable device");
    if (offset > static_cast<std::uint64_t>(std::numeric_limits<qint64>::max())
        || !m_device->seek(static_cast<qint64>(offset)))
        return fail(ErrorKind::Io,
            "Could not read the container: " + m_device->errorString().toStdString());
    std::size_t filled = 0;
    while (filled < out.size()) {
        qint64 got = m_device->read(
            reinterpret_cast<char*>(out.data() + filled), static_cast<qint64>(out.size() - filled));
        if (got < 0)
            return fail(ErrorKind::Io,
                "Could not read the container: " + m_device->errorString().toStdString());
        if (got == 0)
            // The file shrank after the reader checked its size (being replaced or cut).
            return fail(ErrorKind::InvalidInput,
                "The container is truncated: the file ended while it was being read.");
        filled += static_cast<std::size_t>(got);
    }
    return {};
}

} // namespace ls::library
