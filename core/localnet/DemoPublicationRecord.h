#pragma once

#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <vector>

namespace ls::localnet {

// That the demo author finished publishing (<demo-author>/published.json): on which chain
// (its genesis hash) and as which titles. Written once, atomically, after the last demo title
// is on chain; with it a restart only seeds.
struct DemoPublicationRecord {
    Hash256 genesisHash {};
    std::vector<std::uint64_t> titleIds; // in demoTitles() order

    static std::filesystem::path file(const std::filesystem::path& directory)
    {
        return directory / "published.json";
    }
    // The record's JSON; InvalidInput (saying what is wrong) for anything else.
    static Result<DemoPublicationRecord> parse(ByteView json);
    // nullopt when the demo author has not finished; an error when the file is unreadable.
    static Result<std::optional<DemoPublicationRecord>> load(
        const std::filesystem::path& directory);
    Result<void> save(const std::filesystem::path& directory) const;
};

} // namespace ls::localnet
