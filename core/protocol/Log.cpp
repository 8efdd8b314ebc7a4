#include "core/protocol/Log.h"

#include "core/protocol/RlpFields.h"

#include <string>

namespace ls::protocol {

void Log::appendTo(codec::RlpEncoder& rlp) const
{
    rlp.beginList();
    rlp.addBytes(address.view());
    rlp.beginList();
    for (const Hash256& topic : topics)
        rlp.addBytes(topic);
    rlp.endList();
    rlp.addBytes(data);
    rlp.endList();
}

Bytes Log::encode() const
{
    codec::RlpEncoder rlp;
    appendTo(rlp);
    return rlp.finish();
}

Result<Log> Log::decode(ByteView encoded)
{
    auto item = codec::decodeRlp(encoded);
    if (!item)
        return fail(ErrorKind::InvalidInput, "Malformed log: " + item.error().message);
    return fromRlp(*item);
}

Result<Log> Log::fromRlp(const codec::RlpItem& item)
{
    auto fields = RlpFields::open(item, "log", { "address", "topics", "data" });
    if (!fields)
        return std::unexpected(std::move(fields.error()));
    Log log;
    LS_PROTOCOL_ASSIGN_OR_RETURN(log.address, fields->address(0));
    std::vector<codec::RlpItem> topics;
    LS_PROTOCOL_ASSIGN_OR_RETURN(topics, fields->list(1));
    log.topics.reserve(topics.size());
    for (std::size_t i = 0; i < topics.size(); ++i) {
        auto topic = topics[i].toFixed<32>();
        if (!topic)
            return fields->fieldError(
                1, "topic " + std::to_string(i) + ": " + topic.error().message);
        log.topics.push_back(*topic);
    }
    LS_PROTOCOL_ASSIGN_OR_RETURN(log.data, fields->bytes(2));
    return log;
}

} // namespace ls::protocol
