#include "core/market/CatalogCalls.h"

#include "core/codec/AbiDecoder.h"
#include "core/codec/AbiSignature.h"
#include "core/codec/Hex.h"

#include <cassert>
#include <string_view>

namespace ls::market {
namespace {

constexpr std::uint64_t kIntrinsicGas = 21'000;
constexpr std::uint64_t kPublishGas = 150'000;
constexpr std::uint64_t kAddVersionGas = 80'000;
constexpr std::uint64_t kSetterGas = 30'000;
constexpr std::uint64_t kPurchaseGas = 100'000;
constexpr std::size_t kMaxSubjectBytes = 64;
constexpr std::size_t kMaxNoteBytes = 256;

std::uint64_t intrinsicGas(ByteView data)
{
    std::uint64_t gas = kIntrinsicGas;
    for (std::uint8_t byte : data)
        gas += byte == 0 ? 4 : 16;
    return gas;
}

PreparedCall call(std::string_view signature, const codec::AbiValue::List& arguments,
    std::uint64_t functionGas)
{
    auto data = codec::abiEncodeCall(signature, arguments);
    // The signatures are constants and the values are built for their types here.
    assert(data);
    PreparedCall out { std::move(*data), 0 };
    out.gasLimit = intrinsicGas(out.data) + functionGas;
    return out;
}

codec::AbiValue uint(std::uint64_t value) { return codec::AbiValue::number(codec::UInt256(value)); }

codec::AbiValue bytes32(const Hash256& value) { return codec::AbiValue::bytes(ByteView(value)); }

// Topic 0 and the indexed first argument of a Catalog event; the rest decoded from its data.
Result<codec::AbiValue::List> catalogEvent(const std::vector<api::LogEntry>& logs,
    std::string_view signature, const std::vector<codec::AbiType>& dataTypes,
    codec::UInt256& firstIndexed)
{
    auto parsed = codec::AbiSignature::parse(signature);
    assert(parsed);
    const std::string topic = codec::toHex(parsed->topic(), true);
    const std::string catalog = catalogAddress().toChecksumString();
    for (const api::LogEntry& log : logs) {
        if (log.address != catalog || log.topics.size() < 2 || log.topics[0] != topic)
            continue;
        auto indexed = codec::fromHexFixed<32>(log.topics[1]);
        auto data = codec::fromHex(log.data);
        if (!indexed || !data)
            break;
        firstIndexed = *codec::UInt256::fromBigEndian(ByteView(*indexed)); // 32 bytes always fit
        return codec::abiDecode(dataTypes, *data);
    }
    return fail(ErrorKind::Verification,
        "The receipt has no " + parsed->name() + " event from the Catalog");
}

} // namespace

crypto::Address catalogAddress()
{
    return crypto::Address(
        FixedBytes<20> { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0c, 0xa7, 0xa1 });
}

PreparedCall transferCall() { return { {}, kIntrinsicGas }; }

PreparedCall publishCall(const Hash256& metadataInfohash, const Hash256& keyCommitment,
    const codec::UInt256& price, const std::string& subject)
{
    return call("publish(bytes32,bytes32,uint256,string,uint8)",
        { bytes32(metadataInfohash), bytes32(keyCommitment), codec::AbiValue::number(price),
            codec::AbiValue::string(subject), uint(0) },
        kPublishGas);
}

PreparedCall addVersionCall(std::uint64_t titleId, const Hash256& contentInfohash,
    std::uint64_t size, const std::string& note)
{
    return call("addVersion(uint64,bytes32,uint64,string)",
        { uint(titleId), bytes32(contentInfohash), uint(size), codec::AbiValue::string(note) },
        kAddVersionGas);
}

PreparedCall setPriceCall(std::uint64_t titleId, const codec::UInt256& price)
{
    return call("setPrice(uint64,uint256)", { uint(titleId), codec::AbiValue::number(price) },
        kSetterGas);
}

PreparedCall setListedCall(std::uint64_t titleId, bool listed)
{
    return call("setListed(uint64,bool)", { uint(titleId), codec::AbiValue::boolean(listed) },
        kSetterGas);
}

PreparedCall purchaseCall(std::uint64_t titleId, const Hash256& buyerBoxKey)
{
    return call("purchase(uint64,bytes32)", { uint(titleId), bytes32(buyerBoxKey) }, kPurchaseGas);
}

Result<std::uint64_t> publishedTitleId(const std::vector<api::LogEntry>& logs)
{
    codec::UInt256 titleId;
    // TitlePublished(uint64 indexed titleId, address indexed author, bytes32, uint256)
    auto data = catalogEvent(logs, "TitlePublished(uint64,address,bytes32,uint256)",
        { codec::AbiType::fixedBytes(32), codec::AbiType::uint(256) }, titleId);
    if (!data)
        return std::unexpected(data.error());
    auto id = titleId.toUint64();
    if (!id)
        return fail(ErrorKind::Verification, "The TitlePublished event names an impossible id");
    return *id;
}

Result<std::uint32_t> addedVersionNumber(const std::vector<api::LogEntry>& logs)
{
    codec::UInt256 titleId;
    // VersionAdded(uint64 indexed titleId, uint32 version, bytes32 contentInfohash)
    auto data = catalogEvent(logs, "VersionAdded(uint64,uint32,bytes32)",
        { codec::AbiType::uint(32), codec::AbiType::fixedBytes(32) }, titleId);
    if (!data)
        return std::unexpected(data.error());
    const codec::UInt256* number = data->at(0).asNumber();
    auto value = number ? number->toUint64() : std::nullopt;
    if (!value || *value > UINT32_MAX)
        return fail(ErrorKind::Verification, "The VersionAdded event names an impossible version");
    return static_cast<std::uint32_t>(*value);
}

Result<void> checkSubject(const std::string& subject)
{
    if (subject.size() > kMaxSubjectBytes)
        return fail(ErrorKind::InvalidInput,
            "The subject is too long: at most 64 bytes (it has " + std::to_string(subject.size())
                + ")");
    return {};
}

Result<void> checkNote(const std::string& note)
{
    if (note.size() > kMaxNoteBytes)
        return fail(ErrorKind::InvalidInput,
            "The version note is too long: at most 256 bytes (it has "
                + std::to_string(note.size()) + ")");
    return {};
}

} // namespace ls::market
