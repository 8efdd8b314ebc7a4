#pragma once

#include "core/api/Chain.h"
#include "core/crypto/Address.h"
#include "core/light/ChainRecords.h"
#include "core/light/ForkAlarm.h"
#include "core/light/Verified.h"

#include <cstdint>

// The light client's verified values as core/api's plain types (text for addresses, hashes and
// amounts, so ui/ needs nothing but core/api and core/util).
namespace ls::light {

api::ProvenAt provenAt(std::uint64_t height, const Hash256& blockHash);
api::AccountInfo accountInfo(const crypto::Address& address, const Verified<AccountRecord>& value);
api::TitleInfo titleInfo(std::uint64_t titleId, const TitleRecord& title, const api::ProvenAt& at);
api::VersionInfo versionInfo(std::uint64_t titleId, std::uint32_t number,
    const VersionRecord& version, const api::ProvenAt& at);
api::NetworkParameters networkParameters(
    const ChainParameters& parameters, const CatalogCounters& counters, const api::ProvenAt& at);
api::LicenceInfo licenceInfo(std::uint64_t titleId, const crypto::Address& buyer,
    const LicenceRecord& licence, const api::ProvenAt& at);
api::TransactionConfirmation confirmation(const ConfirmedTransaction& confirmed);
api::ChainEndpoint endpointView(const EndpointStatus& status);
api::ChainAlarm alarmView(const ForkAlarm& alarm);

} // namespace ls::light
