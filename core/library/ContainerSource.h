#pragma once

#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>

namespace ls::library {

// Where a ContainerReader gets its bytes. Small on purpose, so that besides files it can be a
// partly downloaded torrent: size() is the container's full size as announced (the torrent knows
// it before the data arrives), and readAt may fail for ranges that have not arrived yet — with
// ErrorKind::NotFound, so a streaming caller can wait and retry instead of calling it damage.
class ContainerSource {
public:
    virtual ~ContainerSource() = default;

    virtual std::uint64_t size() const = 0;
    // Fills all of `out` from `offset` (the reader never asks past size()), or fails.
    virtual Result<void> readAt(std::uint64_t offset, std::span<std::uint8_t> out) = 0;

    // Sources that already hold the bytes in memory (an in-memory container; pieces a torrent
    // handed over in a buffer) may lend them instead of copying: the reader then decrypts
    // straight from the view. nullopt means "use readAt". The view must stay valid until the next
    // call on this source.
    virtual std::optional<ByteView> viewAt(std::uint64_t offset, std::size_t size)
    {
        (void)offset;
        (void)size;
        return std::nullopt;
    }
};

// A container already in memory (tests, the fuzzer, small files). The bytes must outlive it.
class ContainerMemorySource final : public ContainerSource {
public:
    explicit ContainerMemorySource(ByteView bytes)
        : m_bytes(bytes)
    {
    }

    std::uint64_t size() const override { return m_bytes.size(); }
    Result<void> readAt(std::uint64_t offset, std::span<std::uint8_t> out) override
    {
        if (offset > m_bytes.size() || out.size() > m_bytes.size() - offset)
            return fail(ErrorKind::Internal, "read past the end of an in-memory container");
        std::copy_n(m_bytes.begin() + static_cast<std::ptrdiff_t>(offset), out.size(), out.begin());
        return {};
    }
    std::optional<ByteView> viewAt(std::uint64_t offset, std::size_t size) override
    {
        if (offset > m_bytes.size() || size > m_bytes.size() - offset)
            return std::nullopt;
        return m_bytes.subspan(static_cast<std::size_t>(offset), size);
    }

private:
    ByteView m_bytes;
};

} // namespace ls::library
