#pragma once

#include <string_view>

// The exact texts of docs/protocol.md §4 and §6. Users read them in receipts and wallets, and
// clients may match on them, so they change only together with the spec.
namespace ls::node::revert {

inline constexpr std::string_view kUnknownTitle = "unknown title";
inline constexpr std::string_view kUnknownVersion = "unknown version";
inline constexpr std::string_view kOnlyAuthor = "only the author can do this";
inline constexpr std::string_view kNotListed = "title is not listed";
inline constexpr std::string_view kNoVersion = "title has no version yet";
inline constexpr std::string_view kWrongPrice = "wrong price: send exactly the title's price";
inline constexpr std::string_view kAlreadyPurchased = "already purchased";
inline constexpr std::string_view kSubjectTooLong = "subject too long";
inline constexpr std::string_view kNoteTooLong = "note too long";
inline constexpr std::string_view kUnsupportedSalesModel = "unsupported sales model";
inline constexpr std::string_view kInsufficientFunds = "insufficient funds";
inline constexpr std::string_view kOverflow = "arithmetic overflow";
inline constexpr std::string_view kUnknownFunction = "unknown function";
inline constexpr std::string_view kNotPayable = "this function does not accept payment";
inline constexpr std::string_view kMalformedCalldata = "malformed call data";
inline constexpr std::string_view kOutOfGas = "out of gas";

} // namespace ls::node::revert
