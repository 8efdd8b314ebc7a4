#pragma once

#include "core/util/Error.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ls::codec {

// Type trees are parsed with this bound on nesting (tuples and array suffixes each count one),
// which also bounds the recursion of the encoder and decoder.
inline constexpr std::size_t kMaxAbiTypeDepth = 32;

// A Solidity ABI type (docs/abi-spec.rst in the Solidity repository): uint<M>, int<M>, address,
// bool, bytes<M>, bytes, string, T[], T[k] and tuples (T1,...,Tn). Fixed-point and function
// types are not supported; no system contract uses them.
class AbiType {
public:
    enum class Kind {
        Uint,
        Int,
        Address,
        Bool,
        FixedBytes,
        Bytes,
        String,
        Array,
        FixedArray,
        Tuple
    };

    // From a type string such as "uint256", "(address,uint[])[2]" or "bytes32". The aliases
    // uint and int mean uint256 and int256. No spaces and no names: canonical form only.
    static Result<AbiType> parse(std::string_view text);
    // A parenthesised list "(T1,...,Tn)" read as the types of separate arguments.
    static Result<std::vector<AbiType>> parseList(std::string_view text);

    static AbiType uint(unsigned bits = 256);
    static AbiType int_(unsigned bits = 256);
    static AbiType address();
    static AbiType boolean();
    static AbiType fixedBytes(std::size_t size);
    static AbiType bytes();
    static AbiType string();
    static AbiType arrayOf(AbiType element);
    static AbiType fixedArrayOf(AbiType element, std::size_t length);
    static AbiType tuple(std::vector<AbiType> components);

    Kind kind() const { return m_kind; }
    unsigned bits() const { return m_bits; } // uint<M>, int<M>
    std::size_t size() const { return m_size; } // bytes<M>: M; T[k]: k
    const AbiType& element() const { return m_children.front(); } // T[] and T[k] only
    const std::vector<AbiType>& components() const { return m_children; } // tuples

    // Canonical form for selectors: "uint256", "(bytes,bool)[]".
    std::string canonical() const;
    // bytes, string, T[], and arrays and tuples that contain a dynamic type.
    bool isDynamic() const { return m_dynamic; }
    // Bytes the type takes in the head of an enclosing tuple: 32 for dynamic types, else the
    // full static encoding (saturating at SIZE_MAX for absurd fixed arrays).
    std::size_t headSize() const { return m_headSize; }

    friend bool operator==(const AbiType& a, const AbiType& b)
    {
        return a.m_kind == b.m_kind && a.m_bits == b.m_bits && a.m_size == b.m_size
            && a.m_children == b.m_children;
    }

private:
    AbiType(Kind kind, unsigned bits, std::size_t size, std::vector<AbiType> children);

    Kind m_kind = Kind::Tuple;
    unsigned m_bits = 0;
    std::size_t m_size = 0;
    std::vector<AbiType> m_children;
    bool m_dynamic = false;
    std::size_t m_staticSize = 0; // encoding size of a static type
    std::size_t m_headSize = 0;
};

std::string canonicalList(const std::vector<AbiType>& types); // "(T1,...,Tn)"

} // namespace ls::codec
