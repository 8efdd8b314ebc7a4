#include "core/codec/AbiType.h"

#include <limits>
#include <optional>
#include <utility>

namespace ls::codec {
namespace {

constexpr std::size_t kWord = 32;
constexpr std::size_t kMaxFixedArrayLength = 1'000'000; // far beyond any contract; stops abuse

std::size_t saturatingMul(std::size_t a, std::size_t b)
{
    if (a != 0 && b > std::numeric_limits<std::size_t>::max() / a)
        return std::numeric_limits<std::size_t>::max();
    return a * b;
}

std::size_t saturatingAdd(std::size_t a, std::size_t b)
{
    return b > std::numeric_limits<std::size_t>::max() - a ? std::numeric_limits<std::size_t>::max()
                                                           : a + b;
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// Recursive descent over a type string. Positions in messages count characters from 1.
class TypeParser {
public:
    explicit TypeParser(std::string_view text)
        : m_text(text)
    {
    }

    Result<AbiType> parseWhole()
    {
        auto type = parseType(0);
        if (type && m_pos != m_text.size())
            return failAt("unexpected '" + std::string(1, m_text[m_pos]) + "'");
        return type;
    }

    Result<std::vector<AbiType>> parseWholeList()
    {
        if (!consume('('))
            return failAt("expected '(' to start the list of types");
        auto list = parseComponents(1);
        if (list && m_pos != m_text.size())
            return failAt("unexpected '" + std::string(1, m_text[m_pos]) + "'");
        return list;
    }

private:
    std::unexpected<Error> failAt(const std::string& what) const
    {
        return fail(ErrorKind::InvalidInput,
            "Invalid ABI type \"" + std::string(m_text) + "\" at character "
                + std::to_string(m_pos + 1) + ": " + what + ".");
    }

    bool consume(char c)
    {
        if (m_pos < m_text.size() && m_text[m_pos] == c) {
            ++m_pos;
            return true;
        }
        return false;
    }

    // Decimal digits without a leading zero (except "0" itself); nullopt when absent.
    Result<std::optional<std::size_t>> readNumber()
    {
        const std::size_t start = m_pos;
        while (m_pos < m_text.size() && isDigit(m_text[m_pos]))
            ++m_pos;
        if (m_pos == start)
            return std::optional<std::size_t>();
        const std::string_view digits = m_text.substr(start, m_pos - start);
        if (digits.size() > 1 && digits[0] == '0') {
            m_pos = start;
            return failAt("numbers in types have no leading zeros");
        }
        if (digits.size() > 7) {
            m_pos = start;
            return failAt("the number is too large");
        }
        std::size_t value = 0;
        for (char c : digits)
            value = value * 10 + static_cast<std::size_t>(c - '0');
        return std::optional<std::size_t>(value);
    }

    Result<std::vector<AbiType>> parseComponents(std::size_t depth)
    {
        std::vector<AbiType> components;
        if (consume(')'))
            return components;
        while (true) {
            auto component = parseType(depth);
            if (!component)
                return std::unexpected(std::move(component.error()));
            components.push_back(std::move(*component));
            if (consume(')'))
                return components;
            if (!consume(','))
                return failAt(m_pos < m_text.size() ? "expected ',' or ')'"
                                                    : "the tuple is not closed with ')'");
        }
    }

    Result<AbiType> parseType(std::size_t depth)
    {
        if (depth >= kMaxAbiTypeDepth)
            return failAt(
                "types are nested more than " + std::to_string(kMaxAbiTypeDepth) + " deep");
        Result<AbiType> base = AbiType::boolean();
        if (consume('(')) {
            auto components = parseComponents(depth + 1);
            if (!components)
                return std::unexpected(std::move(components.error()));
            base = AbiType::tuple(std::move(*components));
        } else {
            base = parseElementary();
        }
        if (!base)
            return base;
        AbiType type = std::move(*base);
        while (consume('[')) {
            if (++depth >= kMaxAbiTypeDepth)
                return failAt(
                    "types are nested more than " + std::to_string(kMaxAbiTypeDepth) + " deep");
            auto length = readNumber();
            if (!length)
                return std::unexpected(std::move(length.error()));
            if (!consume(']'))
                return failAt("expected ']'");
            if (!*length) {
                type = AbiType::arrayOf(std::move(type));
            } else if (**length > kMaxFixedArrayLength) {
                return failAt("fixed arrays may have at most "
                    + std::to_string(kMaxFixedArrayLength) + " elements");
            } else {
                type = AbiType::fixedArrayOf(std::move(type), **length);
            }
        }
        return type;
    }

    Result<AbiType> parseElementary()
    {
        const std::size_t start = m_pos;
        while (m_pos < m_text.size() && m_text[m_pos] >= 'a' && m_text[m_pos] <= 'z')
            ++m_pos;
        const std::string_view name = m_text.substr(start, m_pos - start);
        if (name == "address")
            return AbiType::address();
        if (name == "bool")
            return AbiType::boolean();
        if (name == "string")
            return AbiType::string();
        if (name != "uint" && name != "int" && name != "bytes") {
            m_pos = start;
            return failAt(
                name.empty() ? "expected a type" : "unknown type \"" + std::string(name) + "\"");
        }
        const std::size_t numberStart = m_pos;
        auto number = readNumber();
        if (!number)
            return std::unexpected(std::move(number.error()));
        if (name == "bytes") {
            if (!*number)
                return AbiType::bytes();
            if (**number < 1 || **number > 32) {
                m_pos = numberStart;
                return failAt("bytes<M> needs 1 <= M <= 32");
            }
            return AbiType::fixedBytes(**number);
        }
        const std::size_t bits = number->value_or(256);
        if (bits < 8 || bits > 256 || bits % 8 != 0) {
            m_pos = numberStart;
            return failAt(std::string(name) + "<M> needs M a multiple of 8 from 8 to 256");
        }
        return name == "uint" ? AbiType::uint(static_cast<unsigned>(bits))
                              : AbiType::int_(static_cast<unsigned>(bits));
    }

    std::string_view m_text;
    std::size_t m_pos = 0;
};

} // namespace

AbiType::AbiType(Kind kind, unsigned bits, std::size_t size, std::vector<AbiType> children)
    : m_kind(kind)
    , m_bits(bits)
    , m_size(size)
    , m_children(std::move(children))
{
    switch (m_kind) {
    case Kind::Bytes:
    case Kind::String:
    case Kind::Array:
        m_dynamic = true;
        break;
    case Kind::FixedArray:
        m_dynamic = element().isDynamic();
        if (!m_dynamic)
            m_staticSize = saturatingMul(element().headSize(), m_size);
        break;
    case Kind::Tuple:
        for (const AbiType& component : m_children) {
            m_dynamic = m_dynamic || component.isDynamic();
            m_staticSize = saturatingAdd(m_staticSize, component.headSize());
        }
        break;
    default:
        m_staticSize = kWord;
        break;
    }
    m_headSize = m_dynamic ? kWord : m_staticSize;
}

Result<AbiType> AbiType::parse(std::string_view text)
{
    return TypeParser(text).parseWhole();
}

Result<std::vector<AbiType>> AbiType::parseList(std::string_view text)
{
    return TypeParser(text).parseWholeList();
}

AbiType AbiType::uint(unsigned bits)
{
    return AbiType(Kind::Uint, bits, 0, {});
}
AbiType AbiType::int_(unsigned bits)
{
    return AbiType(Kind::Int, bits, 0, {});
}
AbiType AbiType::address()
{
    return AbiType(Kind::Address, 160, 0, {});
}
AbiType AbiType::boolean()
{
    return AbiType(Kind::Bool, 0, 0, {});
}
AbiType AbiType::fixedBytes(std::size_t size)
{
    return AbiType(Kind::FixedBytes, 0, size, {});
}
AbiType AbiType::bytes()
{
    return AbiType(Kind::Bytes, 0, 0, {});
}
AbiType AbiType::string()
{
    return AbiType(Kind::String, 0, 0, {});
}

AbiType AbiType::arrayOf(AbiType element)
{
    std::vector<AbiType> children;
    children.push_back(std::move(element));
    return AbiType(Kind::Array, 0, 0, std::move(children));
}

AbiType AbiType::fixedArrayOf(AbiType element, std::size_t length)
{
    std::vector<AbiType> children;
    children.push_back(std::move(element));
    return AbiType(Kind::FixedArray, 0, length, std::move(children));
}

AbiType AbiType::tuple(std::vector<AbiType> components)
{
    return AbiType(Kind::Tuple, 0, 0, std::move(components));
}

std::string AbiType::canonical() const
{
    switch (m_kind) {
    case Kind::Uint:
        return "uint" + std::to_string(m_bits);
    case Kind::Int:
        return "int" + std::to_string(m_bits);
    case Kind::Address:
        return "address";
    case Kind::Bool:
        return "bool";
    case Kind::FixedBytes:
        return "bytes" + std::to_string(m_size);
    case Kind::Bytes:
        return "bytes";
    case Kind::String:
        return "string";
    case Kind::Array:
        return element().canonical() + "[]";
    case Kind::FixedArray:
        return element().canonical() + "[" + std::to_string(m_size) + "]";
    case Kind::Tuple:
        return canonicalList(m_children);
    }
    return {};
}

std::string canonicalList(const std::vector<AbiType>& types)
{
    std::string out = "(";
    for (std::size_t i = 0; i < types.size(); ++i) {
        if (i > 0)
            out += ',';
        out += types[i].canonical();
    }
    return out + ")";
}

} // namespace ls::codec
