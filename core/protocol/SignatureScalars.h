#pragma once

#include "core/codec/UInt256.h"

#include <optional>
#include <string>

namespace ls::protocol {

// n, the order of the secp256k1 group.
codec::UInt256 secp256k1Order();

// What is wrong with a signature's (r, s) for this chain, or nothing: r and s must be in
// [1, n-1] and s must be low (s ≤ n/2, EIP-2), so every signature has exactly one valid form.
// Checked on decode, before any curve arithmetic, so the message says which rule failed.
std::optional<std::string> checkSignatureScalars(const codec::UInt256& r, const codec::UInt256& s);

} // namespace ls::protocol
