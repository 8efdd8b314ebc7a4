// title, buy and licence: the Catalog from the command line, every answer proven.
#include "app/cli/ChainCommands.h"
#include "app/cli/ChainOutput.h"
#include "app/cli/ChainSession.h"
#include "app/cli/SecretInput.h"
#include "core/codec/UInt256.h"

#include <QCommandLineParser>
#include <QJsonArray>

namespace ls::cli {
namespace {

QString q(const std::string& text) { return QString::fromStdString(text); }

Result<std::uint64_t> titleIdOf(const QString& text)
{
    bool ok = false;
    const qulonglong id = text.toULongLong(&ok);
    if (!ok || id == 0)
        return fail(ErrorKind::InvalidInput,
            "A title id is a whole number from 1 (got '" + text.toStdString() + "')");
    return std::uint64_t { id };
}

Result<std::string> baseUnitsOf(const QString& pht, std::string_view what)
{
    auto amount = codec::parseUnits(pht.toStdString());
    if (!amount)
        return fail(ErrorKind::InvalidInput,
            std::string(what) + " is not a number of PHT: " + amount.error().message);
    return amount->toDecimalString();
}

// What every signing command does before it reaches the market.
struct Signing {
    std::unique_ptr<ChainSession> session;
    crypto::SecretBytes passphrase;
};

Result<Signing> prepareSigning(const CommandContext& context, const QCommandLineParser& parser,
    const QCommandLineOption& passphraseFile)
{
    auto session = ChainSession::open(context);
    if (!session)
        return std::unexpected(session.error());
    if (auto own = (*session)->walletAddress(); !own)
        return std::unexpected(own.error());
    auto passphrase = SecretInput().read("Wallet passphrase: ",
        parser.isSet(passphraseFile) ? std::optional(parser.value(passphraseFile)) : std::nullopt);
    if (!passphrase)
        return std::unexpected(passphrase.error());
    return Signing { std::move(*session), std::move(*passphrase) };
}

int showTitle(std::uint64_t titleId, const CommandContext& context)
{
    auto session = ChainSession::open(context);
    if (!session)
        return context.failWith(session.error());
    if (auto height = (*session)->update(); !height)
        return context.failWith(height.error());
    auto title = (*session)->wait<std::optional<api::TitleInfo>>(
        [&](auto done) { return (*session)->chain().title(titleId, std::move(done)); });
    if (!title)
        return context.failWith(title.error());
    if (!*title)
        return context.failWith({ ErrorKind::NotFound,
            "There is no title " + std::to_string(titleId) + " (proven absent)" });
    QString text = output::titleText(**title);
    QJsonObject json = output::titleJson(**title);
    QJsonArray versions;
    for (std::uint32_t number = 1; number <= (*title)->versionCount; ++number) {
        auto version = (*session)->wait<std::optional<api::VersionInfo>>([&](auto done) {
            return (*session)->chain().version(titleId, number, std::move(done));
        });
        if (!version)
            return context.failWith(version.error());
        if (!*version)
            continue;
        text += QStringLiteral("\n  version %1: %2 bytes, content %3%4")
                    .arg(number)
                    .arg((*version)->size)
                    .arg(q((*version)->contentInfohash),
                        (*version)->note.empty() ? QString() : QStringLiteral(" — ") + q((*version)->note));
        versions.append(QJsonObject { { QStringLiteral("number"), static_cast<qint64>(number) },
            { QStringLiteral("contentInfohash"), q((*version)->contentInfohash) },
            { QStringLiteral("size"), static_cast<qint64>((*version)->size) },
            { QStringLiteral("note"), q((*version)->note) },
            { QStringLiteral("addedAtMs"), static_cast<qint64>((*version)->addedAtMs) } });
    }
    json.insert(QStringLiteral("versions"), versions);
    context.answer(text, json);
    return kExitOk;
}

} // namespace

int runTitleCommand(const QStringList& arguments, const CommandContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Titles in the Catalog.\n\n"
        "  title ID                                   show a title and its versions, proven\n"
        "  title publish-record --price PHT [--subject S] [--metadata-infohash H]\n"
        "                       [--key-commitment H] [--content-infohash H --size N [--note T]]\n"
        "                                             publish a title record (no content is\n"
        "                                             seeded); with --content-infohash, also\n"
        "                                             add version 1 so it can be bought\n"
        "  title add-version-record ID --content-infohash H --size N [--note T]\n"
        "  title set-price ID PHT\n"
        "  title list ID | title delist ID            put on sale again, or take off sale"));
    parser.addPositionalArgument(QStringLiteral("what"), QStringLiteral("ID or an action"));
    const QCommandLineOption price(QStringLiteral("price"), QStringLiteral("Price in PHT."),
        QStringLiteral("PHT"));
    const QCommandLineOption subject(QStringLiteral("subject"),
        QStringLiteral("Subject (at most 64 bytes)."), QStringLiteral("S"));
    const QCommandLineOption metadata(QStringLiteral("metadata-infohash"),
        QStringLiteral("Infohash of the public metadata torrent (0x + 64 hex)."),
        QStringLiteral("H"));
    const QCommandLineOption commitment(QStringLiteral("key-commitment"),
        QStringLiteral("Commitment to the title key (0x + 64 hex)."), QStringLiteral("H"));
    const QCommandLineOption content(QStringLiteral("content-infohash"),
        QStringLiteral("Infohash of the version's content torrent (0x + 64 hex)."),
        QStringLiteral("H"));
    const QCommandLineOption size(QStringLiteral("size"),
        QStringLiteral("Size of the version's container in bytes."), QStringLiteral("N"));
    const QCommandLineOption note(QStringLiteral("note"),
        QStringLiteral("Version note (at most 256 bytes)."), QStringLiteral("T"));
    const QCommandLineOption passphraseFile = passphraseFileOption();
    parser.addOptions({ price, subject, metadata, commitment, content, size, note, passphraseFile });
    if (auto exit = parseCommand(parser, arguments, "title", 1, 3))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    const QString action = positional.first();

    if (positional.size() == 1 && action != QLatin1String("publish-record")) {
        auto titleId = titleIdOf(action);
        return titleId ? showTitle(*titleId, context) : context.failWith(titleId.error());
    }

    auto versionOf = [&](std::uint64_t titleId) -> Result<api::NewVersionRecord> {
        bool numeric = false;
        const qulonglong bytes = parser.value(size).toULongLong(&numeric);
        if (!parser.isSet(content) || !numeric)
            return fail(ErrorKind::InvalidInput,
                "A version record needs --content-infohash H and --size N (bytes)");
        return api::NewVersionRecord { titleId, parser.value(content).toStdString(), bytes,
            parser.value(note).toStdString() };
    };

    if (action == QLatin1String("publish-record")) {
        if (!parser.isSet(price))
            return context.failWith({ ErrorKind::InvalidInput, "publish-record needs --price PHT" });
        auto units = baseUnitsOf(parser.value(price), "The price");
        if (!units)
            return context.failWith(units.error());
        auto firstVersion = parser.isSet(content) ? std::optional(versionOf(0)) : std::nullopt;
        if (firstVersion && !*firstVersion)
            return context.failWith(firstVersion->error());
        auto signing = prepareSigning(context, parser, passphraseFile);
        if (!signing)
            return context.failWith(signing.error());
        ChainSession& session = *signing->session;
        api::NewTitleRecord record { *units, parser.value(subject).toStdString(),
            parser.value(metadata).toStdString(), parser.value(commitment).toStdString() };
        auto published = session.wait<api::PublishedTitle>([&](auto done) {
            return session.market().publishRecord(
                record, signing->passphrase, session.progressPrinter(), std::move(done));
        });
        if (!published)
            return context.failWith(published.error());
        QString text = QStringLiteral("Published title %1.\n%2")
                           .arg(published->titleId)
                           .arg(output::confirmationText(published->confirmation));
        QJsonObject json { { QStringLiteral("titleId"), static_cast<qint64>(published->titleId) },
            { QStringLiteral("publish"), output::confirmationJson(published->confirmation) } };
        if (firstVersion) {
            api::NewVersionRecord version = **firstVersion;
            version.titleId = published->titleId;
            auto added = session.wait<api::AddedVersion>([&](auto done) {
                return session.market().addVersionRecord(
                    version, signing->passphrase, session.progressPrinter(), std::move(done));
            });
            if (!added)
                return context.failWith({ added.error().kind,
                    "Title " + std::to_string(published->titleId)
                        + " was published, but adding its version failed: "
                        + added.error().message });
            text += QStringLiteral("\nAdded version %1.").arg(added->number);
            json.insert(QStringLiteral("version"), static_cast<qint64>(added->number));
            json.insert(QStringLiteral("addVersion"), output::confirmationJson(added->confirmation));
        }
        context.answer(text, json);
        return kExitOk;
    }

    if (positional.size() < 2)
        return context.failWith({ ErrorKind::InvalidInput,
            "`title " + action.toStdString() + "` needs a title id (see title --help)" });
    auto titleId = titleIdOf(positional.at(1));
    if (!titleId)
        return context.failWith(titleId.error());

    if (action == QLatin1String("add-version-record")) {
        auto version = versionOf(*titleId);
        if (!version)
            return context.failWith(version.error());
        auto signing = prepareSigning(context, parser, passphraseFile);
        if (!signing)
            return context.failWith(signing.error());
        ChainSession& session = *signing->session;
        auto added = session.wait<api::AddedVersion>([&](auto done) {
            return session.market().addVersionRecord(
                *version, signing->passphrase, session.progressPrinter(), std::move(done));
        });
        if (!added)
            return context.failWith(added.error());
        QJsonObject json = output::confirmationJson(added->confirmation);
        json.insert(QStringLiteral("version"), static_cast<qint64>(added->number));
        context.answer(QStringLiteral("Added version %1 to title %2.\n%3")
                           .arg(added->number)
                           .arg(*titleId)
                           .arg(output::confirmationText(added->confirmation)),
            json);
        return kExitOk;
    }

    const bool setPrice = action == QLatin1String("set-price");
    const bool setListed = action == QLatin1String("list") || action == QLatin1String("delist");
    if (!setPrice && !setListed)
        return context.failWith({ ErrorKind::InvalidInput,
            "Unknown title action '" + action.toStdString() + "' (see title --help)" });
    if (setPrice != (positional.size() == 3))
        return context.failWith({ ErrorKind::InvalidInput,
            setPrice ? "Usage: title set-price ID PHT" : "Usage: title list|delist ID" });
    std::string newPrice;
    if (setPrice) {
        auto units = baseUnitsOf(positional.at(2), "The price");
        if (!units)
            return context.failWith(units.error());
        newPrice = *units;
    }
    auto signing = prepareSigning(context, parser, passphraseFile);
    if (!signing)
        return context.failWith(signing.error());
    ChainSession& session = *signing->session;
    auto changed = session.wait<api::TransactionConfirmation>([&](auto done) {
        return setPrice ? session.market().setPrice(*titleId, newPrice, signing->passphrase,
                              session.progressPrinter(), std::move(done))
                        : session.market().setListed(*titleId, action == QLatin1String("list"),
                              signing->passphrase, session.progressPrinter(), std::move(done));
    });
    if (!changed)
        return context.failWith(changed.error());
    const QString what = setPrice
        ? QStringLiteral("Title %1 now costs %2.").arg(*titleId).arg(output::pht(newPrice))
        : QStringLiteral("Title %1 is %2.")
              .arg(*titleId)
              .arg(action == QLatin1String("list") ? QStringLiteral("on sale")
                                                   : QStringLiteral("off sale"));
    context.answer(what + QLatin1Char('\n') + output::confirmationText(*changed),
        output::confirmationJson(*changed));
    return kExitOk;
}

int runBuyCommand(const QStringList& arguments, const CommandContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Buys a licence for title ID at its proven price, waits until the purchase is final,\n"
        "and shows the licence the chain now proves."));
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("title id"));
    const QCommandLineOption passphraseFile = passphraseFileOption();
    parser.addOption(passphraseFile);
    if (auto exit = parseCommand(parser, arguments, "buy", 1, 1))
        return *exit;
    auto titleId = titleIdOf(parser.positionalArguments().first());
    if (!titleId)
        return context.failWith(titleId.error());
    auto signing = prepareSigning(context, parser, passphraseFile);
    if (!signing)
        return context.failWith(signing.error());
    ChainSession& session = *signing->session;
    auto bought = session.wait<api::Purchase>([&](auto done) {
        return session.market().buy(
            *titleId, signing->passphrase, session.progressPrinter(), std::move(done));
    });
    if (!bought)
        return context.failWith(bought.error());
    QJsonObject json = output::licenceJson(bought->licence);
    json.insert(QStringLiteral("purchase"), output::confirmationJson(bought->confirmation));
    context.answer(QStringLiteral("Bought title %1.\n%2\n%3")
                       .arg(*titleId)
                       .arg(output::confirmationText(bought->confirmation),
                           output::licenceText(bought->licence)),
        json);
    return kExitOk;
}

int runLicenceCommand(const QStringList& arguments, const CommandContext& context)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Shows the licence ADDRESS (default: this profile's wallet) holds for title ID, proven;\n"
        "or that it holds none (exit code 1)."));
    parser.addPositionalArgument(QStringLiteral("id"), QStringLiteral("title id"));
    parser.addPositionalArgument(QStringLiteral("address"), QStringLiteral("0x… (optional)"));
    if (auto exit = parseCommand(parser, arguments, "licence", 1, 2))
        return *exit;
    const QStringList positional = parser.positionalArguments();
    auto titleId = titleIdOf(positional.first());
    if (!titleId)
        return context.failWith(titleId.error());
    auto session = ChainSession::open(context);
    if (!session)
        return context.failWith(session.error());
    std::string holder;
    if (positional.size() == 2) {
        holder = positional.at(1).toStdString();
    } else {
        auto own = (*session)->walletAddress();
        if (!own)
            return context.failWith(own.error());
        holder = *own;
    }
    if (auto height = (*session)->update(); !height)
        return context.failWith(height.error());
    auto licence = (*session)->wait<std::optional<api::LicenceInfo>>([&](auto done) {
        return (*session)->chain().licence(*titleId, holder, std::move(done));
    });
    if (!licence)
        return context.failWith(licence.error());
    if (!*licence)
        return context.failWith({ ErrorKind::NotFound,
            holder + " holds no licence for title " + std::to_string(*titleId)
                + " (proven absent)" });
    context.answer(output::licenceText(**licence), output::licenceJson(**licence));
    return kExitOk;
}

} // namespace ls::cli
