#pragma once

#include "core/protocol/Commit.h"
#include "core/protocol/Header.h"
#include "core/protocol/ValidatorSet.h"
#include "core/util/Bytes.h"
#include "core/util/Error.h"

namespace ls::protocol {

// What a light client needs to check one height by itself (docs/protocol.md §5):
// rlp([header, commit, validatorSet]), each element being that structure's own list.
struct LightBlock {
    Header header;
    Commit commit;
    ValidatorSet validators; // the set that signs this block (header.validatorsHash)

    Bytes encode() const;
    static Result<LightBlock> decode(ByteView encoded);

    // The block is self-consistent and final under its own validator set: commit.verify(header,
    // validators). Whether that set is to be trusted is the light client's decision (its hash
    // must equal the nextValidatorsHash of a header it already trusts), as is the chain id.
    Result<void> verify() const { return commit.verify(header, validators); }

    friend bool operator==(const LightBlock&, const LightBlock&) = default;
};

} // namespace ls::protocol
