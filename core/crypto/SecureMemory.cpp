#include "core/crypto/SecureMemory.h"

#include <sodium.h>

namespace ls::crypto {

void secureWipe(void* data, std::size_t size)
{
    if (data == nullptr || size == 0)
        return;
    // sodium_memzero needs no sodium_init and is written so the compiler cannot drop it as a
    // dead store (explicit_bzero / memset_s / volatile writes, depending on the platform).
    sodium_memzero(data, size);
}

bool constantTimeEqual(ByteView a, ByteView b)
{
    if (a.size() != b.size())
        return false;
    if (a.empty())
        return true;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

SecretBytes& SecretBytes::operator=(const SecretBytes& other)
{
    if (this != &other) {
        // Wipe first: the assignment may reuse this buffer or free it, and a freed buffer must
        // not keep the old secret around.
        wipe();
        m_bytes = other.m_bytes;
    }
    return *this;
}

SecretBytes& SecretBytes::operator=(SecretBytes&& other) noexcept
{
    if (this != &other) {
        wipe();
        m_bytes = std::move(other.m_bytes);
        other.m_bytes.clear();
    }
    return *this;
}

} // namespace ls::crypto
