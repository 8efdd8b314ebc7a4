#pragma once

#include "core/codec/UInt256.h"
#include "core/crypto/Address.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

// Strict readers for the JSON a server sends. Each says which field is wrong and why, and none
// accepts a second spelling of a value: quantities are "0x" and lowercase hex without leading
// zeros, data is "0x" and an even number of hex digits, hashes and addresses exactly their size.
namespace ls::light::json {

// No single field the light client reads is anywhere near this; it bounds the work a lying
// server can cause per field.
inline constexpr std::size_t kMaxDataBytes = 1 << 20;

std::unexpected<Error> fieldError(std::string_view field, const std::string& problem);

Result<QJsonObject> object(const QJsonValue& value, std::string_view field);
Result<QJsonArray> array(const QJsonValue& value, std::string_view field);
// The object must have exactly these fields when `exact`, at least these otherwise.
Result<void> fields(const QJsonObject& object, std::string_view what,
    std::initializer_list<std::string_view> names, bool exact);

Result<codec::UInt256> quantity(const QJsonValue& value, std::string_view field);
Result<std::uint64_t> quantity64(const QJsonValue& value, std::string_view field);
// A JSON number that is a whole number from 0 to 2^63-1 (genesis files use plain numbers).
Result<std::uint64_t> wholeNumber(const QJsonValue& value, std::string_view field);
// Decimal digits in a string (amounts in base units).
Result<codec::UInt256> decimal(const QJsonValue& value, std::string_view field);
Result<Bytes> data(
    const QJsonValue& value, std::string_view field, std::size_t maxBytes = kMaxDataBytes);
Result<Hash256> hash(const QJsonValue& value, std::string_view field);
Result<crypto::Address> address(const QJsonValue& value, std::string_view field);

// For requests: "0x…" quantity and data.
QString quantityText(std::uint64_t value);
QString dataText(ByteView bytes);

} // namespace ls::light::json
