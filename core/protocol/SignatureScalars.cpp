#include "core/protocol/SignatureScalars.h"

namespace ls::protocol {

codec::UInt256 secp256k1Order()
{
    // FFFFFFFF FFFFFFFF FFFFFFFF FFFFFFFE BAAEDCE6 AF48A03B BFD25E8C D0364141 (SEC 2, §2.4.1)
    static const codec::UInt256 order = *codec::UInt256::fromHexQuantity(
        "0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141");
    return order;
}

std::optional<std::string> checkSignatureScalars(const codec::UInt256& r, const codec::UInt256& s)
{
    const codec::UInt256 n = secp256k1Order();
    if (r.isZero())
        return "r is zero";
    if (s.isZero())
        return "s is zero";
    if (r >= n)
        return "r is not below the secp256k1 group order";
    if (s >= n)
        return "s is not below the secp256k1 group order";
    if (s > (n >> 1))
        return "s is in the upper half of the group order (high S); only low-S signatures are "
               "valid (EIP-2)";
    return std::nullopt;
}

} // namespace ls::protocol
