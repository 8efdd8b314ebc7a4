// publish and add-version: a file becomes an encrypted, seeded, recorded title (or its next
// version), through api::Studio.
#include "app/cli/ContentCommandSession.h"
#include "app/cli/ContentCommands.h"
#include "app/cli/ContentOutput.h"
#include "core/codec/UInt256.h"
#include "core/util/AtomicFile.h"

#include <QCommandLineParser>

namespace ls::cli {
namespace {

constexpr std::size_t kMaxContentsFileBytes = 1024 * 1024;

Result<std::vector<std::string>> readContents(const QString& file)
{
    auto bytes = readFileLimited(file.toStdString(), kMaxContentsFileBytes);
    if (!bytes)
        return fail(bytes.error().kind,
            "Cannot read the contents file " + file.toStdString() + ": " + bytes.error().message);
    std::vector<std::string> lines;
    for (const QString& line : QString::fromUtf8(
             reinterpret_cast<const char*>(bytes->data()), static_cast<qsizetype>(bytes->size()))
                                   .split(QLatin1Char('\n'))) {
        const QString entry = line.trimmed();
        if (!entry.isEmpty())
            lines.push_back(entry.toStdString());
    }
    return lines;
}

// Prints the result; with --seed keeps serving until stopped.
int finishPublishing(ContentCommandSession& session, const CommandContext& context,
    const api::PublishedVersion& published, bool seed)
{
    QJsonObject json = output::publishedJson(published);
    QString text = output::publishedText(published);
    if (seed) {
        json.insert(QStringLiteral("listenPort"), session.listenPort());
        text += QStringLiteral("\nSeeding on port %1 until stopped (Ctrl-C).")
                    .arg(session.listenPort());
    }
    context.answer(text, json);
    if (seed)
        session.serveUntilStopped();
    return kExitOk;
}

} // namespace

int runPublishCommand(const QStringList& arguments, const CommandContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Publishes FILE as a new title: encrypts it under a fresh title key, makes its content\n"
        "and metadata torrents, records the title and its version 1 in the Catalog, keeps the\n"
        "key in the library, and seeds. Prints the title id and both infohashes.\n"
        "Interrupted? Run the same command again: it continues where it stopped."));
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("the content"));
    const QCommandLineOption title(
        QStringLiteral("title"), QStringLiteral("The title."), QStringLiteral("TEXT"));
    const QCommandLineOption price(
        QStringLiteral("price"), QStringLiteral("Price in PHT."), QStringLiteral("PHT"));
    const QCommandLineOption subject(QStringLiteral("subject"),
        QStringLiteral("Subject (at most 64 bytes)."), QStringLiteral("TEXT"));
    const QCommandLineOption author(QStringLiteral("author-name"),
        QStringLiteral("An author's name, as readers see it (repeatable)."),
        QStringLiteral("NAME"));
    const QCommandLineOption blurb(
        QStringLiteral("blurb"), QStringLiteral("A short description."), QStringLiteral("TEXT"));
    const QCommandLineOption cover(QStringLiteral("cover"),
        QStringLiteral("Cover image: PNG, JPEG or WebP, at most 256 KiB."), QStringLiteral("IMG"));
    const QCommandLineOption sample(QStringLiteral("sample"),
        QStringLiteral("A short excerpt readers can try before buying: PDF, audio or video, at "
                       "most 768 KiB."),
        QStringLiteral("FILE"));
    const QCommandLineOption contents(QStringLiteral("contents-file"),
        QStringLiteral("Table of contents: one entry per line."), QStringLiteral("FILE"));
    const QCommandLineOption mediaType(QStringLiteral("media-type"),
        QStringLiteral("The content's media type (default: recognised from the file)."),
        QStringLiteral("TYPE"));
    const QCommandLineOption note(QStringLiteral("note"),
        QStringLiteral("Note on version 1 (at most 256 bytes)."), QStringLiteral("TEXT"));
    const QCommandLineOption seed(QStringLiteral("seed"),
        QStringLiteral("Keep seeding after publishing, until SIGINT or SIGTERM."));
    parser.addOptions(
        { title, price, subject, author, blurb, cover, sample, contents, mediaType, note, seed });
    const ContentCommandSession::Options common;
    common.addTo(parser);
    if (auto exit = parseCommand(parser, arguments, "publish", 1, 1))
        return *exit;
    if (!parser.isSet(title) || !parser.isSet(price))
        return context.failWith(
            { ErrorKind::InvalidInput, "publish needs --title TEXT and --price PHT" });
    auto units = codec::parseUnits(parser.value(price).toStdString());
    if (!units)
        return context.failWith({ ErrorKind::InvalidInput,
            "The price is not a number of PHT: " + units.error().message });

    api::PublishRequest request;
    request.file = parser.positionalArguments().first().toStdString();
    request.price = units->toDecimalString();
    request.mediaType = parser.value(mediaType).toStdString();
    request.note = parser.value(note).toStdString();
    request.metadata.title = parser.value(title).toStdString();
    request.metadata.subject = parser.value(subject).toStdString();
    request.metadata.blurb = parser.value(blurb).toStdString();
    request.metadata.coverImageFile = parser.value(cover).toStdString();
    request.metadata.sampleFile = parser.value(sample).toStdString();
    for (const QString& name : parser.values(author))
        request.metadata.authors.push_back(name.toStdString());
    if (parser.isSet(contents)) {
        auto entries = readContents(parser.value(contents));
        if (!entries)
            return context.failWith(entries.error());
        request.metadata.contents = std::move(*entries);
    }

    auto session = ContentCommandSession::open(context, parser, common);
    if (!session)
        return context.failWith(session.error());
    ContentCommandSession& s = **session;
    auto published = s.chain().wait<api::PublishedVersion>([&](auto done) {
        return s.studio().publish(
            request, s.passphrase(), output::publishProgressPrinter(context.json), std::move(done));
    });
    if (!published)
        return context.failWith(published.error());
    return finishPublishing(s, context, *published, parser.isSet(seed));
}

int runAddVersionCommand(const QStringList& arguments, const CommandContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Adds FILE as the next version of your title ID: encrypted under the title's key (so\n"
        "every buyer can open it), seeded and recorded in the Catalog."));
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("title id"));
    parser.addPositionalArgument(QStringLiteral("file"), QStringLiteral("the new content"));
    const QCommandLineOption note(QStringLiteral("note"),
        QStringLiteral("Note on the version (at most 256 bytes)."), QStringLiteral("TEXT"));
    const QCommandLineOption seed(QStringLiteral("seed"),
        QStringLiteral("Keep seeding afterwards, until SIGINT or SIGTERM."));
    parser.addOptions({ note, seed });
    const ContentCommandSession::Options common;
    common.addTo(parser);
    if (auto exit = parseCommand(parser, arguments, "add-version", 2, 2))
        return *exit;
    bool numeric = false;
    const qulonglong titleId = parser.positionalArguments().first().toULongLong(&numeric);
    if (!numeric || titleId == 0)
        return context.failWith({ ErrorKind::InvalidInput, "A title id is a whole number from 1" });
    auto session = ContentCommandSession::open(context, parser, common);
    if (!session)
        return context.failWith(session.error());
    ContentCommandSession& s = **session;
    auto added = s.chain().wait<api::PublishedVersion>([&](auto done) {
        return s.studio().addVersion(titleId, parser.positionalArguments().at(1).toStdString(),
            parser.value(note).toStdString(), s.passphrase(),
            output::publishProgressPrinter(context.json), std::move(done));
    });
    if (!added)
        return context.failWith(added.error());
    return finishPublishing(s, context, *added, parser.isSet(seed));
}

} // namespace ls::cli
