#pragma once

#include "core/light/RpcError.h"
#include "core/light/RpcTypes.h"
#include "core/protocol/LightBlock.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <QByteArrayView>
#include <QJsonValue>

#include <cstdint>
#include <optional>

// Pure decoders from what a server sends to typed values: the JSON-RPC 2.0 envelope, then each
// method's result (docs/protocol.md §8). Every field is checked strictly (hex, sizes, canonical
// RLP through core/protocol), so a lying or broken server gives an error naming the field, never
// a crash or a half-filled value. Fuzzed by fuzz/fuzz_light_responses.cpp.
namespace ls::light {

// The `result` of a JSON-RPC 2.0 response to request `expectedId`, or the error: Server for a
// JSON-RPC error object (code, message, hex data and its revert reason), Malformed for anything
// that is not a well-formed response to that request. endpoint and method are left empty.
RpcResult<QJsonValue> parseRpcResponse(QByteArrayView body, std::int64_t expectedId);

// ls_getLightBlock: { "header", "commit", "validators" }, each the hex of its canonical RLP.
Result<protocol::LightBlock> decodeLightBlock(const QJsonValue& result);
// ls_getGenesis: the genesis file's object.
Result<GenesisInfo> decodeGenesis(const QJsonValue& result);
// ls_getStateProof: { "height"?, "value": hex or null, "proof" }. A missing height is taken
// as `askedHeight`; a present one must equal it.
Result<StateProofInfo> decodeStateProof(const QJsonValue& result, std::uint64_t askedHeight);
// ls_getReceiptProof: null (unknown transaction) or { "height", "index", "receipt", "proof" };
// the proof's index must be the one given.
Result<std::optional<ReceiptProofInfo>> decodeReceiptProof(const QJsonValue& result);
// eth_getTransactionByHash: null or a transaction object.
Result<std::optional<TransactionInfo>> decodeTransaction(const QJsonValue& result);
// eth_chainId
Result<std::uint64_t> decodeChainId(const QJsonValue& result);
// eth_sendRawTransaction: the hash, which must be keccak of the bytes sent.
Result<Hash256> decodeSubmittedHash(const QJsonValue& result, ByteView rawTransaction);

} // namespace ls::light
