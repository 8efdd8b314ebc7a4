#pragma once

#include "core/codec/AbiRevert.h"
#include "core/protocol/Log.h"
#include "core/util/Bytes.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ls::node {

// What a call did, short of an error in the node itself (which is an Error instead): it either
// succeeded with ABI-encoded output and logs, or reverted with a reason. A revert is an outcome
// the chain records (receipt status 0), not a failure of the node.
struct CallResult {
    std::optional<std::string> revertReason; // set iff the call reverted
    Bytes output; // ABI-encoded return values; empty after a revert
    std::vector<protocol::Log> logs; // dropped by a revert
    std::uint64_t gasUsed = 0; // intrinsic + the function's gas (set by the Executor)

    bool reverted() const { return revertReason.has_value(); }
    // The revert as eth_call reports it: ABI Error(string) (selector 0x08c379a0).
    Bytes revertData() const { return codec::encodeRevertReason(revertReason.value_or("")); }

    static CallResult revert(std::string_view reason)
    {
        CallResult result;
        result.revertReason = std::string(reason);
        return result;
    }
};

} // namespace ls::node
