#pragma once

#include "core/api/Chain.h"
#include "core/crypto/Address.h"
#include "core/light/Verified.h"

#include <cstdint>
#include <vector>

namespace ls::light {

// The account's history from proven receipts (ActivityScan): its purchases, publications and
// sent transfers (with the gas fee it paid), the transfers it received, and the sales of the
// titles whose TitlePublished event names it as author (with the service fee their Purchased
// event records), in blocks from `fromBlock` on, newest first. Only successful receipts count;
// logs of any other emitter are ignored.
std::vector<api::AccountActivity> accountActivity(const crypto::Address& account,
    std::uint64_t fromBlock, const std::vector<ConfirmedTransaction>& receipts);

} // namespace ls::light
