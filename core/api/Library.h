#pragma once

#include "core/api/Chain.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace ls::api {

// Where the local copy of one version stands (docs/library.md "download").
enum class DownloadState { None, Downloading, Complete, Removed };

struct LibraryVersion {
    std::uint32_t number = 0; // from 1
    std::string contentInfohash; // 0x-prefixed hex, 32 bytes
    std::uint64_t size = 0; // bytes of the encrypted container
    std::string note;
    std::uint64_t addedAtMs = 0;
    DownloadState download = DownloadState::None;
    std::uint64_t bytesVerified = 0;
};

// A title in the profile's library: bought, or published by this profile's wallet. The
// descriptive fields come from the title's public metadata (checked against the infohash the
// chain records); they are empty until the metadata has arrived.
struct LibraryTitle {
    std::uint64_t titleId = 0;
    std::string title;
    std::vector<std::string> authors;
    std::string subject;
    std::string blurb;
    std::vector<std::string> contents; // table of contents, when the author gave one
    std::string mediaType; // of the content, e.g. "application/pdf"
    std::string coverMediaType; // "image/png", "image/jpeg" or "image/webp"; empty: no cover
    Bytes cover;
    std::string author; // EIP-55 account
    bool authoredHere = false; // published by this profile's wallet
    bool hasKey = false; // the title key is in the library (wrapped)
    std::string metadataInfohash; // 0x-prefixed hex
    std::vector<LibraryVersion> versions; // ascending
};

enum class FetchStage {
    Checking, // proving the title, the version and the licence on chain
    Connecting, // looking for peers that hold the version
    Downloading,
    WaitingForKey, // the content is here; asking licensed holders for the title key
    Done,
};

struct FetchProgress {
    FetchStage stage = FetchStage::Checking;
    std::uint64_t bytesDone = 0;
    std::uint64_t bytesTotal = 0;
    int peers = 0;
    std::string note; // something worth telling (a refused key, a peer that said no)
    // The title key is stored and the torrent's layout is known, so Library::stream() can play
    // the version now, before the download completes. Once true it stays true for this fetch.
    bool streamable = false;
    // The title's metadata (name, authors, cover, media type) is in the library: read the title
    // again when this turns true.
    bool described = false;
};

struct FetchedVersion {
    std::uint64_t titleId = 0;
    std::uint32_t version = 0;
    std::uint64_t plaintextSize = 0;
    std::string mediaType;
};

// The plaintext of one version, decrypted chunk by chunk in memory as it is read (nothing
// decrypted is written anywhere). Not thread-safe: one thread reads at a time, though it need not
// be the thread that opened it.
//
// Content from Library::stream() may still be downloading: its read() then blocks until the bytes
// it covers have arrived (or a timeout, or cancel()), so such content is read off the GUI thread.
class VersionContent {
public:
    virtual ~VersionContent() = default;
    virtual std::uint64_t size() const = 0;
    virtual std::string mediaType() const = 0;
    // Bytes [offset, offset + out.size()), which must lie within size().
    virtual Result<void> read(std::uint64_t offset, std::span<std::uint8_t> out) = 0;
    // Whether read() may wait for the network (content still downloading).
    virtual bool mayBlock() const { return false; }
    // From any thread: a read waiting for data, and every later one, fails at once. For a viewer
    // that closes; destroying the content does the same, but only once the reader has let go.
    virtual void cancel() { }
    // For content that may block: fetches what a media player reads while it opens the title (its
    // first megabyte; an MP4's index wherever it lies, else the last megabyte), waiting like
    // read(). Call it off the GUI thread before handing the content to a player that opens on the
    // GUI thread. Content already here has nothing to fetch.
    virtual Result<void> prefetchOpening() { return {}; }
};

// The reader's library (DESIGN.md §5): owned titles with their versions and download state;
// fetching a version (content from the swarm, title key from licensed holders, both checked);
// opening a downloaded version as plaintext.
//
// Like api::Chain: calls return at once, callbacks come later on the calling thread (which runs
// a Qt event loop) and only while the returned Handle lives; dropping it cancels.
class Library {
public:
    using Handle = Chain::Handle;
    template <typename T> using Callback = Chain::Callback<T>;
    using Progress = std::function<void(const FetchProgress&)>;

    virtual ~Library() = default;

    // Every title in the library, most recently added first.
    virtual Result<std::vector<LibraryTitle>> titles() = 0;

    // Makes version `version` (default: the newest) of a title this wallet holds a licence for
    // (or wrote) readable here: downloads what is missing and obtains the title key. Completes
    // when the container is complete and the key stored; fails when there is no licence.
    [[nodiscard]] virtual Handle fetch(std::uint64_t titleId, std::optional<std::uint32_t> version,
        Progress progress, Callback<FetchedVersion> done)
        = 0;

    // A version that fetch() completed, as plaintext.
    virtual Result<std::unique_ptr<VersionContent>> open(
        std::uint64_t titleId, std::uint32_t version)
        = 0;

    // A version to play while it downloads (DESIGN.md §4 "Streaming"): for a complete one, what
    // open() gives; for one that a fetch is downloading once its FetchProgress says `streamable`,
    // content over the partial download whose read() waits for the pieces it covers (asking the
    // swarm for them first). Such content blocks in read() (mayBlock()): read it on a thread of
    // its own, never the GUI thread, and cancel() it when the viewer closes. Opening waits for the
    // torrent's layout and the container's header on a worker thread, so `done` comes later.
    // Fails (NotFound) without a licence or title key, or when the version is neither downloaded
    // nor downloading. Removing the local copy cancels the streams of that version; destroy
    // every content before the Library.
    [[nodiscard]] virtual Handle stream(std::uint64_t titleId, std::uint32_t version,
        Callback<std::unique_ptr<VersionContent>> done)
        = 0;

    // Deletes the local copy of a downloaded version (its container file, leaving the swarm)
    // and keeps everything the wallet owns: the licence, the title key, the reading state. The
    // version shows as Removed; fetch() downloads it again. NotFound for a version the library
    // does not know.
    virtual Result<void> removeLocalCopy(std::uint64_t titleId, std::uint32_t version) = 0;

    // Peers to try besides DHT and local discovery, as "host:port" (tests, private networks).
    virtual void addPeer(std::string hostPort) = 0;
};

} // namespace ls::api
