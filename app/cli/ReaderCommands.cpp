// fetch, seed and library: the reader's side of content, through api::Library.
#include "app/cli/ContentCommandSession.h"
#include "app/cli/ContentCommands.h"
#include "app/cli/ContentOutput.h"
#include "core/market/ContentSession.h"

#include <QCommandLineParser>
#include <QSaveFile>

namespace ls::cli {
namespace {

constexpr std::size_t kCopyBlock = 1024 * 1024;

// Decrypts the whole version into `out`, which appears only once complete (QSaveFile).
Result<std::uint64_t> saveCopy(api::VersionContent& content, const QString& out)
{
    QSaveFile file(out);
    if (!file.open(QIODevice::WriteOnly))
        return fail(ErrorKind::Io,
            "Cannot write " + out.toStdString() + ": " + file.errorString().toStdString());
    crypto::SecretBytes block(kCopyBlock); // plaintext: wiped when done
    for (std::uint64_t offset = 0; offset < content.size();) {
        const std::size_t n = static_cast<std::size_t>(
            std::min<std::uint64_t>(kCopyBlock, content.size() - offset));
        if (auto read = content.read(offset, { block.data(), n }); !read)
            return std::unexpected(read.error());
        if (file.write(reinterpret_cast<const char*>(block.data()), static_cast<qint64>(n))
            != static_cast<qint64>(n))
            return fail(ErrorKind::Io,
                "Cannot write " + out.toStdString() + ": " + file.errorString().toStdString());
        offset += n;
    }
    if (!file.commit())
        return fail(ErrorKind::Io,
            "Cannot write " + out.toStdString() + ": " + file.errorString().toStdString());
    return content.size();
}

} // namespace

int runFetchCommand(const QStringList& arguments, const CommandContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Fetches version N (default: the newest) of title ID, which this wallet holds a licence\n"
        "for: downloads what is missing from peers, obtains the title key from a licensed\n"
        "holder (checked against the chain), and writes the decrypted content to FILE."));
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("title id"));
    const QCommandLineOption version(QStringLiteral("version"),
        QStringLiteral("The version (default: the newest)."), QStringLiteral("N"));
    const QCommandLineOption out(QStringLiteral("out"),
        QStringLiteral("Write the decrypted content to FILE."), QStringLiteral("FILE"));
    parser.addOptions({ version, out });
    const ContentCommandSession::Options common;
    common.addTo(parser);
    if (auto exit = parseCommand(parser, arguments, "fetch", 1, 1))
        return *exit;
    bool numeric = false;
    const qulonglong titleId = parser.positionalArguments().first().toULongLong(&numeric);
    if (!numeric || titleId == 0)
        return context.failWith({ ErrorKind::InvalidInput, "A title id is a whole number from 1" });
    std::optional<std::uint32_t> number;
    if (parser.isSet(version)) {
        const uint value = parser.value(version).toUInt(&numeric);
        if (!numeric || value == 0)
            return context.failWith(
                { ErrorKind::InvalidInput, "A version is a whole number from 1" });
        number = value;
    }
    if (!parser.isSet(out))
        return context.failWith({ ErrorKind::InvalidInput, "fetch needs --out FILE" });

    auto session = ContentCommandSession::open(context, parser, common);
    if (!session)
        return context.failWith(session.error());
    ContentCommandSession& s = **session;
    auto fetched = s.chain().wait<api::FetchedVersion>([&](auto done) {
        return s.library().fetch(
            titleId, number, output::fetchProgressPrinter(context.json), std::move(done));
    });
    if (!fetched)
        return context.failWith(fetched.error());
    auto content = s.library().open(fetched->titleId, fetched->version);
    if (!content)
        return context.failWith(content.error());
    auto saved = saveCopy(**content, parser.value(out));
    if (!saved)
        return context.failWith(saved.error());
    context.answer(QStringLiteral("Saved title %1 version %2 (%3 bytes, %4) to %5.")
                       .arg(fetched->titleId)
                       .arg(fetched->version)
                       .arg(*saved)
                       .arg(QString::fromStdString(fetched->mediaType), parser.value(out)),
        QJsonObject { { QStringLiteral("titleId"), static_cast<qint64>(fetched->titleId) },
            { QStringLiteral("version"), static_cast<qint64>(fetched->version) },
            { QStringLiteral("size"), static_cast<qint64>(*saved) },
            { QStringLiteral("mediaType"), QString::fromStdString(fetched->mediaType) },
            { QStringLiteral("out"), parser.value(out) } });
    return kExitOk;
}

int runSeedCommand(const QStringList& arguments, const CommandContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Serves every title in the library (published or bought) to peers allowed to have it\n"
        "(the author and licence holders, proven on chain) until SIGINT or SIGTERM. Prints the\n"
        "port it listens on."));
    const ContentCommandSession::Options common;
    common.addTo(parser);
    if (auto exit = parseCommand(parser, arguments, "seed", 0, 0))
        return *exit;
    auto session = ContentCommandSession::open(context, parser, common);
    if (!session)
        return context.failWith(session.error());
    ContentCommandSession& s = **session;
    const int torrents = s.chain()
                             .wait<int>([&](auto done) {
                                 s.content().seedLibrary([done](int added) { done(added); });
                                 return api::Chain::Handle();
                             })
                             .value_or(0);
    context.answer(QStringLiteral("Seeding %1 torrent(s) on port %2 until stopped (Ctrl-C).")
                       .arg(torrents)
                       .arg(s.listenPort()),
        QJsonObject { { QStringLiteral("listenPort"), s.listenPort() },
            { QStringLiteral("torrents"), torrents } });
    s.serveUntilStopped();
    return kExitOk;
}

int runLibraryCommand(const QStringList& arguments, const CommandContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Lists the titles in this profile's library — bought or published — with their versions\n"
        "and download state, and publications not finished yet."));
    const ContentCommandSession::Options common;
    common.addTo(parser);
    if (auto exit = parseCommand(parser, arguments, "library", 0, 0))
        return *exit;
    auto session = ContentCommandSession::open(context, parser, common, false);
    if (!session)
        return context.failWith(session.error());
    auto titles = (*session)->library().titles();
    if (!titles)
        return context.failWith(titles.error());
    auto unfinished = (*session)->studio().unfinished();
    if (!unfinished)
        return context.failWith(unfinished.error());
    context.answer(
        output::libraryText(*titles, *unfinished), output::libraryJson(*titles, *unfinished));
    return kExitOk;
}

} // namespace ls::cli
