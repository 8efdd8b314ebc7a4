#include "core/library/LibrarySql.h"

#include <QStringDecoder>

namespace ls::library::sql {

std::unexpected<Error> damaged(const std::string& what)
{
    return fail(ErrorKind::Io,
        "The library database is damaged: " + what
            + ". Move the library file aside to start a new library; your licences stay on the "
              "chain.");
}

Result<std::int64_t> toInteger(std::uint64_t value, std::string_view what)
{
    if (value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
        return fail(ErrorKind::InvalidInput,
            "The " + std::string(what) + " " + std::to_string(value)
                + " is too large for the library (the largest is 2^63-1).");
    return static_cast<std::int64_t>(value);
}

Result<std::uint64_t> unsignedColumn(
    const storage::Statement& row, int column, std::string_view what)
{
    std::int64_t value = row.columnInt64(column);
    if (value < 0)
        return damaged(std::string(what) + " is negative");
    return static_cast<std::uint64_t>(value);
}

Result<std::uint32_t> uint32Column(const storage::Statement& row, int column, std::string_view what)
{
    std::int64_t value = row.columnInt64(column);
    if (value < 0 || value > std::numeric_limits<std::uint32_t>::max())
        return damaged(std::string(what) + " is out of range");
    return static_cast<std::uint32_t>(value);
}

Result<void> checkText(std::string_view text, std::size_t maxBytes, std::string_view what)
{
    if (text.size() > maxBytes)
        return fail(ErrorKind::InvalidInput,
            "The " + std::string(what) + " is too long (" + std::to_string(text.size())
                + " bytes; at most " + std::to_string(maxBytes) + ").");
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString decoded
        = decoder.decode(QByteArrayView(text.data(), static_cast<qsizetype>(text.size())));
    if (decoder.hasError())
        return fail(
            ErrorKind::InvalidInput, "The " + std::string(what) + " is not valid UTF-8 text.");
    return {};
}

} // namespace ls::library::sql
