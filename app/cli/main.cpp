// lightstreams-cli: wallet, chain and content commands for scripting and power users.
// Composition root only; commands reach core through core/api.
#include "app/cli/ChainCommands.h"
#include "app/cli/CommandContext.h"
#include "app/cli/ContentCommands.h"
#include "app/cli/WalletCommand.h"
#include "core/util/ProfilePaths.h"
#include "core/util/Version.h"

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

using namespace ls;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("lightstreams-cli"));
    QCoreApplication::setApplicationVersion(QString::fromLatin1(kVersion));

    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "main", "Lightstreams command line.\n\n"
                "Commands (each has --help):\n"
                "  wallet    create, restore and inspect the profile's wallet\n"
                "  network   choose the network (network use FILE) and show its status\n"
                "  balance   an account's balance, proven\n"
                "  send      send PHT\n"
                "  title     show a title; publish and manage title records\n"
                "  buy       buy a licence for a title\n"
                "  licence   show a licence, proven\n"
                "  tx        show whether a transaction is final, proven\n"
                "  publish   encrypt, seed and record a file as a new title\n"
                "  add-version  add a file as the next version of your title\n"
                "  fetch     download a title you hold a licence for and save it decrypted\n"
                "  seed      serve every title in the library to licensed peers\n"
                "  library   the titles in this profile's library\n\n"
                "Every chain fact shown is verified by the built-in light client against the\n"
                "network's genesis, never taken on a server's word."));
    parser.addHelpOption();
    parser.addVersionOption();
    QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QCoreApplication::translate("main", "Use profile NAME (default: default)."),
        QStringLiteral("NAME"), QString::fromLatin1(ProfilePaths::kDefaultProfile.data()));
    QCommandLineOption dataDirOption(
        QStringLiteral("datadir"),
        QCoreApplication::translate("main", "Keep profiles under DIR instead of the user data "
                                            "directory."),
        QStringLiteral("DIR"));
    QCommandLineOption jsonOption(QStringLiteral("json"),
                                  QCoreApplication::translate("main", "Answer in JSON."));
    QCommandLineOption networkOption(QStringLiteral("network"),
        QCoreApplication::translate("main", "Use the network profile FILE (default: the one "
                                            "chosen with `network use`)."),
        QStringLiteral("FILE"));
    parser.addOptions({profileOption, dataDirOption, jsonOption, networkOption});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 QCoreApplication::translate("main", "The command to run."));
    // Everything after the command belongs to it (so `wallet --help` reaches the wallet).
    parser.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty()) {
        std::fputs(qPrintable(parser.helpText()), stderr);
        return cli::kExitUsage;
    }

    auto profile = ProfilePaths::open(parser.value(profileOption).toStdString(),
                                      parser.value(dataDirOption).toStdString());
    if (!profile) {
        std::fprintf(stderr, "lightstreams-cli: %s\n", profile.error().message.c_str());
        return cli::kExitUsage;
    }
    // --json may also follow the command (`tx HASH --json`), as scripts tend to write it.
    QStringList commandPart = positional;
    const bool trailingJson = commandPart.removeAll(QStringLiteral("--json")) > 0;
    cli::CommandContext context{*profile, parser.isSet(jsonOption) || trailingJson, std::nullopt};
    if (parser.isSet(networkOption))
        context.networkFile = parser.value(networkOption).toStdString();

    const QString command = positional.first();
    // The subcommand parser expects the program name first.
    QStringList commandArguments = commandPart.mid(1);
    commandArguments.prepend(QCoreApplication::applicationName() + QLatin1Char(' ') + command);

    using Command = int (*)(const QStringList&, const cli::CommandContext&);
    const std::pair<const char*, Command> commands[] = {
        {"wallet", cli::runWalletCommand},   {"network", cli::runNetworkCommand},
        {"balance", cli::runBalanceCommand}, {"send", cli::runSendCommand},
        {"title", cli::runTitleCommand},     {"buy", cli::runBuyCommand},
        {"licence", cli::runLicenceCommand}, {"license", cli::runLicenceCommand},
        {"tx", cli::runTxCommand},
        {"publish", cli::runPublishCommand}, {"add-version", cli::runAddVersionCommand},
        {"fetch", cli::runFetchCommand},     {"seed", cli::runSeedCommand},
        {"library", cli::runLibraryCommand},
    };
    for (const auto& [name, run] : commands)
        if (command == QLatin1String(name))
            return run(commandArguments, context);

    std::fprintf(stderr, "lightstreams-cli: unknown command '%s' (see --help)\n",
                 qPrintable(command));
    return cli::kExitUsage;
}
