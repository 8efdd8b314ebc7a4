#include "ui/library/VersionContentDevice.h"

#include <algorithm>

namespace ls::ui {

VersionContentDevice::VersionContentDevice(
    std::unique_ptr<api::VersionContent> content, QObject* parent)
    : QIODevice(parent)
    , m_content(std::move(content))
{
}

VersionContentDevice::~VersionContentDevice() = default;

qint64 VersionContentDevice::size() const
{
    return static_cast<qint64>(m_content->size());
}

bool VersionContentDevice::open(OpenMode mode)
{
    if (mode != ReadOnly) {
        setErrorString(tr("A title opens for reading only."));
        return false;
    }
    return QIODevice::open(mode);
}

qint64 VersionContentDevice::readData(char* data, qint64 maxSize)
{
    const qint64 offset = pos();
    const qint64 available = size() - offset;
    if (available <= 0)
        return -1; // the end
    const auto count = static_cast<std::size_t>(std::min(maxSize, available));
    std::lock_guard lock(m_mutex);
    auto read = m_content->read(
        static_cast<std::uint64_t>(offset), { reinterpret_cast<std::uint8_t*>(data), count });
    if (!read) {
        // A damaged or tampered chunk: the viewer shows the failure instead of wrong bytes.
        setErrorString(QString::fromStdString(read.error().message));
        return -1;
    }
    return static_cast<qint64>(count);
}

qint64 VersionContentDevice::writeData(const char*, qint64)
{
    return -1;
}

} // namespace ls::ui
