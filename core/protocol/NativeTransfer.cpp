#include "core/protocol/NativeTransfer.h"

#include "core/crypto/Keccak.h"

#include <algorithm>

namespace ls::protocol::nativetransfer {
namespace {

Hash256 addressWord(const crypto::Address& address)
{
    Hash256 word {};
    std::copy(address.bytes().begin(), address.bytes().end(), word.begin() + 12);
    return word;
}

// A topic that holds an address: 12 zero bytes, then the 20 of the address.
std::optional<crypto::Address> addressOf(const Hash256& word)
{
    if (!std::all_of(word.begin(), word.begin() + 12, [](std::uint8_t b) { return b == 0; }))
        return std::nullopt;
    auto address = crypto::Address::fromBytes(ByteView(word).subspan(12));
    return address ? std::optional(*address) : std::nullopt;
}

} // namespace

crypto::Address emitterAddress()
{
    return crypto::Address(
        FixedBytes<20> { 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x0c, 0xa7, 0xa2 });
}

Hash256 topic()
{
    static const Hash256 hash
        = crypto::keccak256(asBytes(std::string_view("Transfer(address,address,uint256)")));
    return hash;
}

Log encode(const Transfer& transfer)
{
    Log log;
    log.address = emitterAddress();
    log.topics = { topic(), addressWord(transfer.from), addressWord(transfer.to) };
    const FixedBytes<32> value = transfer.value.toBigEndian();
    log.data.assign(value.begin(), value.end());
    return log;
}

std::optional<Transfer> decode(const Log& log)
{
    if (log.address != emitterAddress() || log.topics.size() != 3 || log.topics[0] != topic()
        || log.data.size() != 32)
        return std::nullopt;
    auto from = addressOf(log.topics[1]);
    auto to = addressOf(log.topics[2]);
    auto value = codec::UInt256::fromBigEndian(log.data);
    if (!from || !to || !value)
        return std::nullopt;
    return Transfer { *from, *to, *value };
}

} // namespace ls::protocol::nativetransfer
