#pragma once

#include "core/crypto/Address.h"
#include "core/util/Bytes.h"

#include <cstdint>
#include <string_view>

// Where each kind of entry lives in the state tree (docs/protocol.md §3 and §7): one namespace
// byte and a key. Title ids and version numbers are big-endian, so a title's versions and
// licences share its 8-byte prefix.
namespace ls::node::state {

inline constexpr std::uint8_t kAccountNamespace = 0x01;
inline constexpr std::uint8_t kTitleNamespace = 0x02;
inline constexpr std::uint8_t kVersionNamespace = 0x03;
inline constexpr std::uint8_t kLicenceNamespace = 0x04;
inline constexpr std::uint8_t kCatalogCountersNamespace = 0x05;
inline constexpr std::uint8_t kParamsNamespace = 0x06;

inline constexpr std::string_view kCatalogCountersKey = "titles";
inline constexpr std::string_view kParamsKey = "params";

inline ByteView accountKey(const crypto::Address& address)
{
    return address.view();
}
FixedBytes<8> titleKey(std::uint64_t titleId);
FixedBytes<12> versionKey(std::uint64_t titleId, std::uint32_t version);
FixedBytes<28> licenceKey(std::uint64_t titleId, const crypto::Address& buyer);

} // namespace ls::node::state
