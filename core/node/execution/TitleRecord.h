#pragma once

#include "core/codec/UInt256.h"
#include "core/crypto/Address.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>
#include <string>

namespace ls::node {

// A title entry (namespace 0x02, key = title id): rlp([author, metadataInfohash, keyCommitment,
// price, subject, salesModel, listed, versionCount, salesCount, revenue, publishedAt]).
struct TitleRecord {
    crypto::Address author;
    Hash256 metadataInfohash {};
    Hash256 keyCommitment {};
    codec::UInt256 price;
    std::string subject; // UTF-8 as the author sent it, at most 64 bytes
    std::uint8_t salesModel = 0;
    bool listed = true;
    std::uint32_t versionCount = 0;
    std::uint64_t salesCount = 0;
    codec::UInt256 revenue; // sum of the prices paid, before the service fee
    std::uint64_t publishedAtMs = 0;

    Bytes encode() const;
    // Canonical encoding only; also refused: listed other than 0/1, salesModel above 255,
    // versionCount above 2^32-1.
    static Result<TitleRecord> decode(ByteView encoded);

    friend bool operator==(const TitleRecord&, const TitleRecord&) = default;
};

} // namespace ls::node
