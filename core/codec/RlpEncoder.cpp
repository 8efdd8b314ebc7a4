#include "core/codec/RlpEncoder.h"

#include <bit>
#include <cassert>

namespace ls::codec {
namespace {

constexpr std::uint8_t kStringBase = 0x80;
constexpr std::uint8_t kListBase = 0xc0;
constexpr std::size_t kShortLimit = 56; // payloads below this get a one-byte prefix

std::size_t lengthOfLength(std::size_t length)
{
    return (static_cast<std::size_t>(std::bit_width(length)) + 7) / 8;
}

void writeLengthPrefix(Bytes& out, std::size_t length, std::uint8_t base)
{
    if (length < kShortLimit) {
        out.push_back(static_cast<std::uint8_t>(base + length));
        return;
    }
    const std::size_t bytes = lengthOfLength(length);
    out.push_back(static_cast<std::uint8_t>(base + 55 + bytes));
    for (std::size_t i = bytes; i-- > 0;)
        out.push_back(static_cast<std::uint8_t>(length >> (8 * i)));
}

} // namespace

std::size_t rlpLengthPrefixSize(std::size_t length)
{
    return length < kShortLimit ? 1 : 1 + lengthOfLength(length);
}

void RlpEncoder::addBytes(ByteView bytes)
{
    // A single byte below 0x80 is its own encoding.
    if (bytes.size() != 1 || bytes[0] >= kStringBase)
        writeLengthPrefix(m_body, bytes.size(), kStringBase);
    m_body.insert(m_body.end(), bytes.begin(), bytes.end());
}

void RlpEncoder::addUInt(std::uint64_t value)
{
    addUInt(UInt256(value));
}

void RlpEncoder::addUInt(const UInt256& value)
{
    const auto full = value.toBigEndian();
    const std::size_t length = (value.bitLength() + 7) / 8;
    addBytes(ByteView(full).last(length));
}

void RlpEncoder::addEncoded(ByteView encodedItem)
{
    m_body.insert(m_body.end(), encodedItem.begin(), encodedItem.end());
}

void RlpEncoder::beginList()
{
    m_open.push_back(m_lists.size());
    m_lists.push_back({ m_body.size(), m_closedHeaderBytes, 0 });
}

void RlpEncoder::endList()
{
    assert(!m_open.empty() && "RlpEncoder::endList() without beginList()");
    if (m_open.empty())
        return;
    ListHeader& list = m_lists[m_open.back()];
    m_open.pop_back();
    // The payload is the body written since the list began plus the headers of the lists that
    // began and ended inside it.
    list.payloadSize
        = (m_body.size() - list.offset) + (m_closedHeaderBytes - list.headerBytesBefore);
    m_closedHeaderBytes += rlpLengthPrefixSize(list.payloadSize);
}

Bytes RlpEncoder::finish()
{
    assert(m_open.empty() && "RlpEncoder::finish() with a list still open");
    while (!m_open.empty())
        endList(); // release builds: close what is open rather than emit a broken encoding

    Bytes out;
    out.reserve(m_body.size() + m_closedHeaderBytes);
    std::size_t copied = 0;
    for (const ListHeader& list : m_lists) {
        out.insert(out.end(), m_body.begin() + static_cast<std::ptrdiff_t>(copied),
            m_body.begin() + static_cast<std::ptrdiff_t>(list.offset));
        copied = list.offset;
        writeLengthPrefix(out, list.payloadSize, kListBase);
    }
    out.insert(out.end(), m_body.begin() + static_cast<std::ptrdiff_t>(copied), m_body.end());

    m_body.clear();
    m_lists.clear();
    m_closedHeaderBytes = 0;
    return out;
}

Bytes RlpEncoder::encodeBytes(ByteView bytes)
{
    RlpEncoder encoder;
    encoder.addBytes(bytes);
    return encoder.finish();
}

Bytes RlpEncoder::encodeUInt(const UInt256& value)
{
    RlpEncoder encoder;
    encoder.addUInt(value);
    return encoder.finish();
}

} // namespace ls::codec
