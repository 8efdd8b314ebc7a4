#pragma once

#include "core/codec/UInt256.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>

namespace ls::node {

// A licence entry (namespace 0x04, key = title id ‖ buyer address):
// rlp([versionAtPurchase, price, time, buyerBoxKey]). The box key is the buyer's X25519 public
// key, to which key holders seal the title key (DESIGN.md §4).
struct LicenceRecord {
    std::uint32_t versionAtPurchase = 0;
    codec::UInt256 price;
    std::uint64_t timeMs = 0;
    Hash256 buyerBoxKey {};

    Bytes encode() const;
    // Canonical encoding only; versionAtPurchase above 2^32-1 is refused.
    static Result<LicenceRecord> decode(ByteView encoded);

    friend bool operator==(const LicenceRecord&, const LicenceRecord&) = default;
};

} // namespace ls::node
