#include "core/node/execution/ChainState.h"

#include "core/node/execution/StateKeys.h"

#include <string>

namespace ls::node {
namespace {

// Reads one entry and decodes it with `decode`; nullopt when absent. `describe` names the entry
// for the error message, and runs only when there is one: reads are on the hot path of every
// transaction.
template <typename T, typename Describe, typename Decode>
Result<std::optional<T>> readEntry(
    StateOverlay& overlay, std::uint8_t ns, ByteView key, Describe describe, Decode decode)
{
    auto bytes = overlay.get(ns, key);
    if (!bytes)
        return std::unexpected(std::move(bytes.error()));
    if (!*bytes)
        return std::optional<T> {};
    auto decoded = decode(**bytes);
    if (!decoded)
        return fail(ErrorKind::Internal,
            "Corrupt chain state (" + describe() + "): " + decoded.error().message);
    return std::optional<T> { std::move(*decoded) };
}

std::string titleName(std::uint64_t titleId)
{
    return "title " + std::to_string(titleId);
}

} // namespace

Result<AccountState> ChainState::account(const crypto::Address& address)
{
    auto entry = readEntry<AccountState>(
        m_overlay, state::kAccountNamespace, state::accountKey(address),
        [&] { return "account " + address.toChecksumString(); },
        [](ByteView bytes) { return AccountState::decode(bytes); });
    if (!entry)
        return std::unexpected(std::move(entry.error()));
    return entry->value_or(AccountState {});
}

void ChainState::setAccount(const crypto::Address& address, const AccountState& account)
{
    if (account.isEmpty())
        m_overlay.erase(state::kAccountNamespace, state::accountKey(address));
    else
        m_overlay.set(state::kAccountNamespace, state::accountKey(address), account.encode());
}

Result<std::optional<TitleRecord>> ChainState::title(std::uint64_t titleId)
{
    return readEntry<TitleRecord>(
        m_overlay, state::kTitleNamespace, state::titleKey(titleId),
        [&] { return titleName(titleId); },
        [](ByteView bytes) { return TitleRecord::decode(bytes); });
}

void ChainState::setTitle(std::uint64_t titleId, const TitleRecord& title)
{
    m_overlay.set(state::kTitleNamespace, state::titleKey(titleId), title.encode());
}

Result<std::optional<VersionRecord>> ChainState::version(
    std::uint64_t titleId, std::uint32_t version)
{
    return readEntry<VersionRecord>(
        m_overlay, state::kVersionNamespace, state::versionKey(titleId, version),
        [&] { return titleName(titleId) + " version " + std::to_string(version); },
        [](ByteView bytes) { return VersionRecord::decode(bytes); });
}

void ChainState::setVersion(
    std::uint64_t titleId, std::uint32_t version, const VersionRecord& record)
{
    m_overlay.set(state::kVersionNamespace, state::versionKey(titleId, version), record.encode());
}

Result<std::optional<LicenceRecord>> ChainState::licence(
    std::uint64_t titleId, const crypto::Address& buyer)
{
    return readEntry<LicenceRecord>(
        m_overlay, state::kLicenceNamespace, state::licenceKey(titleId, buyer),
        [&] { return titleName(titleId) + " licence of " + buyer.toChecksumString(); },
        [](ByteView bytes) { return LicenceRecord::decode(bytes); });
}

void ChainState::setLicence(
    std::uint64_t titleId, const crypto::Address& buyer, const LicenceRecord& licence)
{
    m_overlay.set(state::kLicenceNamespace, state::licenceKey(titleId, buyer), licence.encode());
}

Result<CatalogCounters> ChainState::counters()
{
    auto entry = readEntry<CatalogCounters>(
        m_overlay, state::kCatalogCountersNamespace, asBytes(state::kCatalogCountersKey),
        [] { return std::string("catalog counters"); },
        [](ByteView bytes) { return CatalogCounters::decode(bytes); });
    if (!entry)
        return std::unexpected(std::move(entry.error()));
    return entry->value_or(CatalogCounters {});
}

void ChainState::setCounters(const CatalogCounters& counters)
{
    m_overlay.set(
        state::kCatalogCountersNamespace, asBytes(state::kCatalogCountersKey), counters.encode());
}

Result<ChainParams> ChainState::params(std::uint64_t chainId)
{
    auto entry = readEntry<ChainParams>(
        m_overlay, state::kParamsNamespace, asBytes(state::kParamsKey),
        [] { return std::string("chain parameters"); },
        [chainId](ByteView bytes) { return ChainParams::decode(bytes, chainId); });
    if (!entry)
        return std::unexpected(std::move(entry.error()));
    if (!*entry)
        return fail(ErrorKind::Internal,
            "Corrupt chain state: the chain parameters entry is missing (it is written at "
            "genesis).");
    return std::move(**entry);
}

void ChainState::setParams(const ChainParams& params)
{
    m_overlay.set(state::kParamsNamespace, asBytes(state::kParamsKey), params.encode());
}

} // namespace ls::node
