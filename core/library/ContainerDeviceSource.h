#pragma once

#include "core/library/ContainerSource.h"

class QIODevice;

namespace ls::library {

// A container in a random-access QIODevice that is already open for reading (a QFile, a
// QBuffer). The device must outlive this source; it is read with seek + read, so nothing else
// should move its position meanwhile.
class ContainerDeviceSource final : public ContainerSource {
public:
    explicit ContainerDeviceSource(QIODevice& device)
        : m_device(&device)
    {
    }

    std::uint64_t size() const override;
    Result<void> readAt(std::uint64_t offset, std::span<std::uint8_t> out) override;

private:
    QIODevice* m_device;
};

} // namespace ls::library
