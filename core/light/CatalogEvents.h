#pragma once

#include "core/codec/UInt256.h"
#include "core/crypto/Address.h"
#include "core/protocol/Log.h"
#include "core/util/Bytes.h"

#include <QJsonValue>

#include <cstdint>
#include <optional>
#include <vector>

// The Catalog's events that make up an account's history (docs/protocol.md §6), read from logs,
// and the eth_getLogs answers that point at them (Catalog events and the native Transfer logs of
// core/protocol/NativeTransfer.h alike). Pure functions; nothing here is verified: the
// logs come either from a server's list (candidates) or from a proven receipt (facts), and the
// caller knows which.
namespace ls::light::catalogevents {

// 0x00000000000000000000000000000000000ca7a1 (§6).
crypto::Address catalogAddress();
Hash256 purchasedTopic(); // Purchased(uint64,address,uint256,uint32,uint256)
Hash256 titlePublishedTopic(); // TitlePublished(uint64,address,bytes32,uint256)

// Purchased(uint64 indexed titleId, address indexed buyer, uint256 price, uint32 version,
// uint256 serviceFee).
struct Purchase {
    std::uint64_t titleId = 0;
    crypto::Address buyer;
    codec::UInt256 price;
    codec::UInt256 serviceFee; // what the treasury took, at the rate of the sale's block
};
// TitlePublished(uint64 indexed titleId, address indexed author, bytes32, uint256 price).
struct Publication {
    std::uint64_t titleId = 0;
    crypto::Address author;
};

// nullopt: not that event of the Catalog, or not its exact layout.
std::optional<Purchase> purchase(const protocol::Log& log);
std::optional<Publication> publication(const protocol::Log& log);

// One entry of an eth_getLogs answer: a server's claim that `log` is in the receipt of `txHash`
// in the block at `height`.
struct LogCandidate {
    protocol::Log log;
    Hash256 txHash {};
    std::uint64_t height = 0;
};

// Strict: an array of objects with address, topics (at most 4), data, blockNumber and
// transactionHash; other fields are ignored.
Result<std::vector<LogCandidate>> decodeLogs(const QJsonValue& result);

} // namespace ls::light::catalogevents
