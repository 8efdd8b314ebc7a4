#pragma once

#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ls::api {

// The block a value was proven against: every chain fact the app shows carries one.
struct ProvenAt {
    std::uint64_t height = 0;
    std::string blockHash; // 0x-prefixed hex
};

struct AccountInfo {
    std::string address; // EIP-55
    std::uint64_t nonce = 0;
    std::string balance; // base units (1 PHT = 10^18), decimal digits
    ProvenAt proof;
};

struct TitleInfo {
    std::uint64_t id = 0;
    std::string author; // EIP-55
    std::string metadataInfohash; // 0x-prefixed hex, 32 bytes
    std::string keyCommitment; // 0x-prefixed hex, 32 bytes
    std::string price; // base units, decimal digits
    std::string subject;
    int salesModel = 0;
    bool listed = false;
    std::uint32_t versionCount = 0;
    std::uint64_t salesCount = 0;
    std::string revenue; // base units, decimal digits
    std::uint64_t publishedAtMs = 0;
    ProvenAt proof;
};

struct VersionInfo {
    std::uint64_t titleId = 0;
    std::uint32_t number = 0; // from 1
    std::string contentInfohash; // 0x-prefixed hex, 32 bytes
    std::uint64_t size = 0; // bytes of the container
    std::string note;
    std::uint64_t addedAtMs = 0;
    ProvenAt proof;
};

// The network's rules that a wallet needs before it signs (docs/protocol.md §3, §7).
struct NetworkParameters {
    std::string minGasPrice; // base units per gas, decimal digits
    std::uint64_t blockGasLimit = 0;
    std::uint32_t serviceFeeBps = 0; // taken from each sale, in 1/100 of a percent
    std::string treasury; // EIP-55
    std::uint64_t titleCount = 0; // titles published so far (ids 1..titleCount)
    ProvenAt proof;
};

struct LicenceInfo {
    std::uint64_t titleId = 0;
    std::string buyer; // EIP-55
    std::uint32_t versionAtPurchase = 0;
    std::string price; // base units, decimal digits
    std::uint64_t timeMs = 0;
    std::string buyerBoxKey; // 0x-prefixed hex, 32 bytes
    ProvenAt proof;
};

// An event in a proven receipt, as Ethereum shows logs.
struct LogEntry {
    std::string address; // EIP-55
    std::vector<std::string> topics; // 0x-prefixed hex, 32 bytes each; topic 0 names the event
    std::string data; // 0x-prefixed hex
};

// "Your transaction is in": its receipt, proven in a verified block.
struct TransactionConfirmation {
    std::string txHash;
    bool succeeded = false;
    std::string revertReason; // empty on success
    std::uint64_t gasUsed = 0;
    std::string effectiveGasPrice; // base units per gas, decimal digits
    std::vector<LogEntry> logs;
    std::uint64_t index = 0; // position in the block
    ProvenAt proof;
    std::uint64_t timeMs = 0; // the verified block's time
};

// One thing that happened to an account, read from a Catalog event or a native Transfer log
// (docs/protocol.md §4) in a transaction receipt proven in a verified block (DESIGN.md §3): a
// server can leave entries out, never invent or alter one.
struct AccountActivity {
    enum class Kind {
        Purchase, // the account bought a licence (amount: the price paid)
        Sale, // someone bought a title the account published (amount: the price they paid)
        Publication, // the account published a title (amount: 0)
        SentTransfer, // the account sent PHT (amount: the value; counterparty: the recipient)
        ReceivedTransfer, // the account was sent PHT (amount: the value; counterparty: sender)
    };
    Kind kind = Kind::Purchase;
    std::uint64_t titleId = 0; // 0 for transfers
    // EIP-55: the buyer of a sale, the recipient of a sent transfer, the sender of a received
    // one; empty otherwise.
    std::string counterparty;
    std::string amount; // base units, decimal digits
    // Base units, decimal digits: the gas fee (gasUsed × effective gas price, from the proven
    // receipt) of a transaction this account sent; for a sale, the network's service fee taken
    // from the price, as the sale's Purchased event records it (the rate of that block, not
    // today's); empty for a received transfer (the sender paid the gas).
    std::string fee;
    std::uint64_t timeMs = 0; // the verified block's time
    std::string txHash; // 0x-prefixed hex
    std::uint64_t index = 0; // the transaction's position in its block
    ProvenAt proof;
};

struct ChainEndpoint {
    enum class State { Unknown, Agrees, Behind, Unreachable, Faulty, Forked };
    std::string url;
    bool primary = false;
    State state = State::Unknown;
    std::string detail;
};

// Two different blocks at one height, both finalised by trusted validators. The evidence is the
// two light blocks (header, commit, validator set) in their canonical encoding, as hex.
struct ChainAlarm {
    std::uint64_t height = 0;
    std::string summary;
    std::string verifiedSource;
    std::string conflictingSource;
    std::string verifiedBlockHash;
    std::string conflictingBlockHash;
    std::vector<std::string> doubleSigners; // EIP-55 addresses of validators who signed both
    std::string verifiedEvidence; // 0x-prefixed hex of rlp([header, commit, validators])
    std::string conflictingEvidence;
};

struct ChainStatus {
    std::string network; // the profile's name
    std::uint64_t chainId = 0;
    bool ready = false; // the header store is open
    std::optional<std::uint64_t> verifiedHeight;
    std::string verifiedBlockHash; // empty before the first verified block
    std::uint64_t verifiedTimeMs = 0;
    bool syncing = false;
    std::optional<std::uint64_t> syncTarget; // while syncing, once known
    std::string lastError; // the last sync failure, empty after a successful sync
    std::vector<ChainEndpoint> endpoints;
    std::vector<ChainAlarm> alarms;
};

// The chain as the light client sees it (DESIGN.md §3): every value is proven against a block
// the client verified itself. Implemented by core/light (LightChain).
//
// Calls return at once. Results arrive through the callback, later, on the thread that made
// the call (which must run a Qt event loop), and only while the returned Handle is alive:
// destroying or resetting it drops the result — so a screen that closes simply lets its handles
// go. Inputs in text (addresses, hashes) are checked; bad ones fail with InvalidInput.
class Chain {
public:
    // Keeps a pending call or a subscription alive. Move-only; resets on destruction.
    class Handle {
    public:
        Handle() = default;
        explicit Handle(std::function<void()> release)
            : m_release(std::move(release))
        {
        }
        Handle(Handle&& other) noexcept
            : m_release(std::exchange(other.m_release, nullptr))
        {
        }
        Handle& operator=(Handle&& other) noexcept
        {
            if (this != &other) {
                reset();
                m_release = std::exchange(other.m_release, nullptr);
            }
            return *this;
        }
        Handle(const Handle&) = delete;
        Handle& operator=(const Handle&) = delete;
        ~Handle() { reset(); }

        void reset()
        {
            if (auto release = std::exchange(m_release, nullptr))
                release();
        }
        bool active() const { return static_cast<bool>(m_release); }

    private:
        std::function<void()> m_release;
    };

    template <typename T> using Callback = std::function<void(Result<T>)>;

    virtual ~Chain() = default;

    // A snapshot; cheap, callable from any thread.
    virtual ChainStatus status() const = 0;
    // Called with the new status whenever it changes (verified height, endpoints, alarms).
    [[nodiscard]] virtual Handle subscribeStatus(std::function<void(const ChainStatus&)> onChange)
        = 0;

    // Follows the network to its newest block; progress and outcome show in status().
    virtual void sync() = 0;
    virtual void cancelSync() = 0;
    // Syncs, then reports the newest verified height (or why the sync failed). Reads right after
    // it see the chain as of that height or later.
    [[nodiscard]] virtual Handle update(Callback<std::uint64_t> done) = 0;

    // Nonce and balance; an account never used reads as zero (proven absent).
    [[nodiscard]] virtual Handle account(std::string_view address, Callback<AccountInfo> done) = 0;
    // nullopt: proven not to exist.
    [[nodiscard]] virtual Handle title(
        std::uint64_t titleId, Callback<std::optional<TitleInfo>> done)
        = 0;
    // nullopt: proven not to exist (no such title, or no such version of it).
    [[nodiscard]] virtual Handle version(
        std::uint64_t titleId, std::uint32_t number, Callback<std::optional<VersionInfo>> done)
        = 0;
    [[nodiscard]] virtual Handle parameters(Callback<NetworkParameters> done) = 0;
    // nullopt: `buyer` proven to hold no licence for the title.
    [[nodiscard]] virtual Handle licence(
        std::uint64_t titleId, std::string_view buyer, Callback<std::optional<LicenceInfo>> done)
        = 0;
    // The receipt of a transaction (0x-prefixed hash), proven in a verified block. NotFound
    // while it is not in a block.
    [[nodiscard]] virtual Handle confirm(
        std::string_view txHash, Callback<TransactionConfirmation> done)
        = 0;
    // The account's purchases, sales, publications and PHT transfers (sent and received, from
    // their native Transfer logs) in blocks from `fromBlock` up to the verified height, newest
    // first, each proven by its transaction's receipt. Sales count for titles the account
    // published at any height. Complete only as far as the server is honest: a server can omit
    // entries (nothing proves that a list is whole), but every entry returned is proven, and a
    // server that lists an event its proven receipt does not hold is refused
    // (ErrorKind::Verification).
    [[nodiscard]] virtual Handle activity(std::string_view address, std::uint64_t fromBlock,
        Callback<std::vector<AccountActivity>> done)
        = 0;
    // Sends a signed transaction; the result is its hash (0x-prefixed hex). Accepted is not
    // included: confirm() says when it is.
    [[nodiscard]] virtual Handle submit(Bytes rawTransaction, Callback<std::string> done) = 0;
};

} // namespace ls::api
