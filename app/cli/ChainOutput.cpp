#include "app/cli/ChainOutput.h"

#include "core/codec/UInt256.h"

#include <QDateTime>
#include <QJsonArray>

namespace ls::cli::output {
namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

QString time(std::uint64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(ms), Qt::UTC)
        .toString(Qt::ISODate);
}

} // namespace

QString pht(const std::string& baseUnits)
{
    auto value = codec::UInt256::fromDecimal(baseUnits);
    return value ? q(codec::formatUnits(*value)) + QStringLiteral(" PHT") : q(baseUnits);
}

QString proven(const api::ProvenAt& at)
{
    return QStringLiteral("verified at block %1 (%2…)")
        .arg(at.height)
        .arg(q(at.blockHash).left(12));
}

QJsonObject provenJson(const api::ProvenAt& at)
{
    return { { QStringLiteral("height"), static_cast<qint64>(at.height) },
        { QStringLiteral("blockHash"), q(at.blockHash) } };
}

QString confirmationText(const api::TransactionConfirmation& confirmation)
{
    const auto price = codec::UInt256::fromDecimal(confirmation.effectiveGasPrice);
    const auto fee = price ? codec::UInt256(confirmation.gasUsed).checkedMul(*price) : std::nullopt;
    QString text = QStringLiteral("Transaction %1\n  status    %2\n  fee       %3 (%4 gas)\n")
                       .arg(q(confirmation.txHash),
                           confirmation.succeeded
                               ? QStringLiteral("succeeded")
                               : QStringLiteral("failed: ") + q(confirmation.revertReason),
                           fee ? pht(fee->toDecimalString()) : QStringLiteral("?"))
                       .arg(confirmation.gasUsed);
    text += QStringLiteral("  block     %1, position %2\n  %3")
                .arg(confirmation.proof.height)
                .arg(confirmation.index)
                .arg(proven(confirmation.proof));
    return text;
}

QJsonObject confirmationJson(const api::TransactionConfirmation& confirmation)
{
    QJsonArray logs;
    for (const api::LogEntry& log : confirmation.logs) {
        QJsonArray topics;
        for (const std::string& topic : log.topics)
            topics.append(q(topic));
        logs.append(QJsonObject { { QStringLiteral("address"), q(log.address) },
            { QStringLiteral("topics"), topics }, { QStringLiteral("data"), q(log.data) } });
    }
    return { { QStringLiteral("txHash"), q(confirmation.txHash) },
        { QStringLiteral("succeeded"), confirmation.succeeded },
        { QStringLiteral("revertReason"), q(confirmation.revertReason) },
        { QStringLiteral("gasUsed"), static_cast<qint64>(confirmation.gasUsed) },
        { QStringLiteral("effectiveGasPrice"), q(confirmation.effectiveGasPrice) },
        { QStringLiteral("index"), static_cast<qint64>(confirmation.index) },
        { QStringLiteral("logs"), logs },
        { QStringLiteral("proof"), provenJson(confirmation.proof) } };
}

QString titleText(const api::TitleInfo& title)
{
    return QStringLiteral("Title %1\n  author          %2\n  price           %3\n"
                          "  subject         %4\n  listed          %5\n  versions        %6\n"
                          "  sales           %7 (revenue %8)\n  metadata        %9\n")
               .arg(title.id)
               .arg(q(title.author), pht(title.price),
                   title.subject.empty() ? QStringLiteral("—") : q(title.subject),
                   title.listed ? QStringLiteral("yes") : QStringLiteral("no (delisted)"))
               .arg(title.versionCount)
               .arg(title.salesCount)
               .arg(pht(title.revenue), q(title.metadataInfohash))
        + QStringLiteral("  key commitment  %1\n  published       %2\n  %3")
              .arg(q(title.keyCommitment), time(title.publishedAtMs), proven(title.proof));
}

QJsonObject titleJson(const api::TitleInfo& title)
{
    return { { QStringLiteral("id"), static_cast<qint64>(title.id) },
        { QStringLiteral("author"), q(title.author) }, { QStringLiteral("price"), q(title.price) },
        { QStringLiteral("subject"), q(title.subject) },
        { QStringLiteral("salesModel"), title.salesModel },
        { QStringLiteral("listed"), title.listed },
        { QStringLiteral("versionCount"), static_cast<qint64>(title.versionCount) },
        { QStringLiteral("salesCount"), static_cast<qint64>(title.salesCount) },
        { QStringLiteral("revenue"), q(title.revenue) },
        { QStringLiteral("metadataInfohash"), q(title.metadataInfohash) },
        { QStringLiteral("keyCommitment"), q(title.keyCommitment) },
        { QStringLiteral("publishedAtMs"), static_cast<qint64>(title.publishedAtMs) },
        { QStringLiteral("proof"), provenJson(title.proof) } };
}

QString licenceText(const api::LicenceInfo& licence)
{
    return QStringLiteral("Licence for title %1\n  holder   %2\n  paid     %3\n"
                          "  bought   %4, when version %5 was the latest\n"
                          "  box key  %6\n  %7")
        .arg(licence.titleId)
        .arg(q(licence.buyer), pht(licence.price), time(licence.timeMs))
        .arg(licence.versionAtPurchase)
        .arg(q(licence.buyerBoxKey), proven(licence.proof));
}

QJsonObject licenceJson(const api::LicenceInfo& licence)
{
    return { { QStringLiteral("titleId"), static_cast<qint64>(licence.titleId) },
        { QStringLiteral("buyer"), q(licence.buyer) },
        { QStringLiteral("price"), q(licence.price) },
        { QStringLiteral("timeMs"), static_cast<qint64>(licence.timeMs) },
        { QStringLiteral("versionAtPurchase"), static_cast<qint64>(licence.versionAtPurchase) },
        { QStringLiteral("buyerBoxKey"), q(licence.buyerBoxKey) },
        { QStringLiteral("proof"), provenJson(licence.proof) } };
}

} // namespace ls::cli::output
