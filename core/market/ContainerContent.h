#pragma once

#include "core/api/Library.h"
#include "core/library/ContainerDeviceSource.h"
#include "core/library/ContainerReader.h"
#include "core/library/Library.h"

#include <QFile>

#include <memory>
#include <optional>

namespace ls::market {

// api::VersionContent over a complete container in the profile: the file stays encrypted on
// disk and each read decrypts the chunks it touches, in memory (ContainerReader).
class ContainerContent final : public api::VersionContent {
public:
    // The downloaded (or published) version's container, opened with its key from the library.
    static Result<std::unique_ptr<api::VersionContent>> open(
        library::Library& library, std::uint64_t titleId, std::uint32_t version);

    std::uint64_t size() const override { return m_reader->plaintextSize(); }
    std::string mediaType() const override { return m_reader->header().mediaType; }
    Result<void> read(std::uint64_t offset, std::span<std::uint8_t> out) override;

private:
    explicit ContainerContent(const QString& path);

    QFile m_file;
    library::ContainerDeviceSource m_source;
    std::optional<library::ContainerReader> m_reader;
};

} // namespace ls::market
