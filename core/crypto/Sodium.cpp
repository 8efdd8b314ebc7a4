#include "core/crypto/Sodium.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

namespace ls::crypto {

void ensureSodium()
{
    // A function-local static is initialised once, with the other threads blocked until it is
    // done (C++11 "magic statics"), which is exactly the guarantee sodium_init needs.
    static const bool ready = [] { return sodium_init() >= 0; }();
    if (!ready) {
        std::fputs("fatal: libsodium could not be initialised (no entropy source?)\n", stderr);
        std::abort();
    }
}

} // namespace ls::crypto
