#pragma once

#include "core/codec/UInt256.h"
#include "core/crypto/Address.h"
#include "core/node/chain/BlockStore.h"
#include "core/node/execution/ChainParams.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

// JSON shapes of Ethereum's execution API (quantities, data, blocks, transactions, receipts,
// logs) for the node's RPC: field names and encodings as wallets and ethers.js expect them.
namespace ls::node::eth {

QString quantity(std::uint64_t value);
QString quantity(const codec::UInt256& value);
QString data(ByteView bytes);
QString address(const crypto::Address& address);

// Strict parsers for request fields; errors say which field is wrong.
Result<std::uint64_t> parseQuantity64(const QJsonValue& value, const char* field);
Result<codec::UInt256> parseQuantity(const QJsonValue& value, const char* field);
Result<Bytes> parseData(const QJsonValue& value, const char* field);
Result<Hash256> parseHash(const QJsonValue& value, const char* field);
Result<crypto::Address> parseAddress(const QJsonValue& value, const char* field);
// "latest", "pending", "safe", "finalized" → latest; "earliest" → 0; or a quantity.
Result<std::uint64_t> parseBlockTag(const QJsonValue& value, std::uint64_t latest);

struct TransactionPosition {
    Hash256 blockHash{};
    std::uint64_t height = 0;
    std::uint32_t index = 0;
};

QJsonObject transaction(const protocol::Transaction& tx, const crypto::Address& sender,
                        const std::optional<TransactionPosition>& position,
                        const codec::UInt256& minGasPrice);
QJsonObject log(const protocol::Log& log, const TransactionPosition& position, const Hash256& txHash,
                std::uint64_t logIndex);
QJsonObject receipt(const StoredTransaction& stored, std::uint64_t firstLogIndex);
QJsonObject block(const StoredBlock& block, const std::vector<protocol::Receipt>& receipts,
                  bool fullTransactions, const ChainParams& params);

} // namespace ls::node::eth
