#pragma once

#include "core/util/Bytes.h"

namespace ls::crypto {

// RIPEMD-160 (Dobbertin, Bosselaers, Preneel 1996). Only BIP-32 key fingerprints use it here
// (HASH160 = RIPEMD-160 of SHA-256), and libsodium does not offer it, hence our own.
FixedBytes<20> ripemd160(ByteView data);

} // namespace ls::crypto
