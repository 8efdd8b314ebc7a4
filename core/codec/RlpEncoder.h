#pragma once

#include "core/codec/UInt256.h"
#include "core/util/Bytes.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace ls::codec {

// Recursive Length Prefix encoding (Ethereum yellow paper, Appendix B).
//
// Items are appended in order; lists are bracketed with beginList()/endList(). A list's length
// prefix is only known when it ends, so list headers are kept aside and spliced in by finish()
// in one pass: nesting costs no re-copying of the payload, whatever the depth.
//
//     RlpEncoder rlp;
//     rlp.beginList();
//     rlp.addUInt(nonce);
//     rlp.addBytes(to);
//     rlp.endList();
//     Bytes encoded = rlp.finish();
class RlpEncoder {
public:
    void addBytes(ByteView bytes);
    void addText(std::string_view text) { addBytes(asBytes(text)); }
    // Integers are their minimal big-endian bytes; zero is the empty string (0x80).
    void addUInt(std::uint64_t value);
    void addUInt(const UInt256& value);
    // An item that is already RLP-encoded (e.g. a signed transaction inside a block body). The
    // caller vouches for it; it is copied as is.
    void addEncoded(ByteView encodedItem);

    void beginList();
    void endList();

    // The encoding of everything added, as one byte string; the encoder is empty afterwards.
    // Every beginList() must have been matched by endList() (a programming error otherwise).
    Bytes finish();

    // One-item shortcuts.
    static Bytes encodeBytes(ByteView bytes);
    static Bytes encodeUInt(const UInt256& value);

private:
    struct ListHeader {
        std::size_t offset = 0; // where the list starts in m_body
        std::size_t headerBytesBefore = 0; // m_closedHeaderBytes when the list began
        std::size_t payloadSize = 0; // set by endList(), includes nested list headers
    };

    Bytes m_body; // everything except list headers
    std::vector<ListHeader> m_lists; // in beginList() order, which is also output order
    std::vector<std::size_t> m_open; // indexes into m_lists of lists not yet ended
    std::size_t m_closedHeaderBytes = 0; // total size of the headers of ended lists
};

// Size of the prefix in front of a payload of `length` bytes: one byte (0x80 or 0xc0 + length)
// below 56 bytes, else that byte plus the length in minimal big-endian.
std::size_t rlpLengthPrefixSize(std::size_t length);

} // namespace ls::codec
