#pragma once

#include "core/codec/RlpDecoder.h"
#include "core/codec/UInt256.h"
#include "core/protocol/Log.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>
#include <string>
#include <vector>

namespace ls::protocol {

// The outcome of one transaction in a block (docs/protocol.md §5):
// rlp([txHash, status, gasUsed, cumulativeGasUsed, effectiveGasPrice, logs, revertReason]).
// Receipts' encodings are the items of the receipts root (MerkleList), so a light client can
// prove "your transaction is in, and this is what it did".
struct Receipt {
    static constexpr std::uint8_t kFailure = 0; // reverted: only the nonce and the fee remain
    static constexpr std::uint8_t kSuccess = 1;

    Hash256 txHash {};
    std::uint8_t status = kSuccess;
    std::uint64_t gasUsed = 0;
    std::uint64_t cumulativeGasUsed = 0; // in the block, up to and including this transaction
    codec::UInt256 effectiveGasPrice;
    std::vector<Log> logs;
    std::string revertReason; // UTF-8; empty on success

    Bytes encode() const;
    // Canonical encoding only; also refused: a status other than 0 or 1, a revert reason that
    // is not UTF-8, and a successful receipt with a revert reason.
    static Result<Receipt> decode(ByteView encoded);
    static Result<Receipt> fromRlp(const codec::RlpItem& item);

    friend bool operator==(const Receipt&, const Receipt&) = default;
};

} // namespace ls::protocol
