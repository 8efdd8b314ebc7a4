#pragma once

#include "core/protocol/Receipt.h"
#include "core/util/Bytes.h"

#include <cstdint>

namespace ls::light {

// A value proven against the verified block at `height` (hash `blockHash`).
template <typename T> struct Verified {
    T value;
    std::uint64_t height = 0;
    Hash256 blockHash {};
};

// A transaction proven included: its receipt is at `index` in the receipts root of the verified
// block at `height`.
struct ConfirmedTransaction {
    protocol::Receipt receipt;
    std::uint64_t height = 0;
    std::uint64_t index = 0;
    Hash256 blockHash {};
    std::uint64_t timeMs = 0; // the verified block's time
};

} // namespace ls::light
