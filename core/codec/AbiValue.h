#pragma once

#include "core/codec/UInt256.h"
#include "core/util/Bytes.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace ls::codec {

// A value to ABI-encode or one decoded, shaped by an AbiType:
//   uint<M>          Number (UInt256)
//   int<M>           Number holding the two's complement in 256 bits (see fromInt64/toInt64)
//   address          Address (20 bytes)
//   bool             bool
//   bytes<M>, bytes  Bytes (exactly M bytes for bytes<M>)
//   string           std::string (UTF-8 bytes; not validated, as the ABI does not)
//   T[], T[k], tuple List
class AbiValue {
public:
    using Address = FixedBytes<20>;
    using List = std::vector<AbiValue>;
    using Storage = std::variant<UInt256, bool, Address, Bytes, std::string, List>;

    AbiValue() = default;
    static AbiValue number(const UInt256& value) { return make<UInt256>(value); }
    static AbiValue boolean(bool value) { return make<bool>(value); }
    static AbiValue address(const Address& value) { return make<Address>(value); }
    static AbiValue bytes(Bytes value) { return make<Bytes>(std::move(value)); }
    static AbiValue bytes(ByteView value) { return make<Bytes>(value.begin(), value.end()); }
    static AbiValue string(std::string value) { return make<std::string>(std::move(value)); }
    static AbiValue list(List values) { return make<List>(std::move(values)); }

    // Signed integers as 256-bit two's complement: -1 is 2^256 - 1.
    static AbiValue fromInt64(std::int64_t value);
    // The signed reading of a Number when it lies in int64's range; nullopt otherwise.
    std::optional<std::int64_t> toInt64() const;

    const Storage& storage() const { return m_value; }
    template <typename T> const T* get() const { return std::get_if<T>(&m_value); }
    const UInt256* asNumber() const { return get<UInt256>(); }
    const bool* asBool() const { return get<bool>(); }
    const Address* asAddress() const { return get<Address>(); }
    const Bytes* asBytes() const { return get<Bytes>(); }
    const std::string* asString() const { return get<std::string>(); }
    const List* asList() const { return get<List>(); }

    friend bool operator==(const AbiValue&, const AbiValue&) = default;

private:
    template <typename T, typename... Args> static AbiValue make(Args&&... args)
    {
        AbiValue out;
        out.m_value.emplace<T>(std::forward<Args>(args)...);
        return out;
    }

    Storage m_value;
};

} // namespace ls::codec
