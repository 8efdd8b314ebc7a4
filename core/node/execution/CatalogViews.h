#pragma once

#include "core/codec/AbiValue.h"
#include "core/node/execution/CallResult.h"
#include "core/node/execution/ChainState.h"
#include "core/util/Error.h"

namespace ls::node {

// The Catalog's read-only functions (docs/protocol.md §6), answering eth_call. Each takes the
// decoded arguments of its ABI signature and writes nothing.
class CatalogViews {
public:
    // "unknown title" when there is none.
    static Result<CallResult> title(ChainState& state, const codec::AbiValue::List& args);
    // "unknown title", then "unknown version".
    static Result<CallResult> version(ChainState& state, const codec::AbiValue::List& args);
    // Never reverts: exists = false and zeros when the account holds no licence (or the title
    // does not exist), so the permission gate asks one question per peer.
    static Result<CallResult> licence(ChainState& state, const codec::AbiValue::List& args);
    static Result<CallResult> titleCount(ChainState& state);
};

} // namespace ls::node
