#pragma once

#include "core/codec/AbiType.h"
#include "core/util/Bytes.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ls::node {

enum class CatalogFunction {
    Publish,
    AddVersion,
    SetPrice,
    SetListed,
    Purchase,
    Title,
    Version,
    Licence,
    TitleCount,
};

enum class CatalogEvent {
    TitlePublished,
    VersionAdded,
    PriceChanged,
    ListingChanged,
    Purchased,
};

struct CatalogFunctionAbi {
    CatalogFunction function;
    std::string signature; // canonical, e.g. "setPrice(uint64,uint256)"
    FixedBytes<4> selector {}; // first 4 bytes of keccak(signature)
    std::vector<codec::AbiType> inputs;
    std::vector<codec::AbiType> outputs;
    bool payable = false;
    bool view = false;
};

struct CatalogEventAbi {
    CatalogEvent event;
    std::string signature;
    Hash256 topic {}; // keccak(signature): topic 0 of its logs
    std::vector<codec::AbiType> inputs;
    std::vector<bool> indexed; // per input: a topic (true) or part of the data
};

// The Catalog's interface as docs/protocol.md §6 and docs/abi/Catalog.json define it: what the
// contract dispatches on, what its views return and what its events carry. Built once from
// AbiType values (not parsed text), so it cannot fail at run time.
class CatalogAbi {
public:
    static const std::vector<CatalogFunctionAbi>& functions();
    static const std::vector<CatalogEventAbi>& events();

    static const CatalogFunctionAbi& function(CatalogFunction function);
    static const CatalogEventAbi& event(CatalogEvent event);
    // The function whose selector starts `calldata`; nullopt for unknown selectors and calldata
    // shorter than 4 bytes.
    static const CatalogFunctionAbi* find(ByteView calldata);
};

} // namespace ls::node
