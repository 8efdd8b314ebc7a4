#include "ui/PhtAmount.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>

namespace ls::ui::pht {
namespace {

QString tr(const char* text)
{
    // The context lupdate files tr() calls of this namespace under.
    return QCoreApplication::translate("ls::ui::pht", text);
}

std::string withoutLeadingZeros(std::string digits)
{
    const auto first = digits.find_first_not_of('0');
    return first == std::string::npos ? std::string("0") : digits.substr(first);
}

bool allDigits(const QString& text)
{
    return std::ranges::all_of(text, [](QChar c) { return c >= u'0' && c <= u'9'; });
}

std::optional<std::string> refuse(QString* error, const QString& sentence)
{
    if (error)
        *error = sentence;
    return std::nullopt;
}

} // namespace

std::optional<std::string> parse(const QString& text, QString* error)
{
    QString cleaned = text.trimmed();
    cleaned.remove(QLocale().groupSeparator());
    cleaned.replace(QLocale().decimalPoint(), QStringLiteral("."));
    if (cleaned.endsWith(QStringLiteral("PHT"), Qt::CaseInsensitive))
        cleaned = cleaned.chopped(3).trimmed();
    const QStringList parts = cleaned.split(u'.');
    const QString whole = parts.value(0);
    const QString fraction = parts.size() > 1 ? parts.at(1) : QString();
    if (cleaned.isEmpty() || parts.size() > 2 || (whole.isEmpty() && fraction.isEmpty())
        || !allDigits(whole) || !allDigits(fraction))
        return refuse(error, tr("Enter an amount in PHT, like 12.5."));
    if (fraction.size() > kDecimals)
        return refuse(error, tr("PHT has at most 18 decimal places."));
    const std::string digits = withoutLeadingZeros(whole.toStdString() + fraction.toStdString()
        + std::string(static_cast<std::size_t>(kDecimals - fraction.size()), '0'));
    if (digits == "0")
        return refuse(error, tr("Enter an amount above zero."));
    return digits;
}

QString format(const std::string& baseUnits)
{
    std::string digits = withoutLeadingZeros(baseUnits);
    if (digits.size() <= kDecimals)
        digits.insert(0, kDecimals + 1 - digits.size(), '0');
    const std::string whole = digits.substr(0, digits.size() - kDecimals);
    std::string fraction = digits.substr(digits.size() - kDecimals);
    fraction.erase(fraction.find_last_not_of('0') + 1);

    const QLocale locale;
    QString grouped;
    for (std::size_t i = 0; i < whole.size(); ++i) {
        if (i > 0 && (whole.size() - i) % 3 == 0)
            grouped += locale.groupSeparator();
        grouped += QChar::fromLatin1(whole[i]);
    }
    if (!fraction.empty())
        grouped += locale.decimalPoint() + QString::fromStdString(fraction);
    return grouped;
}

QString formatWithUnit(const std::string& baseUnits)
{
    return format(baseUnits) + QStringLiteral(" PHT");
}

int compare(const std::string& a, const std::string& b)
{
    const std::string x = withoutLeadingZeros(a);
    const std::string y = withoutLeadingZeros(b);
    if (x.size() != y.size())
        return x.size() < y.size() ? -1 : 1;
    return x.compare(y) < 0 ? -1 : (x == y ? 0 : 1);
}

std::string add(const std::string& a, const std::string& b)
{
    std::string result;
    int carry = 0;
    for (std::size_t i = 0; i < std::max(a.size(), b.size()) || carry; ++i) {
        int sum = carry;
        if (i < a.size())
            sum += a[a.size() - 1 - i] - '0';
        if (i < b.size())
            sum += b[b.size() - 1 - i] - '0';
        result.push_back(static_cast<char>('0' + sum % 10));
        carry = sum / 10;
    }
    std::ranges::reverse(result);
    return withoutLeadingZeros(result);
}

std::optional<std::string> subtract(const std::string& a, const std::string& b)
{
    if (compare(a, b) < 0)
        return std::nullopt;
    std::string result;
    int borrow = 0;
    for (std::size_t i = 0; i < a.size(); ++i) {
        int digit = a[a.size() - 1 - i] - '0' - borrow;
        if (i < b.size())
            digit -= b[b.size() - 1 - i] - '0';
        borrow = digit < 0 ? 1 : 0;
        result.push_back(static_cast<char>('0' + digit + 10 * borrow));
    }
    std::ranges::reverse(result);
    return withoutLeadingZeros(result);
}

std::string multiply(const std::string& a, std::uint64_t factor)
{
    std::string result = "0";
    // Shift-and-add over the factor's decimal digits keeps every step in plain digit strings.
    std::string shifted = withoutLeadingZeros(a);
    for (; factor > 0; factor /= 10, shifted += '0')
        for (std::uint64_t times = factor % 10; times > 0; --times)
            result = add(result, shifted);
    return result;
}

} // namespace ls::ui::pht
