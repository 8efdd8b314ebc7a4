#pragma once

#include "core/api/Chain.h"
#include "core/crypto/Address.h"
#include "core/light/Verified.h"

#include <cstdint>
#include <vector>

namespace ls::light {

// The account's history from proven receipts (ActivityScan): its purchases and publications
// (with the gas fee it paid) and the sales of the titles whose TitlePublished event names it
// as author, in blocks from `fromBlock` on, newest first. Only successful receipts count; events
// of any other contract are ignored. `serviceFeeBps` prices the service fee of each sale.
std::vector<api::AccountActivity> accountActivity(const crypto::Address& account,
    std::uint64_t fromBlock, const std::vector<ConfirmedTransaction>& receipts,
    std::uint32_t serviceFeeBps);

} // namespace ls::light
