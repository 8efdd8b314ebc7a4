#pragma once

#include "core/codec/RlpDecoder.h"
#include "core/codec/RlpEncoder.h"
#include "core/crypto/Address.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <vector>

namespace ls::protocol {

// An event emitted by a system contract (docs/protocol.md §5): rlp([address, [topic…], data]),
// topic 0 being keccak of the event signature, as Ethereum's logs.
struct Log {
    crypto::Address address;
    std::vector<Hash256> topics;
    Bytes data;

    void appendTo(codec::RlpEncoder& rlp) const; // as one item of an enclosing list
    Bytes encode() const;
    static Result<Log> decode(ByteView encoded);
    static Result<Log> fromRlp(const codec::RlpItem& item);

    friend bool operator==(const Log&, const Log&) = default;
};

} // namespace ls::protocol
