#pragma once

#include "ui/studio/StudioTitle.h"

#include <QByteArray>

#include <string>
#include <vector>

// The sales summary as CSV (RFC 4180): one row per title with its proven sales count and revenue,
// then a total; then, after an empty line, one row per sale (each proven by its receipt, see
// api::Chain::activity), oldest first, with its date in UTC (ISO 8601).
namespace ls::ui::salescsv {

inline constexpr const char* kHeader
    = "title_id,title,price_pht,listed,versions,sales,revenue_pht,proven_at_block";
inline constexpr const char* kSalesHeader
    = "date_utc,title_id,title,buyer,price_pht,service_fee_pht,tx_hash,block";

QByteArray build(
    const std::vector<StudioTitle>& titles, const std::vector<api::AccountActivity>& sales = {});
// Base units → PHT as plain decimal digits with a point ("2.5"), whatever the locale: for files
// that other programs read.
std::string plainPht(const std::string& baseUnits);

} // namespace ls::ui::salescsv
