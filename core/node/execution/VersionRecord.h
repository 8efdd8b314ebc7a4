#pragma once

#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>
#include <string>

namespace ls::node {

// A version entry (namespace 0x03, key = title id ‖ version number):
// rlp([contentInfohash, size, note, addedAt]).
struct VersionRecord {
    Hash256 contentInfohash {};
    std::uint64_t size = 0; // bytes of the version's container
    std::string note; // UTF-8 as the author sent it, at most 256 bytes
    std::uint64_t addedAtMs = 0;

    Bytes encode() const;
    static Result<VersionRecord> decode(ByteView encoded); // canonical encoding only

    friend bool operator==(const VersionRecord&, const VersionRecord&) = default;
};

} // namespace ls::node
