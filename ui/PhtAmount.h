#pragma once

#include <QString>

#include <cstdint>
#include <optional>
#include <string>

// PHT amounts as the services speak them: base units (1 PHT = 10^18) in decimal digits, of any
// size (a uint256 on chain). The arithmetic works on the digits so that no amount is ever rounded
// or overflows on its way to the screen.
namespace ls::ui::pht {

inline constexpr int kDecimals = 18;

// "12.5" (or "12,5" in the user's locale) → "12500000000000000000". nullopt with a sentence in
// `error` for text that is not an amount, has more than 18 decimals, or is not above zero.
std::optional<std::string> parse(const QString& text, QString* error = nullptr);

// "12500000000000000000" → "12.5" with the locale's digit grouping ("10,000"); no unit.
QString format(const std::string& baseUnits);
// format() followed by " PHT".
QString formatWithUnit(const std::string& baseUnits);

// Digit arithmetic on base units. compare() returns <0, 0 or >0.
int compare(const std::string& a, const std::string& b);
std::string add(const std::string& a, const std::string& b);
std::optional<std::string> subtract(const std::string& a, const std::string& b); // nullopt: < 0
std::string multiply(const std::string& a, std::uint64_t factor);

} // namespace ls::ui::pht
