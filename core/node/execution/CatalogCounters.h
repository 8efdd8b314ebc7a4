#pragma once

#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>

namespace ls::node {

// The catalog counters entry (namespace 0x05, key "titles"): rlp([nextTitleId]). Title ids start
// at 1, so an absent entry means nextTitleId = 1 and titleCount() = nextTitleId - 1.
struct CatalogCounters {
    std::uint64_t nextTitleId = 1;

    std::uint64_t titleCount() const { return nextTitleId - 1; }

    Bytes encode() const;
    // Canonical encoding only; nextTitleId 0 is refused (ids start at 1).
    static Result<CatalogCounters> decode(ByteView encoded);

    friend bool operator==(const CatalogCounters&, const CatalogCounters&) = default;
};

} // namespace ls::node
