#pragma once

#include "core/api/Studio.h"
#include "core/util/Error.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace ls::market {

// The durable record of one publication (a new title's first version, or a new version of a
// title), so that a run stopped at any moment — crash, kill, cancel, lost network — continues
// where it stopped. One JSON file per job in the profile's `publishing/` directory, replaced
// atomically (core/util/AtomicFile) after every step that must not be repeated, and removed
// when the publication is complete.
//
// It holds no secret in the clear: the new title's key is sealed to the author's own box key
// (the wallet opens it again, as a buyer opens a delivered key) until it is in the library.
struct PublishJob {
    // What is durably done. Each step runs only when the stage says it has not run yet, and each
    // step that talks to the chain first looks whether an earlier run's transaction made it.
    enum class Stage {
        Prepared = 1, // key made and sealed; metadata file and torrent written
        TitleRegistered = 2, // the title is on chain (titleId), key and title in the library
        Encrypted = 3, // the container is complete under its final name
        Hashed = 4, // its torrent is written (contentInfohash)
        VersionRegistered = 5, // the version is on chain and in the library
    };

    std::string id; // 16 hex digits
    std::int64_t createdAtMs = 0;
    bool newTitle = true;
    api::PublishRequest request; // request.file is absolute
    Stage stage = Stage::Prepared;

    std::uint64_t titleId = 0;
    std::uint32_t version = 0; // the version the container is written as
    std::string sealedTitleKey; // hex, new titles only
    std::string keyCommitment; // 0x hex
    std::string metadataFile; // names in content/
    std::string metadataInfohash; // 0x hex
    std::uint64_t titleCountBefore = 0; // titles on chain before ours was sent
    std::string titleTxHash;
    std::string containerFile;
    std::string contentInfohash;
    std::uint64_t containerSize = 0;
    std::string versionTxHash;

    static std::string newId();
    static std::filesystem::path fileOf(
        const std::filesystem::path& profile, const std::string& id);

    // The record's JSON, as save() writes it.
    Bytes encode() const;
    // Writes the job atomically (0600).
    Result<void> save(const std::filesystem::path& profile) const;
    Result<void> remove(const std::filesystem::path& profile) const;
    static Result<PublishJob> load(const std::filesystem::path& file);
    // The strict reader behind load(): `file` names the record in messages, and its name must be
    // the job's id (a record copied under another name is refused).
    static Result<PublishJob> decode(ByteView bytes, const std::filesystem::path& file);
    // Every job in the profile, oldest first; unreadable files are reported, not skipped silently.
    static Result<std::vector<PublishJob>> list(const std::filesystem::path& profile);

    // The stage the user sees next for a job at `stage`.
    api::PublishStage nextVisibleStage() const;
    api::UnfinishedPublication summary() const;
};

} // namespace ls::market
