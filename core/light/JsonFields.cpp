#include "core/light/JsonFields.h"

#include "core/codec/Hex.h"

#include <algorithm>

namespace ls::light::json {
namespace {

std::string name(std::string_view field)
{
    return std::string(field);
}

bool isLowerHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

bool isHex(char c)
{
    return isLowerHex(c) || (c >= 'A' && c <= 'F');
}

// The text of a "0x…" string, or an error. Bounded before any conversion.
Result<std::string> hexText(const QJsonValue& value, std::string_view field, std::size_t maxDigits)
{
    if (!value.isString())
        return fieldError(field, "expected a \"0x…\" hex string.");
    const QString text = value.toString();
    if (static_cast<std::size_t>(text.size()) > maxDigits + 2)
        return fieldError(field, "the hex string is too long.");
    std::string out = text.toStdString();
    if (out.size() < 2 || out[0] != '0' || out[1] != 'x')
        return fieldError(field, "expected a hex string starting with \"0x\".");
    return out;
}

} // namespace

std::unexpected<Error> fieldError(std::string_view field, const std::string& problem)
{
    return fail(ErrorKind::InvalidInput, "field '" + name(field) + "': " + problem);
}

Result<QJsonObject> object(const QJsonValue& value, std::string_view field)
{
    if (!value.isObject())
        return fieldError(field, "expected a JSON object.");
    return value.toObject();
}

Result<QJsonArray> array(const QJsonValue& value, std::string_view field)
{
    if (!value.isArray())
        return fieldError(field, "expected a JSON array.");
    return value.toArray();
}

Result<void> fields(const QJsonObject& object, std::string_view what,
    std::initializer_list<std::string_view> names, bool exact)
{
    for (std::string_view wanted : names)
        if (!object.contains(QLatin1String(wanted.data(), static_cast<qsizetype>(wanted.size()))))
            return fail(ErrorKind::InvalidInput,
                name(what) + ": the field '" + name(wanted) + "' is missing.");
    if (!exact)
        return {};
    for (auto it = object.begin(); it != object.end(); ++it) {
        const std::string key = it.key().toStdString();
        if (std::ranges::find(names, std::string_view(key)) == names.end())
            return fail(ErrorKind::InvalidInput,
                name(what) + ": unexpected field '" + key.substr(0, 64) + "'.");
    }
    return {};
}

Result<codec::UInt256> quantity(const QJsonValue& value, std::string_view field)
{
    auto text = hexText(value, field, 64);
    if (!text)
        return std::unexpected(text.error());
    const std::string_view digits = std::string_view(*text).substr(2);
    if (digits.empty())
        return fieldError(field, "\"0x\" is not a quantity (zero is \"0x0\").");
    if (!std::ranges::all_of(digits, isLowerHex))
        return fieldError(field, "a quantity must be lowercase hex digits.");
    if (digits.size() > 1 && digits[0] == '0')
        return fieldError(field, "a quantity must not have leading zeros.");
    auto parsed = codec::UInt256::fromHexQuantity(*text);
    if (!parsed)
        return fieldError(field, parsed.error().message);
    return *parsed;
}

Result<std::uint64_t> quantity64(const QJsonValue& value, std::string_view field)
{
    auto parsed = quantity(value, field);
    if (!parsed)
        return std::unexpected(parsed.error());
    auto small = parsed->toUint64();
    if (!small)
        return fieldError(field, "the quantity does not fit in 64 bits.");
    return *small;
}

Result<std::uint64_t> wholeNumber(const QJsonValue& value, std::string_view field)
{
    if (!value.isDouble())
        return fieldError(field, "expected a JSON number.");
    const qint64 integer = value.toInteger(-1);
    if (integer < 0)
        return fieldError(field, "expected a whole number from 0 to 2^63-1.");
    return static_cast<std::uint64_t>(integer);
}

Result<codec::UInt256> decimal(const QJsonValue& value, std::string_view field)
{
    if (!value.isString() || value.toString().size() > 80)
        return fieldError(field, "expected a string of decimal digits.");
    auto parsed = codec::UInt256::fromDecimal(value.toString().toStdString());
    if (!parsed)
        return fieldError(field, parsed.error().message);
    return *parsed;
}

Result<Bytes> data(const QJsonValue& value, std::string_view field, std::size_t maxBytes)
{
    auto text = hexText(value, field, 2 * maxBytes);
    if (!text)
        return std::unexpected(text.error());
    if (!std::ranges::all_of(std::string_view(*text).substr(2), isHex))
        return fieldError(field, "not a hex string.");
    auto bytes = codec::fromHex(*text);
    if (!bytes)
        return fieldError(field, bytes.error().message);
    return *bytes;
}

Result<Hash256> hash(const QJsonValue& value, std::string_view field)
{
    auto bytes = data(value, field, 32);
    if (!bytes)
        return std::unexpected(bytes.error());
    if (bytes->size() != 32)
        return fieldError(field, "expected 32 bytes, got " + std::to_string(bytes->size()) + ".");
    Hash256 out {};
    std::ranges::copy(*bytes, out.begin());
    return out;
}

Result<crypto::Address> address(const QJsonValue& value, std::string_view field)
{
    if (!value.isString() || value.toString().size() != 42)
        return fieldError(field, "expected a \"0x\" and 40 hex digits address.");
    auto parsed = crypto::Address::parse(value.toString().toStdString());
    if (!parsed)
        return fieldError(field, parsed.error().message);
    return *parsed;
}

QString quantityText(std::uint64_t value)
{
    return QString::fromStdString(codec::UInt256(value).toHexQuantity());
}

QString dataText(ByteView bytes)
{
    return QString::fromStdString(codec::toHex(bytes, true));
}

} // namespace ls::light::json
