#pragma once

#include "core/util/Bytes.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace ls::crypto {

// Overwrites memory in a way the optimiser cannot elide (sodium_memzero).
void secureWipe(void* data, std::size_t size);

// Constant-time equality for MACs, tags and secrets. Different lengths compare unequal (the
// length itself is not secret).
bool constantTimeEqual(ByteView a, ByteView b);

// A fixed-size secret (private key, seed, chain code) that wipes itself when destroyed.
template <std::size_t N>
class Secret {
public:
    Secret() { m_bytes.fill(0); }
    explicit Secret(const std::array<std::uint8_t, N>& bytes) : m_bytes(bytes) {}
    Secret(const Secret& other) = default;
    Secret& operator=(const Secret& other) = default;
    ~Secret() { secureWipe(m_bytes.data(), N); }

    static constexpr std::size_t size() { return N; }
    std::uint8_t* data() { return m_bytes.data(); }
    const std::uint8_t* data() const { return m_bytes.data(); }
    ByteView view() const { return {m_bytes.data(), N}; }

private:
    std::array<std::uint8_t, N> m_bytes;
};

// A variable-size secret (mnemonic text, decrypted keystore payload) wiped on destruction.
class SecretBytes {
public:
    SecretBytes() = default;
    explicit SecretBytes(std::size_t size) : m_bytes(size, 0) {}
    explicit SecretBytes(ByteView bytes) : m_bytes(bytes.begin(), bytes.end()) {}
    SecretBytes(const SecretBytes& other) = default;
    SecretBytes(SecretBytes&& other) noexcept : m_bytes(std::move(other.m_bytes)) {}
    SecretBytes& operator=(const SecretBytes& other);
    SecretBytes& operator=(SecretBytes&& other) noexcept;
    ~SecretBytes() { wipe(); }

    std::size_t size() const { return m_bytes.size(); }
    bool empty() const { return m_bytes.empty(); }
    std::uint8_t* data() { return m_bytes.data(); }
    const std::uint8_t* data() const { return m_bytes.data(); }
    ByteView view() const { return {m_bytes.data(), m_bytes.size()}; }
    std::string_view asText() const
    {
        return {reinterpret_cast<const char*>(m_bytes.data()), m_bytes.size()};
    }

private:
    void wipe() { secureWipe(m_bytes.data(), m_bytes.size()); }
    Bytes m_bytes;
};

} // namespace ls::crypto
