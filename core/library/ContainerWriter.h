#pragma once

#include "core/library/ContainerFormat.h"
#include "core/library/TitleKeys.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <QString>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <stop_token>
#include <string>

class QIODevice;

namespace ls::library {

// Encrypts content into a container (docs/protocol.md §9) as a stream: plaintext is read from a
// QIODevice one chunk at a time into a single chunk-sized buffer, sealed there in place and
// written out, so memory use is one chunk (64 KiB by default) whatever the content's size. The
// buffer is wiped when the write ends.
//
// Long writes report progress and can be cancelled (from another thread) through a stop token.
// A write that fails or is cancelled leaves an incomplete container behind on the output device:
// writeFile never lets one appear under the container's name (it writes through QSaveFile and
// commits only a finished container), and a reader refuses an incomplete one as truncated.
class ContainerWriter {
public:
    struct Settings {
        std::uint64_t titleId = 0; // the Catalog's title id (from 1)
        std::uint32_t version = 0; // the version this container will be added as (from 1)
        std::string mediaType; // lowercase MIME type, e.g. "video/mp4"
        std::uint32_t chunkSize = container::kDefaultChunkSize;
    };
    // Plaintext bytes consumed so far and in total. Called at most once per kProgressStep and
    // once at the end, on the writing thread.
    using Progress = std::function<void(std::uint64_t done, std::uint64_t total)>;
    static constexpr std::uint64_t kProgressStep = 1024 * 1024;

    ContainerWriter(const VersionKey& key, Settings settings);

    void setProgress(Progress progress) { m_progress = std::move(progress); }
    void setStopToken(std::stop_token stop) { m_stop = std::move(stop); }

    // Test vectors only: a fixed nonce base makes the output deterministic. Reusing a nonce base
    // with the same key and different content destroys confidentiality, so real writers never
    // call this (each write otherwise draws a fresh random one).
    void setNonceBaseForTestVectors(const FixedBytes<container::kNonceBaseSize>& nonceBase)
    {
        m_fixedNonceBase = nonceBase;
    }

    // Reads exactly `plaintextSize` bytes from `plaintext` (which must end there) and writes the
    // container to `output`. Both devices must already be open. The size is needed up front
    // because the header, which every chunk's authentication binds, records it.
    Result<container::ContainerHeader> write(
        QIODevice& plaintext, std::uint64_t plaintextSize, QIODevice& output);

    // Encrypts the file at `plaintextPath` into `containerPath`, replacing it atomically only
    // when the whole container has been written.
    Result<container::ContainerHeader> writeFile(
        const QString& plaintextPath, const QString& containerPath);

    // The one buffer a write uses, in bytes: the chunk size.
    std::size_t bufferSize() const { return m_settings.chunkSize; }

private:
    Result<void> checkSettings(std::uint64_t plaintextSize) const;

    VersionKey m_key;
    Settings m_settings;
    Progress m_progress;
    std::stop_token m_stop;
    std::optional<FixedBytes<container::kNonceBaseSize>> m_fixedNonceBase;
};

} // namespace ls::library
