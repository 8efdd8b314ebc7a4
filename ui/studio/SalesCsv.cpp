#include "ui/studio/SalesCsv.h"

#include "ui/PhtAmount.h"

#include <QDateTime>
#include <QStringList>

namespace ls::ui::salescsv {
namespace {

QString field(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace

std::string plainPht(const std::string& baseUnits)
{
    std::string digits = baseUnits.empty() ? std::string("0") : baseUnits;
    if (digits.size() <= static_cast<std::size_t>(pht::kDecimals))
        digits.insert(0, static_cast<std::size_t>(pht::kDecimals) + 1 - digits.size(), '0');
    std::string whole = digits.substr(0, digits.size() - pht::kDecimals);
    std::string fraction = digits.substr(digits.size() - pht::kDecimals);
    whole.erase(0, std::min(whole.find_first_not_of('0'), whole.size() - 1));
    while (!fraction.empty() && fraction.back() == '0')
        fraction.pop_back();
    return fraction.empty() ? whole : whole + "." + fraction;
}

QByteArray build(
    const std::vector<StudioTitle>& titles, const std::vector<api::AccountActivity>& sales)
{
    QStringList lines { QString::fromLatin1(kHeader) };
    std::uint64_t salesCount = 0;
    std::string revenue = "0";
    for (const StudioTitle& title : titles) {
        QStringList row { QString::number(title.local.titleId), field(title.name()) };
        if (title.chain) {
            const api::TitleInfo& info = *title.chain;
            row << QString::fromStdString(plainPht(info.price))
                << (info.listed ? QStringLiteral("yes") : QStringLiteral("no"))
                << QString::number(info.versionCount) << QString::number(info.salesCount)
                << QString::fromStdString(plainPht(info.revenue))
                << QString::number(info.proof.height);
            salesCount += info.salesCount;
            revenue = pht::add(revenue, info.revenue);
        } else {
            // Not proven (yet): left empty rather than guessed.
            row << QString() << QString() << QString::number(title.local.versions.size())
                << QString() << QString() << QString();
        }
        lines << row.join(QLatin1Char(','));
    }
    lines << QStringLiteral(",Total,,,,%1,%2,")
                 .arg(salesCount)
                 .arg(QString::fromStdString(plainPht(revenue)));
    lines << QString() << QString::fromLatin1(kSalesHeader);
    // Oldest first, as a ledger reads.
    for (auto sale = sales.rbegin(); sale != sales.rend(); ++sale) {
        QString name;
        for (const StudioTitle& title : titles)
            if (title.local.titleId == sale->titleId)
                name = title.name();
        const QDateTime time
            = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(sale->timeMs), Qt::UTC);
        lines << QStringList { time.toString(Qt::ISODate), QString::number(sale->titleId),
            field(name), QString::fromStdString(sale->counterparty),
            QString::fromStdString(plainPht(sale->amount)),
            QString::fromStdString(sale->fee.empty() ? std::string() : plainPht(sale->fee)),
            QString::fromStdString(sale->txHash), QString::number(sale->proof.height) }
                     .join(QLatin1Char(','));
    }
    return (lines.join(QStringLiteral("\r\n")) + QStringLiteral("\r\n")).toUtf8();
}

} // namespace ls::ui::salescsv
