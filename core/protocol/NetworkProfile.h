#pragma once

#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <QByteArray>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ls::protocol {

// What a client needs to join a network and whom to trust (docs/protocol.md §7): the genesis
// hash is the light client's root of trust; the endpoints are only where to ask.
struct NetworkProfile {
    std::string name;
    std::uint64_t chainId = 0;
    Hash256 genesisHash{};
    std::vector<std::string> endpoints; // http://host:port

    // Strict: unknown fields, a malformed hash, no endpoints or a non-http(s) endpoint are errors.
    static Result<NetworkProfile> parse(const QByteArray& json);
    static Result<NetworkProfile> load(const std::filesystem::path& path);
    QByteArray serialize() const;
    Result<void> save(const std::filesystem::path& path) const; // atomic replace

    friend bool operator==(const NetworkProfile&, const NetworkProfile&) = default;
};

} // namespace ls::protocol
