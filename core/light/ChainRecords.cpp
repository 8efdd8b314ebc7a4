#include "core/light/ChainRecords.h"

#include "core/protocol/RlpFields.h"
#include "core/protocol/StateProof.h"

#include <limits>

namespace ls::light {
namespace {

Result<std::string> text(const protocol::RlpFields& fields, std::size_t index)
{
    auto bytes = fields.bytes(index);
    if (!bytes)
        return std::unexpected(bytes.error());
    return std::string(bytes->begin(), bytes->end());
}

template <typename Narrow>
Result<Narrow> narrow(const protocol::RlpFields& fields, std::size_t index, const char* what)
{
    auto value = fields.u64(index);
    if (!value)
        return std::unexpected(value.error());
    if (*value > std::numeric_limits<Narrow>::max())
        return fields.fieldError(index, std::string("it must fit in ") + what + ".");
    return static_cast<Narrow>(*value);
}

void appendBigEndian(Bytes& out, std::uint64_t value, int bytes)
{
    for (int i = bytes - 1; i >= 0; --i)
        out.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

} // namespace

Result<AccountRecord> AccountRecord::decode(ByteView encoded)
{
    auto fields = protocol::RlpFields::decode(encoded, "account entry", { "nonce", "balance" });
    if (!fields)
        return std::unexpected(std::move(fields.error()));
    AccountRecord out;
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.nonce, fields->u64(0));
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.balance, fields->u256(1));
    return out;
}

Result<TitleRecord> TitleRecord::decode(ByteView encoded)
{
    auto fields = protocol::RlpFields::decode(encoded, "title entry",
        { "author", "metadataInfohash", "keyCommitment", "price", "subject", "salesModel", "listed",
            "versionCount", "salesCount", "revenue", "publishedAt" });
    if (!fields)
        return std::unexpected(std::move(fields.error()));
    TitleRecord out;
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.author, fields->address(0));
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.metadataInfohash, fields->hash(1));
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.keyCommitment, fields->hash(2));
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.price, fields->u256(3));
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.subject, text(*fields, 4));
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.salesModel, (narrow<std::uint8_t>(*fields, 5, "8 bits")));
    std::uint64_t listed = 0;
    LS_PROTOCOL_ASSIGN_OR_RETURN(listed, fields->u64(6));
    if (listed > 1)
        return fields->fieldError(6, "it must be 0 or 1.");
    out.listed = listed == 1;
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.versionCount, (narrow<std::uint32_t>(*fields, 7, "32 bits")));
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.salesCount, fields->u64(8));
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.revenue, fields->u256(9));
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.publishedAtMs, fields->u64(10));
    return out;
}

Result<VersionRecord> VersionRecord::decode(ByteView encoded)
{
    auto fields = protocol::RlpFields::decode(
        encoded, "version entry", { "contentInfohash", "size", "note", "addedAt" });
    if (!fields)
        return std::unexpected(std::move(fields.error()));
    VersionRecord out;
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.contentInfohash, fields->hash(0));
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.size, fields->u64(1));
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.note, text(*fields, 2));
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.addedAtMs, fields->u64(3));
    return out;
}

Result<LicenceRecord> LicenceRecord::decode(ByteView encoded)
{
    auto fields = protocol::RlpFields::decode(
        encoded, "licence entry", { "versionAtPurchase", "price", "time", "buyerBoxKey" });
    if (!fields)
        return std::unexpected(std::move(fields.error()));
    LicenceRecord out;
    LS_PROTOCOL_ASSIGN_OR_RETURN(
        out.versionAtPurchase, (narrow<std::uint32_t>(*fields, 0, "32 bits")));
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.price, fields->u256(1));
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.timeMs, fields->u64(2));
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.buyerBoxKey, fields->hash(3));
    return out;
}

Result<CatalogCounters> CatalogCounters::decode(ByteView encoded)
{
    auto fields = protocol::RlpFields::decode(encoded, "catalog counters entry", { "nextTitleId" });
    if (!fields)
        return std::unexpected(std::move(fields.error()));
    CatalogCounters out;
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.nextTitleId, fields->u64(0));
    if (out.nextTitleId == 0)
        return fields->fieldError(0, "title ids start at 1.");
    return out;
}

Result<ChainParameters> ChainParameters::decode(ByteView encoded)
{
    auto fields = protocol::RlpFields::decode(encoded, "chain parameters entry",
        { "minGasPrice", "blockGasLimit", "serviceFeeBps", "treasury", "heartbeatMs" });
    if (!fields)
        return std::unexpected(std::move(fields.error()));
    ChainParameters out;
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.minGasPrice, fields->u256(0));
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.blockGasLimit, fields->u64(1));
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.serviceFeeBps, fields->u64(2));
    if (out.serviceFeeBps > 10'000)
        return fields->fieldError(2, "it is at most 10000 (100%).");
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.treasury, fields->address(3));
    LS_PROTOCOL_ASSIGN_OR_RETURN(out.heartbeatMs, fields->u64(4));
    return out;
}

StateKey StateKey::account(const crypto::Address& address)
{
    return { kAccount, Bytes(address.bytes().begin(), address.bytes().end()) };
}

StateKey StateKey::title(std::uint64_t titleId)
{
    StateKey out { kTitle, {} };
    appendBigEndian(out.key, titleId, 8);
    return out;
}

StateKey StateKey::version(std::uint64_t titleId, std::uint32_t version)
{
    StateKey out { kVersion, {} };
    appendBigEndian(out.key, titleId, 8);
    appendBigEndian(out.key, version, 4);
    return out;
}

StateKey StateKey::licence(std::uint64_t titleId, const crypto::Address& buyer)
{
    StateKey out { kLicence, {} };
    appendBigEndian(out.key, titleId, 8);
    out.key.insert(out.key.end(), buyer.bytes().begin(), buyer.bytes().end());
    return out;
}

StateKey StateKey::catalogCounters()
{
    return { kCounters, Bytes(asBytes("titles").begin(), asBytes("titles").end()) };
}

StateKey StateKey::parameters()
{
    return { kParameters, Bytes(asBytes("params").begin(), asBytes("params").end()) };
}

Hash256 StateKey::path() const
{
    return protocol::statePath(ns, key);
}

} // namespace ls::light
