#pragma once

#include "core/crypto/Secp256k1.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <compare>
#include <string>
#include <string_view>

namespace ls::crypto {

// A 20-byte account address: the last 20 bytes of keccak-256 of the 64-byte public key.
class Address {
public:
    Address() = default;
    explicit Address(const FixedBytes<20>& bytes) : m_bytes(bytes) {}

    static Address fromPublicKey(const PublicKey& key);
    static Result<Address> fromBytes(ByteView bytes); // exactly 20 bytes

    // Accepts "0x" + 40 hex digits. All-lowercase or all-uppercase is taken as is; mixed case
    // must match the EIP-55 checksum, so a mistyped address is caught before funds move.
    static Result<Address> parse(std::string_view text);

    std::string toChecksumString() const; // EIP-55, with "0x"
    const FixedBytes<20>& bytes() const { return m_bytes; }
    ByteView view() const { return {m_bytes.data(), m_bytes.size()}; }

    friend auto operator<=>(const Address&, const Address&) = default;

private:
    FixedBytes<20> m_bytes{};
};

} // namespace ls::crypto
