#pragma once

// A deliberately naive model of docs/protocol.md §2 for cross-checking the real tree: the root and
// the proof are recomputed from scratch, straight from the recursive definition, over a std::map.
// It shares no code with core/node (only keccak), so a misreading of the spec in one is unlikely
// to be repeated in the other.

#include "core/crypto/Keccak.h"
#include "core/protocol/StateProof.h"
#include "core/util/Bytes.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <random>
#include <tuple>
#include <vector>

namespace ls::testing {

inline Hash256 refLeafHash(const Hash256& path, ByteView value)
{
    Hash256 valueHash = crypto::keccak256(value);
    Bytes input { 0x00 };
    input.insert(input.end(), path.begin(), path.end());
    input.insert(input.end(), valueHash.begin(), valueHash.end());
    return crypto::keccak256(input);
}

inline Hash256 refNodeHash(const Hash256& left, const Hash256& right)
{
    Bytes input { 0x01 };
    input.insert(input.end(), left.begin(), left.end());
    input.insert(input.end(), right.begin(), right.end());
    return crypto::keccak256(input);
}

inline bool refBit(const Hash256& path, std::size_t i)
{
    return (path[i / 8] & (0x80 >> (i % 8))) != 0;
}

class ReferenceStateTree {
public:
    using Entries = std::map<Hash256, Bytes>;
    using Iter = Entries::const_iterator;

    Entries entries;

    void set(const Hash256& path, std::optional<Bytes> value)
    {
        m_memo.clear();
        if (value)
            entries[path] = *value;
        else
            entries.erase(path);
    }

    Hash256 root() const { return subtree(entries.begin(), entries.end(), 0); }

    // The proof the spec prescribes for `path`.
    protocol::StateProof proof(const Hash256& path) const
    {
        protocol::StateProof out;
        Iter begin = entries.begin();
        Iter end = entries.end();
        std::size_t depth = 0;
        while (std::distance(begin, end) > 1) {
            Iter split = splitAt(begin, end, depth);
            if (refBit(path, depth)) {
                out.siblings.push_back(subtree(begin, split, depth + 1));
                begin = split;
            } else {
                out.siblings.push_back(subtree(split, end, depth + 1));
                end = split;
            }
            ++depth;
        }
        if (begin != end)
            out.terminal = protocol::StateLeaf { begin->first, crypto::keccak256(begin->second) };
        return out;
    }

private:
    // First entry whose bit `depth` is 1 (entries in [begin, end) share bits 0…depth-1).
    static Iter splitAt(Iter begin, Iter end, std::size_t depth)
    {
        Iter it = begin;
        while (it != end && !refBit(it->first, depth))
            ++it;
        return it;
    }

    Hash256 subtree(Iter begin, Iter end, std::size_t depth) const
    {
        auto count = std::distance(begin, end);
        if (count == 0)
            return Hash256 {};
        if (count == 1)
            return refLeafHash(begin->first, begin->second);
        // Memoised only to keep the test fast when many proofs are taken from one snapshot.
        auto key = std::make_tuple(begin->first, count, depth);
        if (auto found = m_memo.find(key); found != m_memo.end())
            return found->second;
        Iter split = splitAt(begin, end, depth);
        Hash256 h = refNodeHash(subtree(begin, split, depth + 1), subtree(split, end, depth + 1));
        m_memo.emplace(key, h);
        return h;
    }

    mutable std::map<std::tuple<Hash256, std::ptrdiff_t, std::size_t>, Hash256> m_memo;
};

// Paths that share long prefixes now and then, so deep subtrees and collapses get exercised.
// Never one of `near` itself.
inline Hash256 randomPath(std::mt19937_64& rng, const std::vector<Hash256>& near)
{
    while (true) {
        Hash256 path;
        for (auto& byte : path)
            byte = static_cast<std::uint8_t>(rng());
        if (!near.empty() && rng() % 3 == 0) {
            const Hash256& base = near[rng() % near.size()];
            std::size_t keepBits = rng() % 256;
            for (std::size_t i = 0; i < keepBits; ++i) {
                auto mask = static_cast<std::uint8_t>(0x80 >> (i % 8));
                path[i / 8]
                    = static_cast<std::uint8_t>((path[i / 8] & ~mask) | (base[i / 8] & mask));
            }
        }
        if (std::find(near.begin(), near.end(), path) == near.end())
            return path;
    }
}

inline Bytes randomValue(std::mt19937_64& rng)
{
    Bytes value(rng() % 80);
    for (auto& byte : value)
        byte = static_cast<std::uint8_t>(rng());
    return value;
}

} // namespace ls::testing
