#pragma once

#include "core/library/LibraryTypes.h"
#include "core/library/TitleKeys.h"
#include "core/util/Error.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

namespace ls::library {

struct LibraryContext;

// The titles the user owns, their versions and their wrapped title keys. A view of an open
// Library (Library::titles()); it must not outlive it. Every call is one transaction (joining
// the caller's, if one is open).
class LibraryTitles {
public:
    static constexpr std::size_t kMaxMetadataBytes = 1024 * 1024;
    static constexpr std::size_t kMaxNoteBytes = 4096;

    explicit LibraryTitles(LibraryContext& context)
        : m_context(&context)
    {
    }

    // Adds a purchased title with the versions known so far. `title.addedAtMs` is set from the
    // library's clock. Refuses a title already present (InvalidInput) and metadata that is not a
    // JSON object.
    Result<OwnedTitle> add(const OwnedTitle& title, std::span<const TitleVersion> versions = {});
    // Replaces the metadata document and the licence facts of a title already present.
    Result<void> update(const OwnedTitle& title);
    // Forgets the title with its versions, key and download states (reading state is kept, see
    // docs/library.md). NotFound when absent. The container files are the caller's to delete.
    Result<void> remove(std::uint64_t titleId);

    Result<bool> contains(std::uint64_t titleId);
    Result<OwnedTitle> title(std::uint64_t titleId); // NotFound when absent
    Result<std::uint64_t> count();

    // Records versions as published on chain. Recording a known version again with the same
    // facts is a no-op; with different facts it is refused (versions never change).
    Result<void> addVersions(std::uint64_t titleId, std::span<const TitleVersion> versions);
    Result<std::vector<TitleVersion>> versions(std::uint64_t titleId); // ascending
    Result<TitleVersion> version(std::uint64_t titleId, std::uint32_t number);

    // Stores (or replaces) the title key, wrapped under the library's master key, after checking
    // it against the title's key commitment (Verification when it does not match).
    Result<void> storeKey(std::uint64_t titleId, const TitleKey& titleKey);
    Result<bool> hasKey(std::uint64_t titleId);
    // The unwrapped key in wiped memory. NotFound when no key was stored; Verification when the
    // stored blob was altered or belongs to another title.
    Result<TitleKey> key(std::uint64_t titleId);
    Result<void> removeKey(std::uint64_t titleId);

private:
    LibraryContext* m_context;
};

} // namespace ls::library
