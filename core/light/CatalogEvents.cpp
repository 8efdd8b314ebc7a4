#include "core/light/CatalogEvents.h"

#include "core/codec/AbiSignature.h"
#include "core/light/JsonFields.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace ls::light::catalogevents {
namespace {

Hash256 topicOf(std::string_view signature)
{
    auto parsed = codec::AbiSignature::parse(signature);
    return parsed ? parsed->topic() : Hash256 {};
}

// A topic that holds a uint64 (left-padded with zeros).
std::optional<std::uint64_t> uint64Topic(const Hash256& topic)
{
    auto value = codec::UInt256::fromBigEndian(topic);
    return value ? value->toUint64() : std::nullopt;
}

// A topic that holds an address: 12 zero bytes, then the 20 of the address.
std::optional<crypto::Address> addressTopic(const Hash256& topic)
{
    if (!std::all_of(topic.begin(), topic.begin() + 12, [](std::uint8_t b) { return b == 0; }))
        return std::nullopt;
    auto address = crypto::Address::fromBytes(ByteView(topic).subspan(12));
    return address ? std::optional(*address) : std::nullopt;
}

bool isEvent(const protocol::Log& log, const Hash256& topic, std::size_t dataBytes)
{
    return log.address == catalogAddress() && log.topics.size() == 3 && log.topics[0] == topic
        && log.data.size() == dataBytes;
}

} // namespace

crypto::Address catalogAddress()
{
    return crypto::Address(
        FixedBytes<20> { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0c, 0xa7, 0xa1 });
}

Hash256 purchasedTopic()
{
    static const Hash256 topic = topicOf("Purchased(uint64,address,uint256,uint32,uint256)");
    return topic;
}

Hash256 titlePublishedTopic()
{
    static const Hash256 topic = topicOf("TitlePublished(uint64,address,bytes32,uint256)");
    return topic;
}

std::optional<Purchase> purchase(const protocol::Log& log)
{
    if (!isEvent(log, purchasedTopic(), 96))
        return std::nullopt;
    auto titleId = uint64Topic(log.topics[1]);
    auto buyer = addressTopic(log.topics[2]);
    auto price = codec::UInt256::fromBigEndian(ByteView(log.data).first(32));
    auto serviceFee = codec::UInt256::fromBigEndian(ByteView(log.data).subspan(64, 32));
    if (!titleId || !buyer || !price || !serviceFee)
        return std::nullopt;
    return Purchase { *titleId, *buyer, *price, *serviceFee };
}

std::optional<Publication> publication(const protocol::Log& log)
{
    if (!isEvent(log, titlePublishedTopic(), 64))
        return std::nullopt;
    auto titleId = uint64Topic(log.topics[1]);
    auto author = addressTopic(log.topics[2]);
    if (!titleId || !author)
        return std::nullopt;
    return Publication { *titleId, *author };
}

Result<std::vector<LogCandidate>> decodeLogs(const QJsonValue& result)
{
    auto entries = json::array(result, "result");
    if (!entries)
        return std::unexpected(entries.error());
    std::vector<LogCandidate> out;
    out.reserve(static_cast<std::size_t>(entries->size()));
    for (const QJsonValue& value : *entries) {
        auto object = json::object(value, "log");
        if (!object)
            return std::unexpected(object.error());
        if (auto ok = json::fields(*object, "log",
                { "address", "topics", "data", "blockNumber", "transactionHash" }, false);
            !ok)
            return std::unexpected(ok.error());
        LogCandidate candidate;
        auto address = json::address(object->value(QStringLiteral("address")), "address");
        auto topics = json::array(object->value(QStringLiteral("topics")), "topics");
        auto data = json::data(object->value(QStringLiteral("data")), "data");
        auto height = json::quantity64(object->value(QStringLiteral("blockNumber")), "blockNumber");
        auto txHash
            = json::hash(object->value(QStringLiteral("transactionHash")), "transactionHash");
        if (!address || !topics || !data || !height || !txHash) {
            for (const Error* error : { address ? nullptr : &address.error(),
                     topics ? nullptr : &topics.error(), data ? nullptr : &data.error(),
                     height ? nullptr : &height.error(), txHash ? nullptr : &txHash.error() })
                if (error)
                    return std::unexpected(*error);
        }
        if (topics->size() > 4)
            return json::fieldError("topics", "a log has at most 4 topics.");
        for (const QJsonValue& topic : *topics) {
            auto parsed = json::hash(topic, "topics");
            if (!parsed)
                return std::unexpected(parsed.error());
            candidate.log.topics.push_back(*parsed);
        }
        candidate.log.address = *address;
        candidate.log.data = std::move(*data);
        candidate.height = *height;
        candidate.txHash = *txHash;
        out.push_back(std::move(candidate));
    }
    return out;
}

} // namespace ls::light::catalogevents
