#pragma once

#include "core/codec/UInt256.h"
#include "core/crypto/Address.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>
#include <string>

// The state entries of docs/protocol.md §3 as the light client reads them, decoded strictly from
// the RLP values that proofs show. The light client's own definitions, written from the spec:
// sharing core/node's would let one misreading hide itself on both sides.
namespace ls::light {

// 0x01 account: [nonce, balance]. An absent account reads as zeros.
struct AccountRecord {
    std::uint64_t nonce = 0;
    codec::UInt256 balance;
    static Result<AccountRecord> decode(ByteView encoded);
    friend bool operator==(const AccountRecord&, const AccountRecord&) = default;
};

// 0x02 title: [author, metadataInfohash, keyCommitment, price, subject, salesModel, listed,
// versionCount, salesCount, revenue, publishedAt].
struct TitleRecord {
    crypto::Address author;
    Hash256 metadataInfohash {};
    Hash256 keyCommitment {};
    codec::UInt256 price;
    std::string subject;
    std::uint8_t salesModel = 0;
    bool listed = false;
    std::uint32_t versionCount = 0;
    std::uint64_t salesCount = 0;
    codec::UInt256 revenue;
    std::uint64_t publishedAtMs = 0;
    static Result<TitleRecord> decode(ByteView encoded);
    friend bool operator==(const TitleRecord&, const TitleRecord&) = default;
};

// 0x03 version: [contentInfohash, size, note, addedAt].
struct VersionRecord {
    Hash256 contentInfohash {};
    std::uint64_t size = 0;
    std::string note;
    std::uint64_t addedAtMs = 0;
    static Result<VersionRecord> decode(ByteView encoded);
    friend bool operator==(const VersionRecord&, const VersionRecord&) = default;
};

// 0x04 licence: [versionAtPurchase, price, time, buyerBoxKey].
struct LicenceRecord {
    std::uint32_t versionAtPurchase = 0;
    codec::UInt256 price;
    std::uint64_t timeMs = 0;
    Hash256 buyerBoxKey {};
    static Result<LicenceRecord> decode(ByteView encoded);
    friend bool operator==(const LicenceRecord&, const LicenceRecord&) = default;
};

// 0x05 catalog counters "titles": [nextTitleId]. Absent means no title yet (nextTitleId 1).
struct CatalogCounters {
    std::uint64_t nextTitleId = 1;
    std::uint64_t titleCount() const { return nextTitleId - 1; }
    static Result<CatalogCounters> decode(ByteView encoded);
    friend bool operator==(const CatalogCounters&, const CatalogCounters&) = default;
};

// 0x06 chain parameters "params": [minGasPrice, blockGasLimit, serviceFeeBps, treasury,
// heartbeatMs]. Written at genesis, so always present.
struct ChainParameters {
    codec::UInt256 minGasPrice;
    std::uint64_t blockGasLimit = 0;
    std::uint64_t serviceFeeBps = 0;
    crypto::Address treasury;
    std::uint64_t heartbeatMs = 0;
    static Result<ChainParameters> decode(ByteView encoded);
    friend bool operator==(const ChainParameters&, const ChainParameters&) = default;
};

// Where each entry lives: namespace byte and key (§3); the tree path is keccak(ns ‖ key).
struct StateKey {
    static constexpr std::uint8_t kAccount = 0x01;
    static constexpr std::uint8_t kTitle = 0x02;
    static constexpr std::uint8_t kVersion = 0x03;
    static constexpr std::uint8_t kLicence = 0x04;
    static constexpr std::uint8_t kCounters = 0x05;
    static constexpr std::uint8_t kParameters = 0x06;

    std::uint8_t ns = 0;
    Bytes key;

    static StateKey account(const crypto::Address& address);
    static StateKey title(std::uint64_t titleId); // id as 8 bytes big-endian
    static StateKey version(std::uint64_t titleId, std::uint32_t version); // 8 ‖ 4 bytes
    static StateKey licence(std::uint64_t titleId, const crypto::Address& buyer); // 8 ‖ 20
    static StateKey catalogCounters(); // "titles"
    static StateKey parameters(); // "params"
    Hash256 path() const;
};

} // namespace ls::light
