#pragma once

#include "core/codec/UInt256.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

#include <cstdint>

namespace ls::node {

// An account entry (namespace 0x01): rlp([nonce, balance]). An absent entry reads as 0/0, and
// ChainState deletes an entry that returns to 0/0, so "never touched" and "emptied" look the
// same in the tree.
struct AccountState {
    std::uint64_t nonce = 0;
    codec::UInt256 balance;

    bool isEmpty() const { return nonce == 0 && balance.isZero(); }

    Bytes encode() const;
    // Canonical encoding only (InvalidInput naming the field otherwise).
    static Result<AccountState> decode(ByteView encoded);

    friend bool operator==(const AccountState&, const AccountState&) = default;
};

} // namespace ls::node
