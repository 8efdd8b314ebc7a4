#pragma once

#include "core/api/Chain.h"
#include "core/codec/UInt256.h"
#include "core/crypto/Address.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// The Catalog's calls as a wallet makes them (docs/protocol.md §4 and §6): calldata, the exact
// gas of the fixed schedule, and the ids its events report. The client's own copy, written from
// the spec like core/light's records: sharing core/node's would let one misreading hide itself.
namespace ls::market {

crypto::Address catalogAddress(); // 0x…0ca7a1

// Calldata and the gas it costs: intrinsic (21,000 + 16 per non-zero and 4 per zero byte) plus
// the function's own gas.
struct PreparedCall {
    Bytes data;
    std::uint64_t gasLimit = 0;
};

PreparedCall transferCall(); // a plain transfer: no data, 21,000 gas
PreparedCall publishCall(const Hash256& metadataInfohash, const Hash256& keyCommitment,
    const codec::UInt256& price, const std::string& subject);
PreparedCall addVersionCall(std::uint64_t titleId, const Hash256& contentInfohash,
    std::uint64_t size, const std::string& note);
PreparedCall setPriceCall(std::uint64_t titleId, const codec::UInt256& price);
PreparedCall setListedCall(std::uint64_t titleId, bool listed);
PreparedCall purchaseCall(std::uint64_t titleId, const Hash256& buyerBoxKey);

// The id in the Catalog's TitlePublished / VersionAdded event of a proven receipt; an error if
// the receipt has no such event from the Catalog.
Result<std::uint64_t> publishedTitleId(const std::vector<api::LogEntry>& logs);
Result<std::uint32_t> addedVersionNumber(const std::vector<api::LogEntry>& logs);

// Checks the text fields users type, with the Catalog's own limits, before anything is signed.
Result<void> checkSubject(const std::string& subject); // ≤ 64 bytes
Result<void> checkNote(const std::string& note); // ≤ 256 bytes

} // namespace ls::market
