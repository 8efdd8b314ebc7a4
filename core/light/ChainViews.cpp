#include "core/light/ChainViews.h"

#include "core/codec/Hex.h"

namespace ls::light {
namespace {

std::string hex(ByteView bytes)
{
    return codec::toHex(bytes, true);
}

} // namespace

api::ProvenAt provenAt(std::uint64_t height, const Hash256& blockHash)
{
    return { height, hex(blockHash) };
}

api::AccountInfo accountInfo(const crypto::Address& address, const Verified<AccountRecord>& value)
{
    return { address.toChecksumString(), value.value.nonce, value.value.balance.toDecimalString(),
        provenAt(value.height, value.blockHash) };
}

api::TitleInfo titleInfo(std::uint64_t titleId, const TitleRecord& title, const api::ProvenAt& at)
{
    api::TitleInfo out;
    out.id = titleId;
    out.author = title.author.toChecksumString();
    out.metadataInfohash = hex(title.metadataInfohash);
    out.keyCommitment = hex(title.keyCommitment);
    out.price = title.price.toDecimalString();
    out.subject = title.subject;
    out.salesModel = title.salesModel;
    out.listed = title.listed;
    out.versionCount = title.versionCount;
    out.salesCount = title.salesCount;
    out.revenue = title.revenue.toDecimalString();
    out.publishedAtMs = title.publishedAtMs;
    out.proof = at;
    return out;
}

api::LicenceInfo licenceInfo(std::uint64_t titleId, const crypto::Address& buyer,
    const LicenceRecord& licence, const api::ProvenAt& at)
{
    return { titleId, buyer.toChecksumString(), licence.versionAtPurchase,
        licence.price.toDecimalString(), licence.timeMs, hex(licence.buyerBoxKey), at };
}

api::VersionInfo versionInfo(std::uint64_t titleId, std::uint32_t number,
    const VersionRecord& version, const api::ProvenAt& at)
{
    api::VersionInfo out;
    out.titleId = titleId;
    out.number = number;
    out.contentInfohash = hex(version.contentInfohash);
    out.size = version.size;
    out.note = version.note;
    out.addedAtMs = version.addedAtMs;
    out.proof = at;
    return out;
}

api::NetworkParameters networkParameters(
    const ChainParameters& parameters, const CatalogCounters& counters, const api::ProvenAt& at)
{
    api::NetworkParameters out;
    out.minGasPrice = parameters.minGasPrice.toDecimalString();
    out.blockGasLimit = parameters.blockGasLimit;
    out.serviceFeeBps = static_cast<std::uint32_t>(parameters.serviceFeeBps);
    out.treasury = parameters.treasury.toChecksumString();
    out.titleCount = counters.titleCount();
    out.proof = at;
    return out;
}

api::TransactionConfirmation confirmation(const ConfirmedTransaction& confirmed)
{
    const protocol::Receipt& receipt = confirmed.receipt;
    api::TransactionConfirmation out;
    out.txHash = hex(receipt.txHash);
    out.succeeded = receipt.status == protocol::Receipt::kSuccess;
    out.revertReason = receipt.revertReason;
    out.gasUsed = receipt.gasUsed;
    out.effectiveGasPrice = receipt.effectiveGasPrice.toDecimalString();
    for (const protocol::Log& log : receipt.logs) {
        api::LogEntry entry;
        entry.address = log.address.toChecksumString();
        for (const Hash256& topic : log.topics)
            entry.topics.push_back(hex(topic));
        entry.data = codec::toHex(log.data, true);
        out.logs.push_back(std::move(entry));
    }
    out.index = confirmed.index;
    out.proof = provenAt(confirmed.height, confirmed.blockHash);
    out.timeMs = confirmed.timeMs;
    return out;
}

api::ChainEndpoint endpointView(const EndpointStatus& status)
{
    using From = EndpointStatus::State;
    using To = api::ChainEndpoint::State;
    To state = To::Unknown;
    switch (status.state) {
    case From::Unknown:
        state = To::Unknown;
        break;
    case From::Agrees:
        state = To::Agrees;
        break;
    case From::Behind:
        state = To::Behind;
        break;
    case From::Unreachable:
        state = To::Unreachable;
        break;
    case From::Faulty:
        state = To::Faulty;
        break;
    case From::Forked:
        state = To::Forked;
        break;
    }
    return { status.url, status.primary, state, status.detail };
}

api::ChainAlarm alarmView(const ForkAlarm& alarm)
{
    api::ChainAlarm out;
    out.height = alarm.height;
    out.summary = alarm.summary;
    out.verifiedSource = alarm.verifiedSource;
    out.conflictingSource = alarm.conflictingSource;
    out.verifiedBlockHash = hex(alarm.verified.header.hash());
    out.conflictingBlockHash = hex(alarm.conflicting.header.hash());
    for (const crypto::Address& signer : alarm.doubleSigners)
        out.doubleSigners.push_back(signer.toChecksumString());
    out.verifiedEvidence = hex(alarm.verified.encode());
    out.conflictingEvidence = hex(alarm.conflicting.encode());
    return out;
}

} // namespace ls::light
