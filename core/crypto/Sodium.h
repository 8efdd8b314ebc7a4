#pragma once

namespace ls::crypto {

// Initialises libsodium exactly once per process. Thread-safe and cheap after the first call;
// every libsodium wrapper calls it first, so callers never have to remember to.
// libsodium failing to initialise (no usable entropy source) leaves no safe way to continue, so
// that case aborts rather than returning an error.
void ensureSodium();

} // namespace ls::crypto
