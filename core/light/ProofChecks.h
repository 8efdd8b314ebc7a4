#pragma once

#include "core/light/ChainRecords.h"
#include "core/light/RpcTypes.h"
#include "core/light/TrustedState.h"
#include "core/light/Verified.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <optional>
#include <string_view>

// The checks that turn a server's proof into a fact, against a verified block (pure functions).
namespace ls::light {

// The value of `key` in the state of the verified block `at`: the entry's bytes, or nullopt when
// the proof shows it absent. `what` names the entry in messages ("balance", "title 7"). Fails
// (ErrorKind::Verification) when the proof is for another height or does not lead to the
// verified state root, e.g. "The server's balance proof does not match the verified state root
// at height 12: …".
Result<std::optional<Bytes>> checkStateProof(
    const TrustedState& at, const StateKey& key, const StateProofInfo& info, std::string_view what);

// A receipt proof for `txHash` against the verified block `at` (which must be at the proof's
// height): the receipt must be for that transaction and its encoding must be in the block's
// receipts root at the index given.
Result<ConfirmedTransaction> checkReceiptProof(
    const TrustedState& at, const Hash256& txHash, const ReceiptProofInfo& info);

} // namespace ls::light
